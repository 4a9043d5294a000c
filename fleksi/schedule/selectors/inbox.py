"""The approver's inbox: pending steps, and for every waiting day what approving it would do
to the unit — the on-site headcount after approval against the minimum, and the people
off-site against the quota — computed by the same rules the approval applies."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from fleksi.org.models import Employee
from fleksi.policy.domain.engine import Outcome, TraceEntry
from fleksi.policy.messages import trace_message
from fleksi.schedule.models import ApprovalStep, RequestDay, WorkPlanItem
from fleksi.schedule.selectors.facts import APPROVAL_STATUSES, check_days
from fleksi.schedule.selectors.permissions import steps_for_approver


@dataclass(frozen=True)
class Coverage:
    """The unit's state on a day if this day is approved (each day on its own)."""

    day: date
    allowed: bool
    onsite_after: int | None
    minimum: int | None
    staffing_unit: str
    offsite_after: int | None
    quota: int | None
    quota_unit: str
    reasons: tuple[str, ...]  # why approval would be refused, in plain language
    waiting_same_day: int = 0  # other waiting days for the same day in this inbox

    @property
    def short(self) -> bool:
        return (
            self.onsite_after is not None
            and self.minimum is not None
            and self.onsite_after < self.minimum
        )

    @property
    def over_quota(self) -> bool:
        return (
            self.offsite_after is not None
            and self.quota is not None
            and (self.offsite_after > self.quota)
        )


@dataclass(frozen=True)
class InboxItem:
    step: ApprovalStep
    days: tuple[Coverage, ...]
    plan: tuple[WorkPlanItem, ...]
    overdue: bool


def _entry(trace: tuple[TraceEntry, ...], rule: str) -> TraceEntry | None:
    found = next((t for t in trace if t.rule == rule), None)
    if found is None or found.outcome == Outcome.SKIP:
        return None
    return found


def step_coverage(step: ApprovalStep, days: list[date]) -> list[Coverage]:
    """Check ``days`` of the step's request as the approval would (approved days count)."""
    request = step.request
    checks = check_days(
        employee=request.employee,
        days=days,
        kind=request.kind,
        location_type=request.location_type,
        submitted_on=timezone.localtime(request.submitted_at).date(),
        statuses=APPROVAL_STATUSES,
        desa_id=request.desa_id,
        duty_letter=bool(request.duty_letter_sha256),
    )
    out: list[Coverage] = []
    for c in checks:
        staffing = _entry(c.decision.trace, "min_onsite")
        quota = _entry(c.decision.trace, "unit_share")
        failures = [t for t in c.decision.failures if t.rule != "lead_time"]
        out.append(
            Coverage(
                day=c.day,
                allowed=not failures,
                onsite_after=staffing.observed if staffing else None,
                minimum=staffing.limit if staffing else None,
                staffing_unit=str(staffing.details.get("unit", "")) if staffing else "",
                offsite_after=quota.observed if quota else None,
                quota=quota.limit if quota else None,
                quota_unit=str(quota.details.get("unit", "")) if quota else "",
                reasons=tuple(trace_message(t) for t in failures),
            )
        )
    return out


def inbox_steps(employee: Employee) -> QuerySet[ApprovalStep]:
    return steps_for_approver(employee).prefetch_related(
        Prefetch(
            "request__days",
            queryset=RequestDay.objects.filter(status=RequestDay.Status.PENDING).order_by("day"),
            to_attr="pending_days",
        ),
        Prefetch("request__plan_items", queryset=WorkPlanItem.objects.order_by("order")),
    )


def inbox_items(steps: list[ApprovalStep]) -> list[InboxItem]:
    """The items of one inbox page, with the coverage of each waiting day."""
    now = timezone.now()
    same_day = Counter(d.day for s in steps for d in getattr(s.request, "pending_days", []))
    items = []
    for step in steps:
        days = [d.day for d in getattr(step.request, "pending_days", [])]
        coverage = [
            replace(c, waiting_same_day=same_day[c.day] - 1)
            for c in (step_coverage(step, days) if days else [])
        ]
        items.append(
            InboxItem(
                step=step,
                days=tuple(coverage),
                plan=tuple(step.request.plan_items.all()),
                overdue=step.due_at < now,
            )
        )
    return items


def pending_count(employee_id: int) -> int:
    """How many requests wait for this person (one query; for the home page)."""
    return steps_for_approver(Employee(pk=employee_id)).count()


def has_pending_steps(employee_id: int) -> bool:
    return ApprovalStep.objects.filter(
        approver_id=employee_id, status=ApprovalStep.Status.PENDING
    ).exists()
