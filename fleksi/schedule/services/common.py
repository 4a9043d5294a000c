"""Helpers shared by the schedule services: audit, notifications, locks, traces."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone

from fleksi.audit.services import Change, audit_record
from fleksi.org.models import Employee
from fleksi.org.selectors import unit_ancestors
from fleksi.org.services import unit_stream
from fleksi.policy.messages import trace_to_json
from fleksi.policy.selectors import params_of, version_in_force, work_calendar
from fleksi.schedule.models import StaffingLock, WfaRequest
from fleksi.schedule.selectors.facts import DayCheck


def audit_request(actor: Any, request: WfaRequest, action: str, **values: Any) -> None:
    audit_record(
        actor=actor,
        stream=unit_stream(request.employee.unit),
        change=Change(
            action=f"schedule.request.{action}",
            object_type="schedule.request",
            object_id=str(request.pk),
            object_repr=request.employee.name,
            **values,
        ),
    )


def trace_json(check: DayCheck) -> dict[str, Any]:
    return {
        "verdict": str(check.decision.verdict),
        "version": check.version.pk if check.version else None,
        "rules": trace_to_json(check.decision.trace),
    }


# One lock order for every path that decides about WFA days, so that two of them never wait
# for each other: the request, then its approval step, then its days, then the employee (whose
# week the weekly maximum counts), then the unit-days (whose share off-site the quota counts).
# A path skips the locks it does not need but never takes them in another order.


def lock_request(request_id: int) -> WfaRequest:
    """The first lock of every decision about an existing request."""
    return (
        WfaRequest.objects.select_for_update(of=("self",))
        .select_related("employee")
        .get(pk=request_id)
    )


def lock_employees(employee_ids: Iterable[int]) -> None:
    """Lock the employees' rows (in id order): their weeks are counted for the weekly
    maximum, so two submissions or approvals of the same person queue instead of both
    passing the check."""
    list(
        Employee.objects.select_for_update()
        .filter(pk__in=sorted(set(employee_ids)))
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def lock_unit_days(employee: Employee, days: Iterable[date]) -> None:
    """Lock the rows of the employee's units for the given days, in a fixed order, so that
    concurrent decisions about the same unit-day queue instead of both passing a check."""
    unit_ids = sorted(u.pk for u in [*unit_ancestors(employee.unit), employee.unit])
    keys = sorted({(u, d) for u in unit_ids for d in days})
    StaffingLock.objects.bulk_create(
        [StaffingLock(unit_id=u, day=d) for u, d in keys], ignore_conflicts=True
    )
    list(
        StaffingLock.objects.select_for_update()
        .filter(unit_id__in=unit_ids, day__in={d for _u, d in keys})
        .order_by("unit_id", "day")
    )


def due_at(submitted: datetime) -> datetime:
    """End of the working day ``approval_deadline_days`` after the submission."""
    day = timezone.localtime(submitted).date()
    version = version_in_force(day)
    n = params_of(version).approval_deadline_days if version else 2
    cal = work_calendar(day, day + timedelta(days=n * 3 + 14))
    end = cal.add_working_days(day, n)
    return timezone.make_aware(datetime.combine(end, time(23, 59)))
