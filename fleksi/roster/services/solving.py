"""The background solve of a roster (a Django task): collect the facts, solve, save.

Progress is written to the roster row as it goes (each update commits at once, so the page
that refreshes itself sees it): ``collecting`` → ``solving`` → ``saving`` → ``done``. An
impossible month ends ``infeasible`` with the solver's explanations (days, rule, group,
needed, available); any error ends ``failed`` with the error recorded, never a crash page.

The task is defined here, beside the service that queues it, because services queue their
background work and may not import the edge modules above them.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from fleksi.roster.domain import RosterResult, SolveOptions, solve
from fleksi.roster.domain.codec import problem_to_json, result_summary
from fleksi.roster.models import Roster, RosterCell
from fleksi.roster.selectors.problem import BuiltProblem, roster_problem_build
from fleksi.roster.services.common import WORKERS, audit_roster, roster_label

logger = logging.getLogger(__name__)

STALE_ERROR = "The background worker did not finish this roster."
NO_ROSTER_ERROR = "No roster was found within the time limit."
BATCH = 2000


@task()
def roster_solve(roster_id: int) -> str:
    """Background task: solve one queued roster. Returns the roster's status afterwards."""
    return roster_solve_run(roster_id=roster_id)


def _progress(roster_id: int, step: str, pct: int) -> None:
    Roster.objects.filter(pk=roster_id).update(progress=step, progress_pct=pct)


def _fail(roster_id: int, error: str) -> str:
    Roster.objects.filter(pk=roster_id).exclude(status=Roster.Status.PUBLISHED).update(
        status=Roster.Status.FAILED,
        progress="failed",
        error=error[:2000],
        finished_at=timezone.now(),
    )
    return Roster.Status.FAILED


def roster_solve_run(*, roster_id: int) -> str:
    """Solve the roster if it is still queued (a second run of the same task does nothing)."""
    claimed = Roster.objects.filter(pk=roster_id, status=Roster.Status.QUEUED).update(
        status=Roster.Status.SOLVING,
        progress="collecting",
        progress_pct=5,
        started_at=timezone.now(),
    )
    if not claimed:
        return "skipped"
    roster = Roster.objects.select_related("unit").get(pk=roster_id)
    try:
        built = roster_problem_build(
            roster.unit, roster.month, relax_shortfalls=roster.relax_shortfalls
        )
        _progress(roster_id, "solving", 30)
        result = solve(
            built.problem, SolveOptions(time_limit_s=roster.time_limit_s, workers=WORKERS)
        )
        if result.status == "unknown":
            return _fail(roster_id, NO_ROSTER_ERROR)
        _progress(roster_id, "saving", 90)
        return _save(roster, built, result)
    except Exception as exc:
        logger.exception("the solve of roster %s failed", roster_id)
        return _fail(roster_id, f"{type(exc).__name__}: {exc}")


def _save(roster: Roster, built: BuiltProblem, result: RosterResult) -> str:
    status = Roster.Status.PROPOSED if result.feasible else Roster.Status.INFEASIBLE
    with transaction.atomic():
        RosterCell.objects.bulk_create(
            [
                RosterCell(
                    roster=roster,
                    employee_id=emp_id,
                    day=day,
                    placement=placement,
                    fixed=(emp_id, day) in result.fixed,
                )
                for emp_id, row in result.assignment.items()
                for day, placement in row.items()
            ],
            batch_size=BATCH,
        )
        summary = result_summary(result)
        summary["no_policy_days"] = [d.isoformat() for d in built.no_policy_days]
        Roster.objects.filter(pk=roster.pk).update(
            status=status,
            progress="done",
            progress_pct=100,
            result=summary,
            problem=problem_to_json(built.problem),
            policy_version=built.version,
            finished_at=timezone.now(),
        )
        # Older proposals of the unit's month give way to this one (a published roster
        # stays until another is published).
        Roster.objects.filter(
            unit=roster.unit,
            month=roster.month,
            status__in=[Roster.Status.PROPOSED, Roster.Status.INFEASIBLE, Roster.Status.FAILED],
        ).exclude(pk=roster.pk).update(status=Roster.Status.SUPERSEDED)
        audit_roster(
            None,
            roster.unit,
            "solve",
            roster.pk,
            roster_label(roster),
            after={
                "status": status,
                "objective": result.objective,
                "gap_pct": result.gap_pct,
                "seconds": round(result.seconds, 3),
                "explanations": len(result.explanations),
            },
        )
    return status
