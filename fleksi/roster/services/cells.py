"""Changing one cell of a roster by hand, re-checked at once.

The change is checked against the hard rules of the problem the roster was solved for
(``domain.review.check_change``: weekly maximum, daily quota, group minimums, days without
WFA, eligibility and place, decided cells); a change that would break one is refused with
the rule named. On a published roster only days after today change, and through the
schedule's services: a new WFA day is approved under the request rules and the unit-day
locks, a WFA day taken back is recalled — the employee is told either way.
"""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fleksi.common.errors import Conflict, NotAllowed, NotFound, ValidationFailed
from fleksi.org.models import Unit
from fleksi.roster.domain import Placement
from fleksi.roster.domain.codec import problem_from_json
from fleksi.roster.domain.evaluate import Grid
from fleksi.roster.domain.review import check_change
from fleksi.roster.messages import RULE_NAMES, violation_text
from fleksi.roster.models import Roster, RosterCell
from fleksi.roster.permissions import may_manage
from fleksi.roster.services.common import audit_roster, roster_label
from fleksi.roster.services.granting import grant, withdraw

EDITABLE = (RosterCell.Placement.WFA, RosterCell.Placement.ONSITE)


def _grid(roster: Roster, ids: list[int], days: list[date]) -> list[list[Placement]]:
    row_of = {e: i for i, e in enumerate(ids)}
    col_of = {d: j for j, d in enumerate(days)}
    grid: list[list[Placement]] = [["onsite"] * len(days) for _ in ids]
    for emp_id, day, placement in RosterCell.objects.filter(roster=roster).values_list(
        "employee_id", "day", "placement"
    ):
        if emp_id in row_of and day in col_of:
            grid[row_of[emp_id]][col_of[day]] = cast(Placement, placement)
    return grid


def _check(roster: Roster, employee_id: int, day: date, placement: Placement) -> None:
    problem = problem_from_json(roster.problem)
    ids = [e.id for e in problem.employees]
    days = list(problem.days)
    if employee_id not in ids or day not in days:
        raise NotFound("cell_not_found", _("This person or day is not in the roster."))
    grid: Grid = _grid(roster, ids, days)
    broken = check_change(problem, grid, ids.index(employee_id), days.index(day), placement)
    if broken:
        units = dict(
            Unit.objects.filter(path__startswith=roster.unit.path).values_list("id", "name")
        )
        texts = [violation_text(v.rule, v.detail, problem.weekly_cap, units) for v in broken]
        raise Conflict(
            "roster_rule",
            _("Not changed: %(rules)s. %(why)s")
            % {
                "rules": ", ".join(
                    dict.fromkeys(str(RULE_NAMES.get(v.rule, v.rule)) for v in broken)
                ),
                "why": " ".join(dict.fromkeys(texts)),
            },
            rules=sorted({v.rule for v in broken}),
        )


def roster_cell_set(
    *, actor: Any, roster: Roster, employee_id: int, day: date, placement: str
) -> RosterCell:
    """Set one cell to ``wfa`` or ``onsite`` (see the module documentation)."""
    if not may_manage(actor, roster.unit):
        raise NotAllowed("not_planner", _("Only the head of the unit can change its roster."))
    if placement not in EDITABLE:
        raise ValidationFailed("placement", _("A cell is either WFA or on site."))
    today = timezone.localdate()
    with transaction.atomic():
        roster = (
            Roster.objects.select_for_update(of=("self",)).select_related("unit").get(pk=roster.pk)
        )
        published = roster.status == Roster.Status.PUBLISHED
        if roster.status != Roster.Status.PROPOSED and not published:
            raise Conflict("roster_not_editable", _("Only a proposed or published roster changes."))
        if published and day <= today:
            raise Conflict("day_started", _("Only days after today can change."))
        cell = (
            RosterCell.objects.select_for_update()
            .filter(roster=roster, employee_id=employee_id, day=day)
            .first()
        )
        if cell is None:
            raise NotFound("cell_not_found", _("This person or day is not in the roster."))
        if cell.fixed:
            raise Conflict(
                "cell_fixed",
                _(
                    "This day was decided before the roster (a request, an absence, or a day "
                    "that has started); it cannot change here."
                ),
                rules=["fixed"],
            )
        before = cell.placement
        if before == placement:
            return cell
        _check(roster, employee_id, day, cast(Placement, placement))
        cell.placement, cell.edited = placement, True
        cell.save(update_fields=["placement", "edited"])
        if published and placement == RosterCell.Placement.WFA:
            grant(actor, roster, {employee_id: [day]})
        elif published:
            withdraw(actor, roster, {employee_id: [day]}, _("The published roster changed."))
            cell.request = None
            cell.save(update_fields=["request"])
        audit_roster(
            actor,
            roster.unit,
            "cell",
            roster.pk,
            roster_label(roster),
            before={"employee": employee_id, "day": day, "placement": before},
            after={"employee": employee_id, "day": day, "placement": placement},
        )
    cell.refresh_from_db()
    return cell
