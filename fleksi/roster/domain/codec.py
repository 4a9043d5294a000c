"""JSON forms of a :class:`RosterProblem` and of a :class:`RosterResult`'s summary.

The caller stores the problem a roster was solved for, so that an edited cell can be checked
against the same rules later (``review.py``), and a summary of the result (the solver's
figures, fairness, unmet preferences, explanations, weekly patterns).

Days inside the problem are written as indexes into ``days`` (a 500-person month stays
small); everything else is plain JSON. ``problem_from_json(problem_to_json(p)) == p``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from datetime import date
from typing import Any, cast

from fleksi.roster.domain.problem import (
    GroupMinimum,
    Placement,
    RosterEmployee,
    RosterProblem,
    RosterWeights,
)
from fleksi.roster.domain.result import RosterResult

FORMAT = 1


def problem_to_json(problem: RosterProblem) -> dict[str, Any]:
    index = {d: j for j, d in enumerate(problem.days)}

    def days_of(values: Mapping[date, str]) -> dict[str, str]:
        return {str(index[d]): v for d, v in sorted(values.items()) if d in index}

    return {
        "format": FORMAT,
        "days": [d.isoformat() for d in problem.days],
        "weekly_cap": problem.weekly_cap,
        "max_offsite_share": problem.max_offsite_share,
        "offsite_caps": {d.isoformat(): n for d, n in sorted(problem.offsite_caps.items())},
        "blackout": sorted(d.isoformat() for d in problem.blackout),
        "minimums": [
            {
                "group": m.group,
                "minimum": m.minimum,
                "days": None if m.days is None else sorted(d.isoformat() for d in m.days),
            }
            for m in problem.minimums
        ],
        "weights": _weights(problem.weights),
        "relax_shortfalls": problem.relax_shortfalls,
        "min_wfa_days": problem.min_wfa_days,
        "employees": [
            {
                "id": e.id,
                "groups": sorted(e.groups),
                "allowed": sorted(index[d] for d in e.allowed if d in index),
                "fixed": days_of(e.fixed),
                "cap_exempt": e.cap_exempt,
                "wfa_outside": [[y, w, n] for (y, w), n in sorted(e.wfa_outside.items())],
                "prior_wfa_days": e.prior_wfa_days,
                "wished": days_of(e.wished),
                "unwanted": days_of(e.unwanted),
                "usual_weekdays": sorted(e.usual_weekdays),
                "peer_group": e.peer_group,
            }
            for e in problem.employees
        ],
    }


def _weights(w: RosterWeights) -> dict[str, Any]:
    return {
        "wish": w.wish,
        "unwanted": w.unwanted,
        "fairness": w.fairness,
        "unrequested": w.unrequested,
        "stability": w.stability,
        "spread": w.spread,
        "reason_factors": dict(w.reason_factors),
    }


def problem_from_json(data: Mapping[str, Any]) -> RosterProblem:
    days = tuple(date.fromisoformat(d) for d in data["days"])

    def dated(values: Mapping[str, str]) -> dict[date, str]:
        return {days[int(j)]: v for j, v in values.items()}

    return RosterProblem(
        days=days,
        weekly_cap=int(data["weekly_cap"]),
        max_offsite_share=float(data["max_offsite_share"]),
        offsite_caps={date.fromisoformat(d): int(n) for d, n in data["offsite_caps"].items()},
        blackout=frozenset(date.fromisoformat(d) for d in data["blackout"]),
        minimums=tuple(
            GroupMinimum(
                m["group"],
                int(m["minimum"]),
                None if m["days"] is None else frozenset(date.fromisoformat(d) for d in m["days"]),
            )
            for m in data["minimums"]
        ),
        weights=RosterWeights(**data["weights"]),
        relax_shortfalls=bool(data["relax_shortfalls"]),
        min_wfa_days=int(data.get("min_wfa_days", 0)),
        employees=tuple(
            RosterEmployee(
                id=int(e["id"]),
                groups=frozenset(e["groups"]),
                allowed=frozenset(days[j] for j in e["allowed"]),
                fixed=cast(dict[date, Placement], dated(e["fixed"])),
                cap_exempt=bool(e["cap_exempt"]),
                wfa_outside={(int(y), int(w)): int(n) for y, w, n in e["wfa_outside"]},
                prior_wfa_days=int(e["prior_wfa_days"]),
                wished=dated(e["wished"]),
                unwanted=dated(e["unwanted"]),
                usual_weekdays=frozenset(e["usual_weekdays"]),
                peer_group=str(e.get("peer_group", "")),
            )
            for e in data["employees"]
        ),
    )


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def result_summary(result: RosterResult) -> dict[str, Any]:
    """Everything of a result except the assignment (kept as cells by the caller)."""
    return {
        "status": result.status,
        "source": result.source,
        "objective": result.objective,
        "best_bound": result.best_bound,
        "gap_pct": result.gap_pct,
        "seconds": round(result.seconds, 3),
        "first_solution_s": (
            round(result.first_solution_s, 3) if result.first_solution_s is not None else None
        ),
        "fairness": asdict(result.fairness) if result.fairness is not None else None,
        "terms": asdict(result.terms) if result.terms is not None else None,
        "explanations": [
            {
                "rule": x.rule,
                "day": _day(x.day),
                "subject": x.subject,
                "needed": x.needed,
                "available": x.available,
                "blocking": x.blocking,
            }
            for x in result.explanations
        ],
        "unmet": [
            {
                "employee": u.employee,
                "day": u.day.isoformat(),
                "kind": u.kind,
                "reason_code": u.reason_code,
                "reasons": [[r.rule, r.subject] for r in u.reasons],
            }
            for u in result.unmet
        ],
        "patterns": {str(k): sorted(v) for k, v in sorted(result.patterns.items())},
    }
