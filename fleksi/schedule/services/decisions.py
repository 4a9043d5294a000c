"""Approving, rejecting or returning a request, and escalating overdue steps."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fleksi.common.errors import Conflict, NotAllowed, ValidationFailed
from fleksi.policy.messages import trace_message
from fleksi.schedule.models import ApprovalStep, RequestDay
from fleksi.schedule.selectors.facts import APPROVAL_STATUSES, check_days
from fleksi.schedule.selectors.permissions import may_act_on_step
from fleksi.schedule.selectors.workflow import next_level
from fleksi.schedule.services.common import (
    audit_request,
    due_at,
    lock_employees,
    lock_request,
    lock_unit_days,
    trace_json,
)
from fleksi.schedule.services.notices import tell
from fleksi.schedule.services.requests import _close_if_settled


@dataclass(frozen=True)
class DayRefusal:
    day: date
    reasons: tuple[str, ...]


def _locked_step(step: ApprovalStep, actor: Any) -> ApprovalStep:
    # The request first (the lock order of every decision, see ``common``), then the step
    # only (not the joined rows): the limits are guarded by the employee and unit-day locks.
    lock_request(step.request_id)
    step = (
        ApprovalStep.objects.select_for_update(of=("self",))
        .select_related(
            "request",
            "request__employee",
            "request__employee__unit",
            "request__employee__position",
            "via_unit",
        )
        .get(pk=step.pk)
    )
    if step.status != ApprovalStep.Status.PENDING:
        raise Conflict("step_decided", _("This request has already been decided."))
    if not may_act_on_step(actor, step):
        raise NotAllowed("not_approver", _("You are not the approver of this request."))
    return step


def _days(step: ApprovalStep, days: Sequence[date] | None) -> list[RequestDay]:
    qs = RequestDay.objects.select_for_update().filter(
        request=step.request, status=RequestDay.Status.PENDING
    )
    if days is not None:
        qs = qs.filter(day__in=list(days))
    found = list(qs.order_by("day"))
    if not found:
        raise Conflict("no_pending_days", _("There is no waiting day to decide."))
    return found


def request_approve(
    *, actor: Any, step: ApprovalStep, days: Sequence[date] | None = None, comment: str = ""
) -> list[date]:
    """Approve the waiting days (all, or those given). The rules are checked again under a
    lock on each unit-day concerned; if any day fails, nothing is approved and the refusal
    names the day, the rule and the values."""
    with transaction.atomic():
        step = _locked_step(step, actor)
        request = step.request
        to_approve = _days(step, days)
        lock_employees([request.employee_id])
        lock_unit_days(request.employee, [d.day for d in to_approve])
        checks = check_days(
            employee=request.employee,
            days=[d.day for d in to_approve],
            kind=request.kind,
            location_type=request.location_type,
            submitted_on=timezone.localtime(request.submitted_at).date(),
            statuses=APPROVAL_STATUSES,
            desa_id=request.desa_id,
            duty_letter=bool(request.duty_letter_sha256),
        )
        # Notice was checked at submission; at approval only the current state matters.
        refusals = [
            DayRefusal(
                c.day, tuple(trace_message(t) for t in c.decision.failures if t.rule != "lead_time")
            )
            for c in checks
        ]
        refusals = [r for r in refusals if r.reasons]
        if refusals:
            raise Conflict(
                "rules_refuse",
                _("Not approved: %(days)s no longer pass the rules.")
                % {"days": ", ".join(r.day.isoformat() for r in refusals)},
                refusals=[{"day": r.day.isoformat(), "reasons": list(r.reasons)} for r in refusals],
            )
        now = timezone.now()
        by_day = {c.day: c for c in checks}
        for d in to_approve:
            d.status, d.decided_by, d.decided_at = RequestDay.Status.APPROVED, actor, now
            d.trace = {
                **(d.trace if isinstance(d.trace, dict) else {}),
                "approval": trace_json(by_day[d.day]),
            }
        RequestDay.objects.bulk_update(to_approve, ["status", "decided_by", "decided_at", "trace"])
        # The statuses of the request's days, read once: whether the step is done and what
        # the request becomes.
        statuses = set(request.days.values_list("status", flat=True))
        if RequestDay.Status.PENDING not in statuses:
            step.status, step.acted_by, step.acted_at = ApprovalStep.Status.APPROVED, actor, now
            step.comment = comment.strip()
            step.save(update_fields=["status", "acted_by", "acted_at", "comment"])
        _close_if_settled(request, statuses)
        approved = [d.day for d in to_approve]
        audit_request(actor, request, "approve", after={"days": approved, "comment": comment})
        tell(kind="request.approved", request=request, to=[request.employee], comment=comment)
    return approved


def _end_step(step: ApprovalStep, actor: Any, status: str, comment: str) -> None:
    step.status, step.acted_by, step.acted_at = status, actor, timezone.now()
    step.comment = comment
    step.save(update_fields=["status", "acted_by", "acted_at", "comment"])


def request_reject(
    *, actor: Any, step: ApprovalStep, comment: str, days: Sequence[date] | None = None
) -> list[date]:
    if not comment.strip():
        raise ValidationFailed("comment_required", _("Say why the request is rejected."))
    with transaction.atomic():
        step = _locked_step(step, actor)
        request = step.request
        rejected = _days(step, days)
        RequestDay.objects.filter(pk__in=[d.pk for d in rejected]).update(
            status=RequestDay.Status.REJECTED,
            decided_by=actor,
            decided_at=timezone.now(),
            note=comment.strip()[:255],
        )
        if not RequestDay.objects.filter(request=request, status="pending").exists():
            _end_step(step, actor, ApprovalStep.Status.REJECTED, comment.strip())
        _close_if_settled(request)
        days_out = [d.day for d in rejected]
        audit_request(actor, request, "reject", after={"days": days_out, "comment": comment})
        tell(kind="request.rejected", request=request, to=[request.employee], comment=comment)
    return days_out


def request_return(*, actor: Any, step: ApprovalStep, comment: str) -> None:
    """Send the request back to the employee for changes (all waiting days)."""
    if not comment.strip():
        raise ValidationFailed("comment_required", _("Say what should be changed."))
    with transaction.atomic():
        step = _locked_step(step, actor)
        request = step.request
        RequestDay.objects.filter(request=request, status="pending").update(
            status=RequestDay.Status.RETURNED,
            decided_by=actor,
            decided_at=timezone.now(),
            note=comment.strip()[:255],
        )
        _end_step(step, actor, ApprovalStep.Status.RETURNED, comment.strip())
        _close_if_settled(request)
        audit_request(actor, request, "return", after={"comment": comment})
        tell(kind="request.returned", request=request, to=[request.employee], comment=comment)


def steps_escalate_overdue(*, now: datetime | None = None) -> int:
    """Escalate every waiting step past its deadline to the next level (one transaction per
    step, so one failure does not hold back the others). Returns the number escalated."""
    now = now or timezone.now()
    escalated = 0
    overdue = list(
        ApprovalStep.objects.filter(status=ApprovalStep.Status.PENDING, due_at__lt=now).values_list(
            "pk", "request_id"
        )
    )
    today = timezone.localdate()
    for pk, request_id in overdue:
        with transaction.atomic():
            lock_request(request_id)
            step = (
                ApprovalStep.objects.select_for_update(of=("self",))
                .select_related("request", "request__employee", "via_unit")
                .get(pk=pk)
            )
            if step.status != ApprovalStep.Status.PENDING or step.due_at >= now:
                continue
            target = next_level(
                step.via_unit, step.request.employee, today, current=step.approver_id
            )
            if target is None:
                continue  # the top of the route: it stays with the current approver
            _end_step(step, None, ApprovalStep.Status.ESCALATED, "")
            ApprovalStep.objects.create(
                request=step.request,
                level=step.level + 1,
                approver=target[0],
                via_unit=target[1],
                due_at=due_at(now),
            )
            audit_request(
                None,
                step.request,
                "escalate",
                after={"from": step.approver_id, "to": target[0].pk, "level": step.level + 1},
            )
            tell(
                kind="request.escalated",
                request=step.request,
                to=[target[0], step.approver, step.request.employee],
            )
            escalated += 1
    return escalated
