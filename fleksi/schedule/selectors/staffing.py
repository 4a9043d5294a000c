"""Who is where on a day: headcounts, absences and WFA days per unit subtree (set-based)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from django.db import connection
from django.db.models import QuerySet

from fleksi.org.models import Employee, Position, Unit
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


_STAFFING_SQL = """
WITH units(id, path) AS (VALUES {units})
SELECT units.id,
       count(*),
       count(*) FILTER (WHERE e.id <> %s AND EXISTS (
           SELECT 1 FROM {day} d
            WHERE d.employee_id = e.id AND d.day = %s AND d.status IN ({statuses}))),
       count(*) FILTER (WHERE p.service_role = %s),
       count(*) FILTER (WHERE p.service_role = %s AND e.id <> %s AND EXISTS (
           SELECT 1 FROM {day} d
            WHERE d.employee_id = e.id AND d.day = %s AND d.status IN ({statuses})))
  FROM units
  JOIN {unit} eu ON eu.path LIKE units.path || '%%'
  JOIN {employee} e ON e.unit_id = eu.id AND e.is_active
  LEFT JOIN {position} p ON p.id = e.position_id
 WHERE NOT EXISTS (SELECT 1 FROM {absence} a
                    WHERE a.employee_id = e.id AND a.start <= %s AND a."end" >= %s)
 GROUP BY units.id
"""


def staffing_counts(
    units: Sequence[Unit],
    day: date,
    *,
    statuses: Iterable[str],
    role: str = "",
    exclude_employee: int | None = None,
) -> dict[int, tuple[int, int, int, int]]:
    """Per unit subtree, in one statement (the check of a request): (:func:`headcount`,
    :func:`offsite` with ``exclude_employee``, the same two among the people of ``role``).
    Units without anyone at work answer zeros."""
    found = dict.fromkeys((u.pk for u in units), (0, 0, 0, 0))
    statuses = list(statuses)
    if not units or not statuses:
        return found
    sql = _STAFFING_SQL.format(
        units=", ".join(["(%s, %s)"] * len(units)),
        statuses=", ".join(["%s"] * len(statuses)),
        unit=Unit._meta.db_table,
        employee=Employee._meta.db_table,
        position=Position._meta.db_table,
        day=RequestDay._meta.db_table,
        absence=Absence._meta.db_table,
    )
    exclude = exclude_employee if exclude_employee is not None else -1
    params: list[Any] = [v for u in units for v in (u.pk, u.path)]
    params += [exclude, day, *statuses, role or None, role or None, exclude, day, *statuses]
    params += [day, day]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for unit_id, present, off, role_present, role_off in cursor.fetchall():
            found[unit_id] = (present, off, role_present, role_off)
    return found


_WEEK_SQL = """
SELECT day FROM {table}
 WHERE employee_id = %s AND status IN ({statuses}) AND day >= %s AND day <= %s{exclude}
"""


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
    statuses = list(statuses)
    if not statuses:
        return {}
    # A plain statement (the check of every request reads it): the same rows as
    # RequestDay.objects.filter(employee, status__in, day range).exclude(request).
    sql = _WEEK_SQL.format(
        table=RequestDay._meta.db_table,
        statuses=", ".join(["%s"] * len(statuses)),
        exclude=" AND request_id <> %s" if exclude_request is not None else "",
    )
    params: list[Any] = [employee_id, *statuses, min(start, lo), max(end, hi)]
    if exclude_request is not None:
        params.append(exclude_request)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        found = [d if isinstance(d, date) else date.fromisoformat(d) for (d,) in cursor.fetchall()]
    counts: dict[tuple[int, int], int] = {}
    for d in found:
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
