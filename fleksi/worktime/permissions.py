"""Who may plan, see and decide duty rosters (the scoping itself is
``fleksi.accounts.permissions``).

- **Manage** a unit's roster (save, import, publish, decide swaps): heads, service-unit
  managers (the head nurse of a ward) and personnel administrators of a subtree containing
  the unit.
- **See** a roster: its managers, the roles that see all people (BKPSDM, Sekda, Bupati,
  auditor), and the people on it (a nurse sees the ward's roster).
- **Ask for a swap**: a person on the published roster, for their own shift.
- **See swaps**: a roster's managers see all of its swaps; a person on it the swaps they
  asked for or are asked to take part in.
Out of sight: 404; in sight but not allowed: 403.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from fleksi.accounts.models import User
from fleksi.accounts.permissions import scope_for
from fleksi.org.models import Unit
from fleksi.worktime.models import DutyRoster, DutyShift, DutySwap


def may_manage_unit(user: User, unit: Unit) -> bool:
    return scope_for(user).covers(unit.path)


def _on_roster(user: User, roster: DutyRoster) -> bool:
    employee_id = scope_for(user).employee_id
    return employee_id is not None and (
        DutyShift.objects.filter(roster=roster, employee_id=employee_id).exists()
    )


def rosters_visible_to(user: User) -> QuerySet[DutyRoster]:
    scope = scope_for(user)
    qs = DutyRoster.objects.select_related("unit")
    if scope.sees_all_people:
        return qs
    q = Q(pk__in=[])
    for path in scope.unit_paths:
        q |= Q(unit__path__startswith=path)
    if scope.employee_id is not None:
        q |= Q(pk__in=DutyShift.objects.filter(employee_id=scope.employee_id).values("roster"))
    return qs.filter(q)


def access_roster(user: User, roster_id: int, *, manage: bool = False) -> DutyRoster:
    roster = DutyRoster.objects.select_related("unit").filter(pk=roster_id).first()
    if roster is None:
        raise Http404
    if may_manage_unit(user, roster.unit):
        return roster
    if not (scope_for(user).sees_all_people or _on_roster(user, roster)):
        raise Http404
    if manage:
        raise PermissionDenied
    return roster


def access_unit_to_plan(user: User, unit_id: int) -> Unit:
    unit = Unit.objects.filter(pk=unit_id).first()
    if unit is None:
        raise Http404
    if may_manage_unit(user, unit):
        return unit
    raise PermissionDenied if scope_for(user).sees_all_people else Http404


def access_swap(user: User, swap_id: int) -> DutySwap:
    """A swap to decide: the roster's managers only."""
    swap = DutySwap.objects.select_related("roster__unit").filter(pk=swap_id).first()
    if swap is None:
        raise Http404
    access_roster(user, swap.roster_id, manage=True)
    return swap


def units_to_plan(user: User) -> QuerySet[Unit]:
    """The units whose rosters the user may plan (their subtrees)."""
    q = Q(pk__in=[])
    for path in scope_for(user).unit_paths:
        q |= Q(path__startswith=path)
    return Unit.objects.filter(q).order_by("path")


def swaps_visible_to(user: User, roster: DutyRoster) -> QuerySet[DutySwap]:
    """The swaps of ``roster`` the user sees (the roster itself already passed
    :func:`access_roster`)."""
    qs = DutySwap.objects.filter(roster=roster).select_related("requester", "other")
    if may_manage_unit(user, roster.unit):
        return qs
    employee_id = scope_for(user).employee_id
    if employee_id is None:
        return qs.none()
    return qs.filter(Q(requester_id=employee_id) | Q(other_id=employee_id))
