"""Verifying output reports (accept with a quality score, return for revision, reject),
in bulk from the inbox, and escalating verifications past their deadline."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fleksi.accounts.models import User
from fleksi.common.errors import Conflict, NotAllowed, ValidationFailed
from fleksi.outputs.models import OutputReport, Verification
from fleksi.outputs.permissions import may_verify
from fleksi.outputs.selectors.deadlines import verification_due_at
from fleksi.outputs.services.common import audit
from fleksi.outputs.services.notices import tell

DECISIONS = ("accepted", "returned", "rejected")


def _check(decision: str, quality: int | None, comment: str) -> None:
    errors: dict[str, list[str]] = {}
    if decision not in DECISIONS:
        errors["decision"] = [_("Choose accept, return or reject.")]
    if decision == "accepted" and (quality is None or not 0 <= quality <= 100):
        errors["quality"] = [_("Give a quality score from 0 to 100.")]
    if quality is not None and not 0 <= quality <= 100:
        errors["quality"] = [_("Give a quality score from 0 to 100.")]
    if decision in ("returned", "rejected") and not comment.strip():
        errors["comment"] = [_("Say what to revise, or why the output is rejected.")]
    if errors:
        raise ValidationFailed(
            "verification_invalid", _("The decision is not complete."), errors=errors
        )


def _decide(
    actor: User, report: OutputReport, decision: str, quality: int | None, comment: str
) -> Verification:
    """Inside the caller's transaction: lock the waiting verification, record the decision."""
    pending = (
        Verification.objects.select_for_update(of=("self",))
        .filter(report=report, status=Verification.Status.PENDING)
        .first()
    )
    if pending is None:
        raise Conflict("verification_decided", _("This report has already been decided."))
    if not may_verify(actor, report, pending):
        raise NotAllowed("not_verifier", _("You are not the verifier of this report."))
    now = timezone.now()
    pending.status, pending.acted_by, pending.acted_at = decision, actor, now
    pending.quality = quality
    pending.comment = comment.strip()
    pending.save(update_fields=["status", "acted_by", "acted_at", "quality", "comment"])
    report.status = decision
    report.quality = quality if decision == "accepted" else None
    report.save(update_fields=["status", "quality", "updated_at"])
    audit(
        actor,
        report.employee,
        f"report.{decision}",
        "report",
        report.pk,
        after={
            "quality": quality,
            "comment": pending.comment,
            "level": pending.level,
            "verifier": pending.verifier_id,
        },
    )
    what = report.planned_output.description if report.planned_output else report.description
    tell(
        kind=f"output.{decision}",
        to=[report.employee],
        params={
            "what": what[:80],
            "day": report.day.isoformat(),
            "quality": quality if quality is not None else "—",
            "comment": pending.comment,
        },
        url=f"/outputs/reports/{report.pk}/",
        source=("outputs.report", str(report.pk)),
    )
    return pending


def report_verify(
    *,
    actor: User,
    report: OutputReport,
    decision: str,
    quality: int | None = None,
    comment: str = "",
) -> Verification:
    _check(decision, quality, comment)
    with transaction.atomic():
        report = OutputReport.objects.select_related(
            "employee", "employee__unit", "planned_output"
        ).get(pk=report.pk)
        return _decide(actor, report, decision, quality, comment)


def reports_accept(
    *, actor: User, report_ids: Sequence[int], quality: int, comment: str = ""
) -> int:
    """Accept several reports with one quality score (the inbox's bulk action). All or
    nothing: a report the actor may not verify, or one already decided, stops the batch."""
    _check("accepted", quality, comment)
    ids = sorted(set(report_ids))
    if not ids:
        raise ValidationFailed("nothing_chosen", _("Choose at least one report."))
    with transaction.atomic():
        reports = list(
            OutputReport.objects.select_related("employee", "employee__unit", "planned_output")
            .filter(pk__in=ids)
            .order_by("pk")
        )
        if len(reports) != len(ids):
            raise Conflict("report_missing", _("One of the chosen reports no longer exists."))
        for report in reports:
            _decide(actor, report, "accepted", quality, comment)
    return len(reports)


def verifications_escalate_overdue(*, now: datetime | None = None) -> int:
    """Each waiting verification past its deadline goes to the verifier's own supervisor
    (one transaction per verification; the top of the line keeps it). Returns how many."""
    now = now or timezone.now()
    escalated = 0
    overdue = list(
        Verification.objects.filter(status=Verification.Status.PENDING, due_at__lt=now)
        .order_by("due_at")
        .values_list("pk", flat=True)
    )
    for pk in overdue:
        with transaction.atomic():
            v = (
                Verification.objects.select_for_update(of=("self",))
                .select_related(
                    "verifier",
                    "verifier__supervisor",
                    "report",
                    "report__employee",
                    "report__employee__unit",
                    "report__planned_output",
                )
                .get(pk=pk)
            )
            if v.status != Verification.Status.PENDING or v.due_at >= now:
                continue
            target = v.verifier.supervisor
            if target is None or not target.is_active or target.pk == v.report.employee_id:
                continue
            v.status, v.acted_at = Verification.Status.ESCALATED, now
            v.save(update_fields=["status", "acted_at"])
            nxt = Verification.objects.create(
                report=v.report,
                level=v.level + 1,
                verifier=target,
                due_at=verification_due_at(now),
            )
            report = v.report
            audit(
                None,
                report.employee,
                "report.escalate",
                "report",
                report.pk,
                after={"from": v.verifier_id, "to": target.pk, "level": nxt.level},
            )
            what = (
                report.planned_output.description if report.planned_output else report.description
            )
            tell(
                kind="output.verification_escalated",
                to=[target, v.verifier],
                params={
                    "name": report.employee.name,
                    "what": what[:80],
                    "day": report.day.isoformat(),
                },
                url=f"/outputs/reports/{report.pk}/",
                source=("outputs.report", str(report.pk)),
            )
            escalated += 1
    return escalated
