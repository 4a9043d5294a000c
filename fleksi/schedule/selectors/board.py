"""The unit board: for a unit subtree and a few days, who is on site, on WFA (where) or
away, and the on-site count against each unit's minimum — and against each role minimum of
the policy (e.g. the counter officers of a service section), on a row of its own. A handful
of set-based queries, whatever the number of people."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import pgettext

from fleksi.org.models import Employee, Unit
from fleksi.policy.domain.params import PolicyParams
from fleksi.policy.domain.requests import allowed_offsite
from fleksi.policy.models import PolicyVersion, RoleMinimum
from fleksi.policy.selectors import params_of, unit_overrides, version_in_force, work_calendar
from fleksi.schedule.domain.board import Presence, Tally, presence_of, shortfall, tally_by_unit
from fleksi.schedule.models import Absence, RequestDay, WfaRequest

MAX_PEOPLE_SHOWN = 400


@dataclass(frozen=True)
class Cell:
    presence: Presence
    where: str = ""  # the WFA place
    absence: str = ""  # the kind of absence


@dataclass(frozen=True)
class PersonRow:
    employee_id: int
    name: str
    nip: str
    position: str
    unit_name: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class UnitCell:
    tally: Tally
    minimum: int | None
    quota: int | None  # how many may be off-site (None: no quota of its own)

    @property
    def shortfall(self) -> int:
        return shortfall(self.tally.onsite, self.minimum)

    @property
    def over_quota(self) -> bool:
        return self.quota is not None and self.tally.wfa > self.quota


@dataclass(frozen=True)
class UnitRow:
    unit_id: int
    name: str
    depth: int
    is_public_service: bool
    cells: tuple[UnitCell, ...]
    role: str = ""  # a row of one role's minimum in the unit (the unit's staff in that role)

    @property
    def short(self) -> bool:
        return any(c.shortfall for c in self.cells)


@dataclass(frozen=True)
class Board:
    unit: Unit
    days: tuple[date, ...]
    working: tuple[bool, ...]
    version: PolicyVersion | None
    total: Tally  # of the first day, for the whole subtree
    units: tuple[UnitRow, ...]  # units with a minimum or a quota, and the unit itself
    people: tuple[PersonRow, ...]
    people_total: int
    totals: tuple[Tally, ...] = field(default=())  # per day, for the whole subtree


def place_label(location_type: str, office: str | None, place: str | None, desa: str | None) -> str:
    if location_type == WfaRequest.Location.OFFICE and office:
        return office
    if location_type == WfaRequest.Location.APPROVED_PLACE and place:
        return place
    if location_type == WfaRequest.Location.HOME:
        home = pgettext("a WFA place", "Home")
        return f"{home} · {desa}" if desa else str(home)
    return str(WfaRequest.Location(location_type).label) if location_type else ""


def minimum_on_site(
    unit: Unit, params: PolicyParams, overrides: dict[int, tuple[float | None, int | None]]
) -> int | None:
    """The unit's minimum on site: its own (Perbup annex), else the public-service default."""
    minimum = overrides.get(unit.pk, (None, None))[1]
    if minimum is None and unit.is_public_service:
        minimum = params.min_onsite_public_service
    return minimum


def _limits(
    units: Sequence[Unit], version: PolicyVersion | None, headcounts: dict[str, int]
) -> dict[int, tuple[int | None, int | None]]:
    """Per unit: (minimum on site, how many may be off-site) under the version in force."""
    if version is None:
        return {}
    params = params_of(version)
    overrides = unit_overrides(version)
    out: dict[int, tuple[int | None, int | None]] = {}
    for unit in units:
        share, _minimum = overrides.get(unit.pk, (None, None))
        minimum = minimum_on_site(unit, params, overrides)
        if share is None and unit.parent_id is None:
            share = params.default_max_offsite_share
        quota = allowed_offsite(headcounts.get(unit.path, 0), share) if share is not None else None
        out[unit.pk] = (minimum, quota)
    return out


def _role_rows(
    u: Unit,
    top: Unit,
    days: Sequence[date],
    minimums: Sequence[tuple[str, int]],
    staff: Sequence[tuple[int, str, str]],
    presence: dict[tuple[int, date], Presence],
) -> list[UnitRow]:
    """One row per role minimum of unit ``u``: its staff in that role against the minimum."""
    out = []
    for role, minimum in minimums:
        members = [pk for pk, path, r in staff if r == role and path.startswith(u.path)]
        cells = tuple(
            UnitCell(
                tally_by_unit([u.path], [(u.path, presence[(pk, day)]) for pk in members])[u.path],
                minimum,
                None,
            )
            for day in days
        )
        out.append(UnitRow(u.pk, u.name, u.depth - top.depth + 1, True, cells, role=role))
    return out


def unit_board(unit: Unit, days: Sequence[date], *, people_limit: int = MAX_PEOPLE_SHOWN) -> Board:
    days = tuple(sorted(set(days)))
    first, last = days[0], days[-1]
    units = list(Unit.objects.filter(path__startswith=unit.path, is_active=True).order_by("path"))
    staff = list(
        Employee.objects.filter(unit__path__startswith=unit.path, is_active=True)
        .order_by("unit__path", "-position__is_head", "name")
        .values_list("pk", "unit__path", "position__service_role")
    )
    ids = {pk for pk, _path, _role in staff}
    wfa: dict[tuple[int, date], str] = {}
    for emp, day, loc, office, place, desa in RequestDay.objects.filter(
        day__gte=first,
        day__lte=last,
        status=RequestDay.Status.APPROVED,
        employee__unit__path__startswith=unit.path,
    ).values_list(
        "employee_id",
        "day",
        "request__location_type",
        "request__office__name",
        "request__place__name",
        "request__desa__name",
    ):
        wfa[(emp, day)] = place_label(loc, office, place, desa)
    away: dict[tuple[int, date], str] = {}
    for emp, start, end, kind in Absence.objects.filter(
        start__lte=last, end__gte=first, employee__unit__path__startswith=unit.path
    ).values_list("employee_id", "start", "end", "kind"):
        for day in days:
            if start <= day <= end:
                away[(emp, day)] = str(Absence.Kind(kind).label)
    cal = work_calendar(first, last)
    version = version_in_force(first)
    per_day: list[dict[str, Tally]] = []
    presence: dict[tuple[int, date], Presence] = {}
    for day in days:
        marks = []
        for pk, path, _role in staff:
            p = presence_of(absent=(pk, day) in away, wfa=(pk, day) in wfa)
            presence[(pk, day)] = p
            marks.append((path, p))
        per_day.append(tally_by_unit([u.path for u in units], marks))
    limits = [
        _limits(units, version, {p: t.expected for p, t in tallies.items()}) for tallies in per_day
    ]
    roles: dict[int, list[tuple[str, int]]] = {}
    if version is not None:
        for unit_id, role, minimum in (
            RoleMinimum.objects.filter(version=version, unit__in=units)
            .order_by("role")
            .values_list("unit_id", "role", "min_onsite")
        ):
            roles.setdefault(unit_id, []).append((role, minimum))
    rows = []
    for u in units:
        cells = tuple(
            UnitCell(tallies[u.path], *lim.get(u.pk, (None, None)))
            for tallies, lim in zip(per_day, limits, strict=True)
        )
        if u.pk != unit.pk and all(c.minimum is None and c.quota is None for c in cells):
            continue
        rows.append(UnitRow(u.pk, u.name, u.depth - unit.depth, u.is_public_service, cells))
        rows.extend(_role_rows(u, unit, days, roles.get(u.pk, ()), staff, presence))
    shown_ids = [pk for pk, _path, _role in staff][:people_limit]
    details = Employee.objects.select_related("position", "unit").in_bulk(shown_ids)
    people = tuple(
        PersonRow(
            pk,
            details[pk].name,
            details[pk].nip,
            details[pk].position.name,
            details[pk].unit.name,
            tuple(
                Cell(presence[(pk, d)], wfa.get((pk, d), ""), away.get((pk, d), "")) for d in days
            ),
        )
        for pk in shown_ids
        if pk in details
    )
    totals = tuple(t[unit.path] for t in per_day)
    return Board(
        unit=unit,
        days=days,
        working=tuple(cal.is_working_day(d) for d in days),
        version=version,
        total=totals[0],
        units=tuple(rows),
        people=people,
        people_total=len(ids),
        totals=totals,
    )
