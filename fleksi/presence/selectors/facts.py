"""The facts of one check-in, read with a handful of indexed queries.

The policy version and the working hours of a day are the same for every check-in of that
day, so they are kept in memory for a minute (``DAY_RULES_TTL_S``) per process, and the
offices of a unit for five minutes (``OFFICES_TTL_S``): at 07:30 the hot path reads only the
employee's own rows. A version published to start today, or a new office, takes effect
within that time.
"""

from __future__ import annotations

import time as clock
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from fleksi.org.models import Employee, Office
from fleksi.policy.domain.params import PolicyParams
from fleksi.policy.selectors import params_of, version_in_force, work_calendar
from fleksi.presence.domain.facts import WFA_MODES, ApprovedDay, Place, Position, PreviousCheckin
from fleksi.presence.models import Checkin
from fleksi.schedule.models import Absence, RequestDay
from fleksi.worktime.domain.attribution import attribute
from fleksi.worktime.domain.patterns import DaySchedule
from fleksi.worktime.selectors import PersonKey, schedule_around

DAY_RULES_TTL_S = 60.0
OFFICES_TTL_S = 300.0
PREVIOUS_WITHIN = timedelta(hours=24)


@dataclass(frozen=True)
class DayRules:
    day: date
    version_id: int | None
    regulation_number: str
    params: PolicyParams
    hours: tuple[time, time] | None


_day_rules: dict[date, tuple[float, DayRules]] = {}


def day_rules(day: date) -> DayRules:
    """The policy in force on ``day`` and its working hours (cached for a minute)."""
    now = clock.monotonic()
    hit = _day_rules.get(day)
    if hit is not None and now - hit[0] < DAY_RULES_TTL_S:
        return hit[1]
    version = version_in_force(day)
    rules = DayRules(
        day=day,
        version_id=version.pk if version else None,
        regulation_number=version.regulation_number if version else "",
        params=params_of(version) if version else PolicyParams(),
        hours=work_calendar(day, day).hours(day),
    )
    if len(_day_rules) > 64:
        _day_rules.clear()
    _day_rules[day] = (now, rules)
    return rules


def day_rules_forget() -> None:
    """Drop what is kept in memory (the day's rules, the offices of units): tests call it
    after changing a policy, the calendar or an office."""
    _day_rules.clear()
    _offices.clear()


@dataclass(frozen=True)
class Person:
    """What the check-in rules need of an employee, read in one narrow query."""

    id: int
    unit_id: int
    unit_path: str
    home: Place | None  # the recorded domicile's desa (its centre), if any
    asn_type: str = ""

    @property
    def key(self) -> PersonKey:
        """What the schedule resolver needs."""
        return PersonKey(self.id, self.unit_id, self.unit_path, self.asn_type)

    @property
    def unit_chain_ids(self) -> list[int]:
        """The unit and every unit above it."""
        return [int(part) for part in self.unit_path.split(".") if part] or [self.unit_id]


def _home_place(
    desa_id: int | None, name: str | None, lat: float | None, lon: float | None
) -> Place | None:
    if desa_id is None:
        return None
    return Place("home", name or "", lat, lon, precise=False, desa_id=desa_id)


def person_for_checkin(employee_id: int) -> Person | None:
    """The active employee as the rules see them (None: no such active employee)."""
    row = (
        Employee.objects.filter(pk=employee_id, is_active=True)
        .values_list(
            "unit_id",
            "unit__path",
            "domicile_id",
            "domicile__name",
            "domicile__latitude",
            "domicile__longitude",
            "asn_type",
        )
        .first()
    )
    if row is None:
        return None
    unit_id, path, desa_id, name, lat, lon, asn = row
    return Person(employee_id, unit_id, path, _home_place(desa_id, name, lat, lon), asn)


def person_of(employee: Employee) -> Person:
    """The same from a loaded employee (its unit and domicile are read if not loaded)."""
    desa = employee.domicile
    home = _home_place(desa.pk, desa.name, desa.latitude, desa.longitude) if desa else None
    return Person(employee.pk, employee.unit_id, employee.unit.path, home, employee.asn_type)


def role_of(slot: int, per_day: int) -> str:
    """How a slot is matched to a schedule: the arrival, the departure, or the middle."""
    if slot == 1:
        return "arrival"
    return "departure" if slot == per_day else "middle"


def schedule_at(person: Person, at: datetime, role: str) -> tuple[date, DaySchedule | None]:
    """The day a check-in at ``at`` (naive local) belongs to and the person's schedule of
    that day: one indexed query (the person's own patterns and roster shifts around it)."""
    return attribute(at, role, schedule_around(person.key, at.date()).values())


def arrival_of(employee_id: int, day: date) -> datetime | None:
    """The aware time of the day's arrival check-in (a flexible start needs it)."""
    found: datetime | None = (
        Checkin.objects.filter(employee_id=employee_id, day=day, slot=1, counted=True)
        .values_list("checked_at", flat=True)
        .first()
    )
    return found


_offices: dict[int, tuple[float, tuple[Place, ...]]] = {}


def office_places(person: Person) -> tuple[Place, ...]:
    """The offices of the employee's unit and of every unit above it (kept in memory for
    ``OFFICES_TTL_S`` per unit: thousands of people of a unit check in at 07:30)."""
    now = clock.monotonic()
    hit = _offices.get(person.unit_id)
    if hit is not None and now - hit[0] < OFFICES_TTL_S:
        return hit[1]
    rows = Office.objects.filter(unit_id__in=person.unit_chain_ids).values_list(
        "name", "latitude", "longitude", "geofence_radius_m", "desa_id"
    )
    places = tuple(
        Place("office", name, lat, lon, own_radius_m=radius, desa_id=desa)
        for name, lat, lon, radius, desa in rows
    )
    if len(_offices) > 5000:
        _offices.clear()
    _offices[person.unit_id] = (now, places)
    return places


def offices_preload(people: list[Person]) -> None:
    """Read the offices of every unit of ``people`` (and the units above) in one query and
    keep them as :func:`office_places` does: an import of many people's check-ins then reads
    no office per unit."""
    now = clock.monotonic()
    units = {p.unit_id: p.unit_chain_ids for p in people}
    wanted = {u for chain in units.values() for u in chain}
    by_unit: dict[int, list[Place]] = {}
    rows = Office.objects.filter(unit_id__in=wanted).values_list(
        "unit_id", "name", "latitude", "longitude", "geofence_radius_m", "desa_id"
    )
    for unit_id, name, lat, lon, radius, desa in rows:
        by_unit.setdefault(unit_id, []).append(
            Place("office", name, lat, lon, own_radius_m=radius, desa_id=desa)
        )
    if len(_offices) + len(units) > 5000:
        _offices.clear()
    for unit_id, chain in units.items():
        _offices[unit_id] = (now, tuple(pl for u in chain for pl in by_unit.get(u, ())))


def approved_day_of(employee_id: int, day: date) -> RequestDay | None:
    return (
        RequestDay.objects.filter(employee_id=employee_id, day=day, status="approved")
        .select_related("request__office", "request__place__desa", "request__desa")
        .first()
    )


def wfa_places(person: Person, mode: str, row: RequestDay | None) -> tuple[Place, ...]:
    """The approved place of the day; without an approved day, home for "WFA from home"."""
    if row is None:
        return _home(person) if mode == "wfa_home" else ()
    request = row.request
    if request.location_type == "office" and request.office is not None:
        o = request.office
        return (
            Place("office", o.name, o.latitude, o.longitude, o.geofence_radius_m, True, o.desa_id),
        )
    if request.location_type == "approved_place" and request.place is not None:
        pl = request.place
        if pl.latitude is not None and pl.longitude is not None:
            return (
                Place("approved_place", pl.name, pl.latitude, pl.longitude, desa_id=pl.desa_id),
            )
        d = pl.desa
        return (Place("approved_place", pl.name, d.latitude, d.longitude, None, False, d.pk),)
    return _home(person)


def _home(person: Person) -> tuple[Place, ...]:
    return (person.home,) if person.home is not None else ()


def absence_kind_on(employee_id: int, day: date) -> str | None:
    kind: str | None = (
        Absence.objects.filter(employee_id=employee_id, start__lte=day, end__gte=day)
        .order_by("kind")
        .values_list("kind", flat=True)
        .first()
    )
    return kind


@dataclass(frozen=True)
class Circumstances:
    places: tuple[Place, ...]
    approved_day: ApprovedDay | None
    absence_kind: str | None


def circumstances(person: Person, mode: str, day: date) -> Circumstances:
    """Where the mode expects the employee and why: one or two queries, by mode."""
    if mode == "onsite":
        return Circumstances(office_places(person), None, None)
    if mode in WFA_MODES or mode == "official_duty":
        row = approved_day_of(person.id, day)
        approved = (
            ApprovedDay(row.request.kind, row.request.location_type) if row is not None else None
        )
        if mode in WFA_MODES:
            return Circumstances(wfa_places(person, mode, row), approved, None)
        return Circumstances((), approved, absence_kind_on(person.id, day))
    return Circumstances((), None, absence_kind_on(person.id, day))


def previous_checkin(employee_id: int, before: datetime) -> PreviousCheckin | None:
    """The employee's latest earlier check-in with a position (within a day).

    Read through the (employee, time) index: the few latest rows of the person, the position
    checked here (filtering on the position in SQL would invite the retention job's partial
    index, which scans every check-in of the day)."""
    rows = (
        Checkin.objects.filter(
            employee_id=employee_id,
            checked_at__lt=before,
            checked_at__gte=before - PREVIOUS_WITHIN,
        )
        .order_by("-checked_at")
        .values_list("checked_at", "latitude", "longitude", "accuracy_m")[:4]
    )
    for at, lat, lon, acc in rows:
        if lat is not None and lon is not None:
            return PreviousCheckin(at, Position(lat, lon, acc))
    return None
