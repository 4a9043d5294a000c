"""Who may see and do what with rosters (the gatekeepers the pages and the API call).

- Preferences: every employee, their own only.
- Rosters of a unit subtree: heads of a unit at or above it (Plt/Plh included) and unit
  personnel administrators of such a unit generate, edit and publish; service-unit managers
  of the subtree and whoever sees every person (BKPSDM, Sekda, Bupati, auditor) read.
  Anyone else gets 404 (a roster's existence is not revealed); a reader who tries to change
  one gets 403.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from fleksi.accounts.models import User
from fleksi.accounts.permissions import scope_for
from fleksi.org.models import Unit
from fleksi.org.selectors import subtree_q
from fleksi.roster.models import Roster


def _manager_paths(user: User) -> tuple[str, ...]:
    scope = scope_for(user)
    return scope.headed_unit_paths + scope.admin_unit_paths


def may_plan(user: User) -> bool:
    """Heads of a unit and unit administrators: the "Roster" pages are theirs."""
    return bool(_manager_paths(user))


def may_read_rosters(user: User) -> bool:
    scope = scope_for(user)
    return scope.sees_all_people or bool(scope.unit_paths)


def may_manage(user: object, unit: Unit) -> bool:
    if not isinstance(user, User):
        return False
    return any(unit.path.startswith(p) for p in _manager_paths(user))


def roster_units_visible_to(user: User) -> QuerySet[Unit]:
    scope = scope_for(user)
    if scope.sees_all_people:
        return Unit.objects.all()
    if not scope.unit_paths:
        return Unit.objects.none()
    return scope.subtree_units()


def roster_units_managed_by(user: User) -> QuerySet[Unit]:
    paths = _manager_paths(user)
    if not paths:
        return Unit.objects.none()
    return Unit.objects.filter(subtree_q(paths), is_active=True)


def rosters_visible_to(user: User) -> QuerySet[Roster]:
    scope = scope_for(user)
    if scope.sees_all_people:
        return Roster.objects.all()
    if not scope.unit_paths:
        return Roster.objects.none()
    return Roster.objects.filter(scope.in_subtrees_q())


def access_roster_unit(user: User, unit_id: int) -> Unit:
    unit = roster_units_visible_to(user).filter(pk=unit_id).first()
    if unit is None:
        raise Http404
    return unit


def access_roster(user: User, roster_id: int) -> Roster:
    roster = (
        rosters_visible_to(user)
        .select_related(
            "unit",
            "policy_version",
            "created_by__employee",
            "published_by__employee",
        )
        .filter(pk=roster_id)
        .first()
    )
    if roster is None:
        raise Http404
    return roster
