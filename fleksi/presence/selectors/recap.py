"""The monthly attendance recap, computed set-based in the database.

For every employee of a set and every working day of the period, the day gets exactly one
status (first match wins):

1. **on site** — a counted check-in in mode *on site*;
2. **WFA** — a counted check-in from home or another place;
3. **official duty** — a counted check-in in mode *official duty*, or official travel on record;
4. **leave** — an absence on record (leave, sick, other) or a declared leave/sick check-in;
5. **missing** — none of these, on a day before today (today is not over yet).

So ``onsite + wfa + duty + leave + missing`` equals the working days of the period (minus
today while it lasts). Beside the status, per day: late (minutes, the arrival check-in),
early (minutes, the departure check-in), incomplete (present but no departure check-in),
flagged (any flagged check-in). Check-ins synced late and manual ones are counted.

One SQL statement (portable between SQLite and PostgreSQL) builds the grid of people ×
working days, joins the day's check-ins (aggregated per person and day) and absences, and
aggregates again per person: no per-person loop.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import connection
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from fleksi.org.models import Employee
from fleksi.policy.selectors import work_calendar
from fleksi.presence.domain.recap import TOTAL_COLUMNS, Totals
from fleksi.presence.models import Checkin, RefusedCheckin
from fleksi.presence.selectors.facts import day_rules
from fleksi.schedule.models import Absence
from fleksi.worktime.selectors import DayGroups, working_day_groups

ONSITE, WFA, DUTY, LEAVE, MISSING, PENDING = 1, 2, 3, 4, 5, 0
STATUS_NAMES = {
    ONSITE: "onsite",
    WFA: "wfa",
    DUTY: "duty",
    LEAVE: "leave",
    MISSING: "missing",
    PENDING: "pending",
}


@dataclass(frozen=True)
class Period:
    month: date  # the first day
    start: date
    end: date  # the last day considered (the month's end, or today)
    today: date
    working_days: tuple[date, ...]
    checkins_per_day: int

    @property
    def label(self) -> str:
        return self.month.strftime("%Y-%m")


def period_of(month: date, *, today: date | None = None) -> Period:
    today = today or timezone.localdate()
    first = month.replace(day=1)
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    end = min(last, today)
    days = tuple(work_calendar(first, last).working_days(first, end)) if end >= first else ()
    return Period(first, first, end, today, days, day_rules(end).params.checkins_per_day)


@dataclass(frozen=True)
class RecapRow:
    employee_id: int
    nip: str
    name: str
    unit_id: int
    unit_name: str
    pd_name: str  # the perangkat daerah
    totals: Totals


def _grid_sql(
    period: Period, people_sql: str, people_params: list[Any], groups: DayGroups
) -> tuple[str, list[Any]]:
    """Per person and working day of **their own schedule**: the status and the day's
    figures (see the module). ``groups`` gives each person's working days (grouped: the
    statement names only the people outside the largest group)."""
    c, a = Checkin._meta.db_table, Absence._meta.db_table
    pairs = [(g, day) for g, days in enumerate(groups.days) for day in days]
    gd = "VALUES " + ", ".join(f"({g:d}, %s)" for g, _day in pairs)
    if not pairs:
        gd, pairs = "SELECT 0, %s WHERE 1 = 0", [(0, period.start)]
    member = ", ".join(f"({e:d}, {g:d})" for e, g in sorted(groups.member.items()))
    pg = f"VALUES {member}" if member else "SELECT 0, 0 WHERE 1 = 0"
    per_day = period.checkins_per_day
    # Only table names, integers and "%s" markers go into the text; every value is a bound
    # parameter.
    sql = f"""
WITH gd(g, day) AS ({gd}),
days(day) AS (SELECT DISTINCT day FROM gd),
people(id) AS ({people_sql}),
pg(e, g) AS ({pg}),
pd(e, day) AS (
  SELECT p.id, gd.day FROM people p LEFT JOIN pg ON pg.e = p.id
  JOIN gd ON gd.g = COALESCE(pg.g, 0)
),
cd AS (
  SELECT c.employee_id AS e, c.day AS day,
    MAX(CASE WHEN c.counted AND c.mode = 'onsite' THEN 1 ELSE 0 END) AS onsite,
    MAX(CASE WHEN c.counted AND c.mode IN ('wfa_home', 'wfa_other') THEN 1 ELSE 0 END) AS wfa,
    MAX(CASE WHEN c.counted AND c.mode = 'official_duty' THEN 1 ELSE 0 END) AS duty,
    MAX(CASE WHEN c.mode IN ('leave', 'sick') THEN 1 ELSE 0 END) AS declared,
    MAX(CASE WHEN c.counted AND c.slot = 1 THEN c.late_minutes ELSE 0 END) AS late,
    MAX(CASE WHEN c.counted AND c.slot = {per_day:d} THEN c.early_minutes ELSE 0 END) AS early,
    MAX(CASE WHEN c.counted AND c.slot = {per_day:d} THEN 1 ELSE 0 END) AS departed,
    MAX(CASE WHEN c.flagged THEN 1 ELSE 0 END) AS flagged,
    SUM(CASE WHEN c.synced_late THEN 1 ELSE 0 END) AS synced,
    SUM(CASE WHEN c.manual THEN 1 ELSE 0 END) AS manual,
    SUM(CASE WHEN c.time_proof IN ('outside', 'unproven') THEN 1 ELSE 0 END) AS unproven
  FROM {c} c
  WHERE c.day >= %s AND c.day <= %s AND c.employee_id IN (SELECT id FROM people)
  GROUP BY c.employee_id, c.day
),
ab AS (
  SELECT x.employee_id AS e, d.day AS day,
    MAX(CASE WHEN x.kind = 'official_travel' THEN 1 ELSE 0 END) AS travel,
    MAX(CASE WHEN x.kind <> 'official_travel' THEN 1 ELSE 0 END) AS away
  FROM {a} x JOIN days d ON x.start <= d.day AND x."end" >= d.day
  WHERE x.employee_id IN (SELECT id FROM people)
  GROUP BY x.employee_id, d.day
),
grid AS (
  SELECT p.e AS e, d.day AS day,
    CASE WHEN COALESCE(cd.onsite, 0) = 1 THEN {ONSITE}
         WHEN COALESCE(cd.wfa, 0) = 1 THEN {WFA}
         WHEN COALESCE(cd.duty, 0) = 1 OR COALESCE(ab.travel, 0) = 1 THEN {DUTY}
         WHEN COALESCE(ab.away, 0) = 1 OR COALESCE(cd.declared, 0) = 1 THEN {LEAVE}
         WHEN d.day < %s THEN {MISSING}
         ELSE {PENDING} END AS st,
    COALESCE(cd.late, 0) AS late,
    COALESCE(cd.early, 0) AS early,
    COALESCE(cd.departed, 0) AS departed,
    COALESCE(cd.flagged, 0) AS flagged,
    COALESCE(cd.synced, 0) AS synced,
    COALESCE(cd.manual, 0) AS manual,
    COALESCE(cd.unproven, 0) AS unproven
  FROM pd p JOIN days d ON d.day = p.day
  LEFT JOIN cd ON cd.e = p.e AND cd.day = d.day
  LEFT JOIN ab ON ab.e = p.e AND ab.day = d.day
)"""  # noqa: S608
    params = [*(day for _g, day in pairs), *people_params, period.start, period.end, period.today]
    return sql, params


def _people_sql(people: QuerySet[Employee]) -> tuple[str, list[Any]]:
    sql, params = people.order_by().values("id").query.sql_with_params()
    return sql, list(params)


def day_groups(people: QuerySet[Employee], period: Period) -> DayGroups:
    """Everyone's working days of the period by their own schedules (up to ``period.end``)."""
    ids = list(people.order_by().values_list("id", flat=True))
    return working_day_groups(ids, period.start, period.end)


def recap_totals(people: QuerySet[Employee], period: Period) -> dict[int, Totals]:
    """Per employee id: the month's figures (one statement, plus one for refused copies)."""
    if period.end < period.start:
        return {}
    groups = day_groups(people, period)
    people_sql, people_params = _people_sql(people)
    grid, params = _grid_sql(period, people_sql, people_params, groups)
    sql = f"""{grid}
SELECT e,
  COUNT(*),
  SUM(CASE WHEN st = {ONSITE} THEN 1 ELSE 0 END),
  SUM(CASE WHEN st = {WFA} THEN 1 ELSE 0 END),
  SUM(CASE WHEN st = {DUTY} THEN 1 ELSE 0 END),
  SUM(CASE WHEN st = {LEAVE} THEN 1 ELSE 0 END),
  SUM(CASE WHEN st = {MISSING} THEN 1 ELSE 0 END),
  SUM(CASE WHEN late > 0 THEN 1 ELSE 0 END), SUM(late),
  SUM(CASE WHEN early > 0 THEN 1 ELSE 0 END), SUM(early),
  SUM(CASE WHEN st IN ({ONSITE}, {WFA}, {DUTY}) AND departed = 0 AND day < %s THEN 1 ELSE 0 END),
  SUM(flagged), SUM(synced), SUM(manual), SUM(unproven)
FROM grid GROUP BY e"""  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, period.today])
        rows = cursor.fetchall()
    refused = dict(
        RefusedCheckin.objects.filter(
            day__gte=period.start, day__lte=period.end, employee__in=people.order_by().values("id")
        )
        .values_list("employee_id")
        .annotate(n=Count("id"))
        .values_list("employee_id", "n")
    )
    names = TOTAL_COLUMNS[: len(TOTAL_COLUMNS) - 1]  # every figure but "refused", in order
    return {
        row[0]: Totals(
            **dict(zip(names, (int(v or 0) for v in row[1:]), strict=True)),
            refused=refused.get(row[0], 0),
        )
        for row in rows
    }


def employee_days(employee: Employee, period: Period) -> dict[date, dict[str, Any]]:
    """One employee's working days with their status and figures (the same grid)."""
    if period.end < period.start:
        return {}
    people = Employee.objects.filter(pk=employee.pk)
    groups = day_groups(people, period)
    people_sql, people_params = _people_sql(people)
    grid, params = _grid_sql(period, people_sql, people_params, groups)
    sql = f"{grid}\nSELECT day, st, late, early, departed, flagged FROM grid ORDER BY day"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    out: dict[date, dict[str, Any]] = {}
    for day, st, late, early, departed, flagged in rows:
        day = day if isinstance(day, date) else date.fromisoformat(str(day))
        out[day] = {
            "status": STATUS_NAMES[int(st)],
            "late": int(late),
            "early": int(early),
            "departed": bool(departed),
            "flagged": bool(flagged),
        }
    return out


def people_of_units(paths: Iterable[str], period: Period) -> QuerySet[Employee]:
    """Employees of the unit subtrees: active ones, and anyone with a check-in in the
    period (someone who left mid-month still has a month to account for)."""
    q = Q(pk__in=[])
    for path in paths:
        q |= Q(unit__path__startswith=path)
    active_or_seen = Q(is_active=True) | Q(
        pk__in=Checkin.objects.filter(day__gte=period.start, day__lte=period.end).values(
            "employee_id"
        )
    )
    return Employee.objects.filter(q).filter(active_or_seen)


def recap_rows(people: QuerySet[Employee], period: Period) -> list[RecapRow]:
    totals = recap_totals(people, period)
    rows = []
    for e in people.select_related("unit", "unit__root").order_by("unit__path", "name", "nip"):
        unit = e.unit
        pd = unit.root or unit
        rows.append(
            RecapRow(
                employee_id=e.pk,
                nip=e.nip,
                name=e.name,
                unit_id=unit.pk,
                unit_name=unit.name,
                pd_name=pd.name,
                totals=totals.get(e.pk, Totals()),
            )
        )
    return rows


def sum_totals(rows: Iterable[RecapRow]) -> Totals:
    total = Totals()
    for r in rows:
        total = total + r.totals
    return total


@dataclass(frozen=True)
class DayIncident:
    """A working day that costs the person something in the TPP (the recap's own figures)."""

    employee_id: int
    day: date
    missing: bool  # absent without notice (no check-in, no absence on record)
    late: int  # minutes late (the arrival check-in)
    early: int  # minutes left early (the departure check-in)


def recap_incidents(people: QuerySet[Employee], period: Period) -> list[DayIncident]:
    """Every working day of the recap (the same grid, one statement) that is missing, late
    or left early, per employee and day: what the TPP deductions are computed from, so the
    deductions reconcile with the recap's counts."""
    if period.end < period.start:
        return []
    groups = day_groups(people, period)
    people_sql, people_params = _people_sql(people)
    grid, params = _grid_sql(period, people_sql, people_params, groups)
    sql = f"""{grid}
SELECT e, day, st, late, early FROM grid
WHERE st = {MISSING} OR late > 0 OR early > 0
ORDER BY e, day"""  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [
        DayIncident(
            int(e),
            day if isinstance(day, date) else date.fromisoformat(str(day)),
            int(st) == MISSING,
            int(late),
            int(early),
        )
        for e, day, st, late, early in rows
    ]
