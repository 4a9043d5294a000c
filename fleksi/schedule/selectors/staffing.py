"""Who is where on a day: headcounts, absences and WFA days per unit subtree (set-based)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db.models import QuerySet

from fleksi.org.models import Employee, Unit
from fleksi.schedule.models import Absence, RequestDay


def absent_ids(day: date) -> QuerySet[Absence, Any]:
    """A subquery of the people absent (leave, sick, travel) on ``day``."""
    return Absence.objects.filter(start__lte=day, end__gte=day).values("employee_id")


def headcount(unit: Unit, day: date, *, role: str = "") -> int:
    """Active people of the unit subtree expected at work on ``day`` (absences removed)."""
    qs = Employee.objects.filter(unit__path__startswith=unit.path, is_active=True)
    if role:
        qs = qs.filter(position__service_role=role)
    return qs.exclude(pk__in=absent_ids(day)).count()


def offsite(
    unit: Unit,
    day: date,
    *,
    statuses: Iterable[str],
    role: str = "",
    exclude_employee: int | None = None,
) -> int:
    """People of the unit subtree with a WFA day in ``statuses`` on ``day``."""
    qs = RequestDay.objects.filter(
        day=day,
        status__in=list(statuses),
        employee__unit__path__startswith=unit.path,
        employee__is_active=True,
    )
    if role:
        qs = qs.filter(employee__position__service_role=role)
    if exclude_employee is not None:
        qs = qs.exclude(employee_id=exclude_employee)
    return qs.exclude(employee_id__in=absent_ids(day)).values("employee_id").distinct().count()


def week_wfa_days(
    employee_id: int,
    days: Iterable[date],
    *,
    statuses: Iterable[str],
    exclude_request: int | None = None,
) -> dict[tuple[int, int], int]:
    """WFA days already held per ISO week (year, week) among the weeks of ``days``."""
    days = list(days)
    if not days:
        return {}
    weeks = {d.isocalendar()[:2] for d in days}
    lo, hi = min(days), max(days)
    start = date.fromisocalendar(*min(weeks), 1)
    end = date.fromisocalendar(*max(weeks), 7)
    qs = RequestDay.objects.filter(
        employee_id=employee_id,
        status__in=list(statuses),
        day__gte=min(start, lo),
        day__lte=max(end, hi),
    )
    if exclude_request is not None:
        qs = qs.exclude(request_id=exclude_request)
    counts: dict[tuple[int, int], int] = {}
    for d in qs.values_list("day", flat=True):
        key = d.isocalendar()[:2]
        counts[key] = counts.get(key, 0) + 1
    return counts


def board_counts(units: list[Unit], day: date) -> dict[int, tuple[int, int, int]]:
    """Per unit subtree: (expected at work, WFA approved, absent) on ``day``."""
    result: dict[int, tuple[int, int, int]] = {}
    for unit in units:
        total = Employee.objects.filter(unit__path__startswith=unit.path, is_active=True)
        absent = total.filter(absences__start__lte=day, absences__end__gte=day).distinct().count()
        wfa = offsite(unit, day, statuses=["approved"])
        result[unit.pk] = (total.count() - absent, wfa, absent)
    return result
