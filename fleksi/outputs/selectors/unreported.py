"""Approved WFA days whose report deadline has passed without any output report."""

from __future__ import annotations

from datetime import date

from django.db.models import Exists, OuterRef, QuerySet

from fleksi.org.models import Employee
from fleksi.outputs.models import OutputReport
from fleksi.outputs.selectors.deadlines import overdue_cutoff
from fleksi.schedule.models import RequestDay


def _unreported(qs: QuerySet[RequestDay], cutoff: date) -> QuerySet[RequestDay]:
    reported = OutputReport.objects.filter(employee_id=OuterRef("employee_id"), day=OuterRef("day"))
    return qs.filter(status=RequestDay.Status.APPROVED, day__lte=cutoff).exclude(Exists(reported))


def unreported_wfa_days(*, employee_id: int, today: date) -> int:
    """How many of the employee's approved WFA days are past their report deadline without a
    report (one query after the calendar). A late report clears the day."""
    return _unreported(
        RequestDay.objects.filter(employee_id=employee_id), overdue_cutoff(today)
    ).count()


def unreported_days_in(
    employees: QuerySet[Employee], *, start: date, end: date, today: date
) -> list[tuple[int, date]]:
    """(employee id, day) of every unreported WFA day in the period."""
    qs = RequestDay.objects.filter(
        employee_id__in=employees.values("pk"), day__gte=start, day__lte=end
    )
    return list(_unreported(qs, overdue_cutoff(today)).values_list("employee_id", "day"))
