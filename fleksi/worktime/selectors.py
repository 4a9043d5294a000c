"""The schedule of people on days, set-based.

- :func:`schedules_on` — every person's schedule of one day (~19,000 people: a handful of
  queries, then dictionary lookups; bench ``schedule_resolve_kukar_ms``).
- :func:`working_days_of` — every person's working days of a period (the monthly recap).
- :func:`schedule_around` — one person's schedules of the day before, the day and the day
  after: the check-in's lookup, **one indexed query** (the person's own pattern and roster
  shifts); the rest comes from memory.
- :func:`schedule_today` — one person's schedule of today (home pages).

A published version never changes, so its patterns and unit map are kept in memory per
version (``PLAN_CACHE``); the version in force and the calendar of a day for a minute.
"""

from __future__ import annotations

import time as clock
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import connection
from django.db.models import Q
from django.utils import timezone

from fleksi.org.models import Employee
from fleksi.policy.models import PolicyVersion
from fleksi.policy.selectors import on_policy, version_in_force, work_calendar
from fleksi.worktime.domain.patterns import (
    CalendarDay,
    DaySchedule,
    Pattern,
    day_schedule,
    parse_definition,
)
from fleksi.worktime.domain.resolve import Personal, Plan, RosterShift, resolve, unit_chain_of
from fleksi.worktime.models import DutyShift, PersonWorkPattern, UnitWorkPattern, WorkPattern

DAY_TTL_S = 60.0

_plans: dict[int, Plan] = {}
_days: dict[date, tuple[float, int | None, CalendarDay]] = {}
EMPTY_PLAN = Plan()


def worktime_forget() -> None:
    """Drop what is kept in memory (tests call it after changing patterns or the calendar)."""
    _plans.clear()
    _days.clear()


def plan_build(version_id: int) -> Plan:
    """The patterns of a version, read from the database (no cache: drafts use this)."""
    patterns: dict[str, Pattern] = {}
    default_code = ""
    by_asn: dict[str, str] = {}
    for code, definition, is_default, asn in WorkPattern.objects.filter(
        version_id=version_id
    ).values_list("code", "definition", "is_default", "asn_type"):
        parsed = parse_definition(code, definition)
        if isinstance(parsed, list):  # checked when saved; a broken row is skipped
            continue
        patterns[code] = parsed
        if is_default:
            default_code = code
        if asn:
            by_asn[asn] = code
    by_unit = dict(
        UnitWorkPattern.objects.filter(version_id=version_id).values_list(
            "unit_id", "pattern__code"
        )
    )
    return Plan(version_id, patterns, default_code or "default", by_asn, by_unit)


def plan_of(version_id: int | None) -> Plan:
    if version_id is None:
        return EMPTY_PLAN
    plan = _plans.get(version_id)
    if plan is None:
        if len(_plans) > 32:
            _plans.clear()
        plan = _plans[version_id] = plan_build(version_id)
    return plan


def _calendar_days(start: date, end: date) -> dict[date, CalendarDay]:
    cal = work_calendar(start, end)
    out, day = {}, start
    while day <= end:
        out[day] = CalendarDay(
            holiday=cal.holiday_name(day) is not None,
            extra_working=day in cal.extra_working_days,
            ramadan=cal.is_ramadan(day),
        )
        day += timedelta(days=1)
    return out


def _versions(start: date, end: date) -> dict[date, int | None]:
    """The version in force on each day of a period (one query, cached under the policy's
    generation token: see ``fleksi.policy.selectors.on_policy``)."""
    return dict(on_policy(("versions_between", start, end), lambda: _versions_read(start, end)))


def _versions_read(start: date, end: date) -> dict[date, int | None]:
    rows = list(
        PolicyVersion.objects.exclude(status=PolicyVersion.Status.DRAFT)
        .filter(effective_from__lte=end)
        .filter(Q(effective_to__isnull=True) | Q(effective_to__gte=start))
        .order_by("effective_from")
        .values_list("pk", "effective_from", "effective_to")
    )
    out: dict[date, int | None] = {}
    day = start
    while day <= end:
        found = None
        for pk, frm, to in rows:
            if frm <= day and (to is None or to >= day):
                found = pk
        out[day] = found
        day += timedelta(days=1)
    return out


def day_facts(day: date) -> tuple[Plan, CalendarDay]:
    """The plan in force and the calendar of ``day`` (kept for a minute)."""
    now = clock.monotonic()
    hit = _days.get(day)
    if hit is None or now - hit[0] >= DAY_TTL_S:
        version = version_in_force(day)
        cal = _calendar_days(day, day)[day]
        if len(_days) > 64:
            _days.clear()
        hit = _days[day] = (now, version.pk if version else None, cal)
    return plan_of(hit[1]), hit[2]


@dataclass(frozen=True)
class PersonKey:
    """What the resolver needs of an employee."""

    id: int
    unit_id: int
    unit_path: str
    asn_type: str

    @property
    def chain(self) -> tuple[int, ...]:
        return unit_chain_of(self.unit_path) or (self.unit_id,)


def _people(employee_ids: Iterable[int] | None) -> list[PersonKey]:
    qs = Employee.objects.all()
    qs = qs.filter(is_active=True) if employee_ids is None else qs.filter(pk__in=list(employee_ids))
    return [
        PersonKey(pk, unit_id, path, asn)
        for pk, unit_id, path, asn in qs.values_list("id", "unit_id", "unit__path", "asn_type")
    ]


def _personal(
    ids: Sequence[int] | None, start: date, end: date
) -> dict[int, list[tuple[date, date | None, Personal]]]:
    qs = PersonWorkPattern.objects.filter(start__lte=end).filter(
        Q(end__isnull=True) | Q(end__gte=start)
    )
    if ids is not None:
        qs = qs.filter(employee_id__in=ids)
    out: dict[int, list[tuple[date, date | None, Personal]]] = {}
    for e, s, t, code, offset in qs.order_by("start").values_list(
        "employee_id", "start", "end", "pattern_code", "cycle_offset"
    ):
        out.setdefault(e, []).append((s, t, Personal(code, offset)))
    return out


def _rostered(
    ids: Sequence[int] | None, start: date, end: date
) -> dict[tuple[int, date], RosterShift]:
    qs = DutyShift.objects.filter(published=True, day__gte=start, day__lte=end)
    if ids is not None:
        qs = qs.filter(employee_id__in=ids)
    return {
        (e, d): RosterShift(p, s)
        for e, d, s, p in qs.values_list("employee_id", "day", "shift_code", "roster__pattern_code")
    }


def _personal_on(
    spans: list[tuple[date, date | None, Personal]] | None, day: date
) -> Personal | None:
    if not spans:
        return None
    found = None
    for s, t, p in spans:  # by start: the latest that covers the day wins
        if s <= day and (t is None or t >= day):
            found = p
    return found


class _Resolver:
    """Resolves many people over a period with per-(version, unit, ASN type) memory."""

    def __init__(
        self,
        start: date,
        end: date,
        ids: Sequence[int] | None,
        *,
        own: tuple[int, list[tuple[date, date | None, Personal]], dict[date, RosterShift]]
        | None = None,
    ) -> None:
        """``own``: one person's patterns and shifts already read (id, spans, shifts)."""
        self.start, self.end = start, end
        self.calendar = _calendar_days(start, end)
        self.versions = _versions(start, end)
        if own is None:
            self.personal = _personal(ids, start, end)
            self.rostered = _rostered(ids, start, end)
        else:
            pid, spans, shifts = own
            self.personal = {pid: spans} if spans else {}
            self.rostered = {(pid, d): s for d, s in shifts.items()}
        self._base: dict[tuple[int | None, str, str, date], DaySchedule | None] = {}

    def schedule(self, person: PersonKey, day: date) -> DaySchedule | None:
        plan = plan_of(self.versions[day])
        personal = _personal_on(self.personal.get(person.id), day)
        roster = self.rostered.get((person.id, day))
        if personal is None and roster is None:
            # Without a roster or a pattern of their own, a person's day depends only on
            # the pattern their unit or ASN type follows: resolved once per pattern and day.
            pattern, source = plan.base(person.chain, person.asn_type)
            key = (plan.version_id, pattern.code, source, day)
            if key not in self._base:
                self._base[key] = day_schedule(pattern, day, self.calendar[day], source=source)
            return self._base[key]
        return resolve(
            plan,
            day,
            self.calendar[day],
            unit_chain=person.chain,
            asn_type=person.asn_type,
            personal=personal,
            roster=roster,
        )


def schedules_on(
    day: date, employee_ids: Iterable[int] | None = None
) -> dict[int, DaySchedule | None]:
    """Every (active, or the given) employee's schedule of ``day`` (None: a day off)."""
    people = _people(employee_ids)
    ids = None if employee_ids is None else [p.id for p in people]
    r = _Resolver(day, day, ids)
    return {p.id: r.schedule(p, day) for p in people}


def own_schedules_between(start: date, end: date) -> dict[int, dict[date, DaySchedule]]:
    """The active people whose days are set by a pattern of their unit, of their ASN type or
    of their own, or by a duty roster, rather than by the version's default, at some point of
    ``start``..``end``; with their working days of the period (what the demo history needs to
    write their check-ins at their own hours)."""
    people = _people(None)
    r = _Resolver(start, end, None)
    rostered = {e for e, _day in r.rostered}
    plans = [plan_of(v) for v in {v for v in r.versions.values() if v is not None}]
    own = [
        p
        for p in people
        if p.id in r.personal
        or p.id in rostered
        or any(plan.base(p.chain, p.asn_type)[1] in ("unit", "asn_type") for plan in plans)
    ]
    return schedules_between(own, start, end)


def schedules_between(
    people: Sequence[PersonKey], start: date, end: date
) -> dict[int, dict[date, DaySchedule]]:
    """Per person, the working days of a period with their schedules (days off left out)."""
    r = _Resolver(start, end, [p.id for p in people])
    days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    out: dict[int, dict[date, DaySchedule]] = {}
    for p in people:
        mine: dict[date, DaySchedule] = {}
        for d in days:
            s = r.schedule(p, d)
            if s is not None:
                mine[d] = s
        out[p.id] = mine
    return out


def people_keys(employee_ids: Iterable[int]) -> list[PersonKey]:
    return _people(employee_ids)


def working_days_of(
    employee_ids: Iterable[int], start: date, end: date
) -> dict[int, tuple[date, ...]]:
    """Per employee, their working days between ``start`` and ``end`` (the recap's grid)."""
    found = schedules_between(_people(employee_ids), start, end)
    return {e: tuple(sorted(days)) for e, days in found.items()}


# --- one person (the check-in's hot path, home pages) ----------------------------------------

_AROUND_SQL = """
SELECT 0, p.start, p."end", p.pattern_code, p.cycle_offset, ''
  FROM {person} p
 WHERE p.employee_id = %s AND p.start <= %s AND (p."end" IS NULL OR p."end" >= %s)
UNION ALL
SELECT 1, s.day, s.day, r.pattern_code, 0, s.shift_code
  FROM {shift} s JOIN {roster} r ON r.id = s.roster_id
 WHERE s.employee_id = %s AND s.day >= %s AND s.day <= %s AND s.published
"""


def _as_date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _own_spans(
    person: PersonKey, start: date, end: date
) -> tuple[list[tuple[date, date | None, Personal]], dict[date, RosterShift]]:
    """The person's own patterns and published roster shifts touching ``start``..``end``:
    one indexed query."""
    sql = _AROUND_SQL.format(
        person=PersonWorkPattern._meta.db_table,
        shift=DutyShift._meta.db_table,
        roster=DutyShift._meta.get_field("roster").related_model._meta.db_table,
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [person.id, end, start, person.id, start, end])
        rows = cursor.fetchall()
    spans: list[tuple[date, date | None, Personal]] = []
    shifts: dict[date, RosterShift] = {}
    for kind, first, last, code, offset, shift in sorted(rows, key=lambda r: (r[0], str(r[1]))):
        if kind == 0:
            spans.append(
                (_as_date(first), _as_date(last) if last else None, Personal(code, offset))
            )
        else:
            shifts[_as_date(first)] = RosterShift(code, shift)
    return spans, shifts


def schedule_around(person: PersonKey, day: date) -> dict[date, DaySchedule | None]:
    """The schedules of ``day`` − 1, ``day`` and ``day`` + 1: one indexed query (the
    person's own patterns and roster shifts); plans and calendars come from memory."""
    before, after = day - timedelta(days=1), day + timedelta(days=1)
    spans, shifts = _own_spans(person, before, after)
    out: dict[date, DaySchedule | None] = {}
    for d in (before, day, after):
        plan, cal = day_facts(d)
        out[d] = resolve(
            plan,
            d,
            cal,
            unit_chain=person.chain,
            asn_type=person.asn_type,
            personal=_personal_on(spans, d),
            roster=shifts.get(d),
        )
    return out


class ScheduleBook:
    """Many people's schedules over a period, read once (a handful of queries): what an
    import of many check-ins needs instead of :func:`schedule_around` per person and day."""

    def __init__(self, employee_ids: Sequence[int], start: date, end: date) -> None:
        self.start, self.end = start, end
        self._r = _Resolver(start, end, list(employee_ids))
        self._around: dict[tuple[int, date], list[DaySchedule | None]] = {}

    def around(self, person: PersonKey, day: date) -> list[DaySchedule | None]:
        """As :func:`schedule_around` (its values): the schedules of ``day`` − 1, ``day`` and
        ``day`` + 1, all inside the book's period."""
        found = self._around.get((person.id, day))
        if found is None:
            days = (day - timedelta(days=1), day, day + timedelta(days=1))
            if days[0] < self.start or days[2] > self.end:
                raise ValueError("outside the book's period")
            found = self._around[person.id, day] = [self._r.schedule(person, d) for d in days]
        return found


def person_working_days(person: PersonKey, days: Iterable[date]) -> frozenset[date]:
    """Which of ``days`` are working days of the person's own schedule: one indexed query
    (the check of a request; the same answer as :func:`working_days_of`)."""
    days = sorted(set(days))
    if not days:
        return frozenset()
    spans, shifts = _own_spans(person, days[0], days[-1])
    r = _Resolver(days[0], days[-1], None, own=(person.id, spans, shifts))
    return frozenset(d for d in days if r.schedule(person, d) is not None)


def schedule_of(person: PersonKey, day: date) -> DaySchedule | None:
    """One person's schedule of ``day``."""
    return schedule_around(person, day)[day]


def schedule_today(employee: Employee) -> DaySchedule | None:
    """The person's schedule of today, for home pages: a shift that started yesterday and is
    still running (a night shift in the early morning) comes before today's."""
    now = timezone.localtime().replace(tzinfo=None)
    key = PersonKey(employee.pk, employee.unit_id, employee.unit.path, employee.asn_type)
    around = schedule_around(key, now.date())
    yesterday = around[now.date() - timedelta(days=1)]
    if yesterday is not None and yesterday.end > now:
        return yesterday
    return around[now.date()]


# --- the recap's grid: working days grouped by schedule -----------------------------------


@dataclass(frozen=True)
class DayGroups:
    """People of a set grouped by their working days of a period: ``days[g]`` is the
    working days of group ``g``; ``member`` gives the group of everyone not in group 0 (the
    largest), so a statement over thousands of people names only the exceptions."""

    days: tuple[tuple[date, ...], ...]
    member: dict[int, int]

    def days_of(self, employee_id: int) -> tuple[date, ...]:
        return self.days[self.member.get(employee_id, 0)] if self.days else ()


def working_day_groups(employee_ids: Iterable[int], start: date, end: date) -> DayGroups:
    """Everyone's working days of ``start``..``end`` by their own schedules, grouped. People
    without a roster or a pattern of their own share the days of the pattern their unit or
    ASN type follows, resolved once per pattern."""
    people = _people(employee_ids)
    if end < start or not people:
        return DayGroups((), {})
    r = _Resolver(start, end, [p.id for p in people])
    days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    shared: dict[tuple[str, ...], tuple[date, ...]] = {}
    mine: dict[int, tuple[date, ...]] = {}
    rostered = {e for e, _day in r.rostered}
    versions = sorted(set(r.versions.values()), key=lambda v: -1 if v is None else v)
    for p in people:
        if p.id in r.personal or p.id in rostered:
            mine[p.id] = tuple(d for d in days if r.schedule(p, d) is not None)
            continue
        key = tuple(plan_of(v).base(p.chain, p.asn_type)[0].code for v in versions)
        found = shared.get(key)
        if found is None:
            found = shared[key] = tuple(d for d in days if r.schedule(p, d) is not None)
        mine[p.id] = found
    counts: dict[tuple[date, ...], int] = {}
    for found in mine.values():
        counts[found] = counts.get(found, 0) + 1
    ordered = sorted(counts, key=lambda k: -counts[k])
    index = {k: i for i, k in enumerate(ordered)}
    member = {e: index[found] for e, found in mine.items() if index[found]}
    return DayGroups(tuple(ordered), member)


def weekly_patterns_between(
    person: PersonKey, start: date, end: date
) -> list[tuple[DaySchedule, int]]:
    """The person's working days of a period whose pattern sets weekly hours, with those
    hours (minutes): what the weekly check of a flexible pattern needs."""
    r = _Resolver(start, end, [person.id])
    out: list[tuple[DaySchedule, int]] = []
    day = start
    while day <= end:
        found = r.schedule(person, day)
        if found is not None:
            pattern = plan_of(r.versions[day]).pattern(found.pattern)
            if pattern is not None and pattern.weekly_minutes:
                out.append((found, pattern.weekly_minutes))
        day += timedelta(days=1)
    return out
