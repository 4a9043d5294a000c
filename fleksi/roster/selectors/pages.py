"""What the roster page shows: the calendar (people × days), each day's on-site count against
every group minimum and the quota, the fairness figures, the unmet preferences and the
explanations — recomputed from the cells, so that hand edits show at once."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils import timezone

from fleksi.org.models import Employee, Unit
from fleksi.roster.domain.codec import problem_from_json
from fleksi.roster.domain.result import FairnessReport
from fleksi.roster.domain.review import summarise
from fleksi.roster.messages import (
    PREFERENCE_REASON_WITHHELD,
    PREFERENCE_REASONS,
    explanation_text,
    group_text,
    peer_group_text,
    unmet_reason_text,
)
from fleksi.roster.models import PreferenceDay, Roster, RosterCell, RosterPreference

ROWS_PER_PAGE = 100
UNMET_SHOWN = 200


@dataclass(frozen=True)
class Cell:
    day: date
    placement: str
    fixed: bool
    edited: bool
    editable: bool


@dataclass(frozen=True)
class Row:
    employee_id: int
    name: str
    position: str
    unit: str
    cells: list[Cell]
    wfa_days: int
    # fairness: WFA days over the window (two months before + this one) and the difference
    # from the level of comparable colleagues (None: no comparable colleague)
    window_days: int = 0
    difference: float | None = None


@dataclass(frozen=True)
class PeerRow:
    """One group of comparable colleagues on the page."""

    label: str
    members: int
    level: float
    min_days: int
    max_days: int
    distance: int


@dataclass(frozen=True)
class GroupDay:
    label: str
    minimum: int
    onsite: int

    @property
    def short(self) -> bool:
        return self.onsite < self.minimum


@dataclass(frozen=True)
class DayColumn:
    day: date
    wfa: int
    onsite: int
    absent: int
    quota: int
    groups: list[GroupDay]

    @property
    def over_quota(self) -> bool:
        return self.wfa > self.quota

    @property
    def short(self) -> bool:
        return any(g.short for g in self.groups)


@dataclass(frozen=True)
class Unmet:
    name: str
    day: date
    kind: str
    reason: str
    why: list[str]


@dataclass
class RosterPage:
    roster: Roster
    days: list[date] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    columns: list[DayColumn] = field(default_factory=list)
    fairness: FairnessReport | None = None
    peers: list[PeerRow] = field(default_factory=list)
    unmet: list[Unmet] = field(default_factory=list)
    unmet_total: int = 0
    explanations: list[str] = field(default_factory=list)
    page: int = 1
    pages: int = 1
    people_total: int = 0


def _names(roster: Roster) -> tuple[dict[int, str], dict[int, tuple[str, str, str]]]:
    units = dict(Unit.objects.filter(path__startswith=roster.unit.path).values_list("id", "name"))
    ids = [e["id"] for e in roster.problem.get("employees", [])]
    people = {
        pk: (name, position, unit)
        for pk, name, position, unit in Employee.objects.filter(pk__in=ids).values_list(
            "id", "name", "position__name", "unit__name"
        )
    }
    return units, people


def roster_page(
    roster: Roster,
    *,
    editor: bool,
    page: int = 1,
    reasons_of: Collection[int] | None = None,
) -> RosterPage:
    """The roster's page. ``reasons_of``: the employees whose preference reasons are shown
    (``None``: everyone's); the others' unmet preferences say the reason is not shown."""
    out = RosterPage(roster=roster)
    if not roster.problem:
        return out
    problem = problem_from_json(roster.problem)
    units, people = _names(roster)
    names = {pk: v[0] for pk, v in people.items()}
    out.explanations = [
        explanation_text(x, units, names) for x in roster.result.get("explanations", [])
    ]
    out.days = list(problem.days)
    ids = [e.id for e in problem.employees]
    out.people_total = len(ids)
    out.pages = max(1, -(-len(ids) // ROWS_PER_PAGE))
    out.page = min(max(1, page), out.pages)
    cells = {
        (e, d): (p, f, ed)
        for e, d, p, f, ed in RosterCell.objects.filter(roster=roster).values_list(
            "employee_id", "day", "placement", "fixed", "edited"
        )
    }
    if not cells:  # infeasible or failed: no roster to show
        return out
    grid = [[cells.get((e, d), ("onsite",))[0] for d in out.days] for e in ids]
    review = summarise(problem, grid)  # type: ignore[arg-type]
    today = timezone.localdate()
    live = roster.status == Roster.Status.PROPOSED or roster.status == Roster.Status.PUBLISHED
    allowed = [e.allowed for e in problem.employees]
    person_fairness = {f.employee: f for f in review.fairness.people}
    start = (out.page - 1) * ROWS_PER_PAGE
    for i, emp_id in enumerate(ids[start : start + ROWS_PER_PAGE], start=start):
        name, position, unit = people.get(emp_id, (str(emp_id), "", ""))
        row_cells = []
        for d in out.days:
            placement, fixed, edited = cells.get((emp_id, d), ("onsite", False, False))
            editable = (
                editor
                and live
                and not fixed
                and placement != "absent"
                and (placement == "wfa" or (d in allowed[i] and d not in problem.blackout))
                and (roster.status == Roster.Status.PROPOSED or d > today)
            )
            row_cells.append(Cell(d, placement, fixed, edited, editable))
        wfa = sum(1 for p in grid[i] if p == "wfa")
        mine = person_fairness.get(emp_id)
        out.rows.append(
            Row(
                emp_id,
                name,
                position,
                unit,
                row_cells,
                wfa,
                window_days=mine.window_days if mine else problem.employees[i].prior_wfa_days + wfa,
                difference=mine.difference if mine and mine.group else None,
            )
        )
    out.columns = [
        DayColumn(
            r.day,
            r.wfa,
            r.onsite,
            r.absent,
            r.quota,
            [GroupDay(group_text(g.group, units), g.minimum, g.onsite) for g in r.groups],
        )
        for r in review.days
    ]
    out.fairness = review.fairness
    out.peers = [
        PeerRow(
            peer_group_text(g.group, units), g.members, g.level, g.min_days, g.max_days, g.distance
        )
        for g in review.fairness.groups
    ]
    out.unmet_total = len(review.unmet)
    out.unmet = [
        Unmet(
            names.get(u.employee, str(u.employee)),
            u.day,
            u.kind,
            str(
                PREFERENCE_REASONS.get(u.reason_code, u.reason_code)
                if reasons_of is None or u.employee in reasons_of
                else PREFERENCE_REASON_WITHHELD
            ),
            [unmet_reason_text(r.rule, r.subject, units) for r in u.reasons],
        )
        for u in review.unmet[:UNMET_SHOWN]
    ]
    return out


def preference_get(employee: Employee, month: date) -> tuple[dict[date, tuple[str, str]], str]:
    """The employee's chosen days (day → (kind, reason)) and note for ``month``."""
    pref = RosterPreference.objects.filter(employee=employee, month=month).first()
    if pref is None:
        return {}, ""
    days = {
        d: (k, r)
        for d, k, r in PreferenceDay.objects.filter(preference=pref).values_list(
            "day", "kind", "reason"
        )
    }
    return days, pref.note


def rosters_of(unit: Unit, month: date) -> list[Any]:
    return list(
        Roster.objects.filter(unit=unit, month=month)
        .select_related("created_by", "published_by")
        .order_by("-created_at")[:20]
    )
