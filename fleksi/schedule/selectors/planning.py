"""Planning before asking: a plan's working days by the person's own schedule, and what the
rules would say about each of them (nothing is written)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from fleksi.org.models import Employee
from fleksi.policy.messages import trace_message
from fleksi.policy.selectors import work_calendar
from fleksi.schedule.domain.planning import PlanDays, PlanSpec, expand_plan, plan_bounds
from fleksi.schedule.selectors.facts import SUBMISSION_STATUSES, check_days
from fleksi.worktime.selectors import working_days_of


def plan_days(spec: PlanSpec, employee_id: int | None = None) -> PlanDays:
    """The working days of a plan (raises ``PlanError``): by the person's own schedule
    (a six-day school week, shifts, holidays only where their pattern applies them), or by
    the regency's calendar without a person."""
    bounds = plan_bounds(spec)
    if bounds is None:
        return expand_plan(spec, is_working_day=lambda d: d.weekday() < 5)
    if employee_id is not None:
        working = set(working_days_of([employee_id], *bounds).get(employee_id, ()))
        return expand_plan(spec, is_working_day=working.__contains__)
    cal = work_calendar(*bounds)
    return expand_plan(spec, is_working_day=cal.is_working_day)


@dataclass(frozen=True)
class PreviewDay:
    day: date
    verdict: str
    failures: tuple[str, ...]
    warnings: tuple[str, ...]

    @property
    def allowed(self) -> bool:
        return self.verdict != "refused"


def plan_preview(
    *,
    employee: Employee,
    days: Sequence[date],
    kind: str,
    location_type: str,
    desa_id: int | None = None,
    duty_letter: bool = False,
) -> list[PreviewDay]:
    """What the submission would decide for each day, today."""
    checks = check_days(
        employee=employee,
        days=days,
        kind=kind,
        location_type=location_type,
        submitted_on=timezone.localdate(),
        statuses=SUBMISSION_STATUSES,
        desa_id=desa_id,
        duty_letter=duty_letter,
    )
    return [
        PreviewDay(
            c.day,
            str(c.decision.verdict),
            tuple(trace_message(t) for t in c.decision.failures),
            tuple(trace_message(t) for t in c.decision.warnings),
        )
        for c in checks
    ]
