"""Who may see and do what with rosters (the gatekeepers the pages and the API call).

- Preferences: every employee, their own only.
- Rosters of a unit subtree: heads of a unit at or above it (Plt/Plh included) and unit
  personnel administrators of such a unit generate, edit and publish; service-unit managers
  of the subtree and whoever sees every person (BKPSDM, Sekda, Bupati, auditor) read.
  Anyone else gets 404 (a roster's existence is not revealed); a reader who tries to change
  one gets 403.
- The reason of a preference (care, health, commute) is per-person sensitive data: shown with
  an unmet preference only to the person's approval chain and BKPSDM
  (``Scope.sees_sensitive_of``); other readers see that the wish was not met, not why it was
  made.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from fleksi.accounts.models import User
from fleksi.accounts.permissions import scope_for
from fleksi.org.models import Employee, Unit
from fleksi.org.selectors import subtree_q
from fleksi.roster.models import Roster


def _manager_paths(user: User) -> tuple[str, ...]:
    scope = scope_for(user)
    return scope.headed_unit_paths + scope.admin_unit_paths


def preference_reasons_readable(user: User, employee_ids: Iterable[int]) -> frozenset[int]:
    """The employees among ``employee_ids`` whose preference reasons the user may read."""
    return frozenset(
        Employee.objects.filter(pk__in=list(employee_ids))
        .filter(scope_for(user).sensitive_q())
        .values_list("pk", flat=True)
    )


def reasons_readable_in(user: User, roster: Roster) -> frozenset[int]:
    """The people of a roster whose preference reasons the user may read."""
    ids = [e["id"] for e in (roster.problem or {}).get("employees", [])]
    return preference_reasons_readable(user, ids)


def result_for(user: User, roster: Roster) -> dict[str, Any]:
    """The roster's stored result, with the reason of each unmet preference of someone whose
    reasons the user may not read replaced by ``"withheld"``."""
    result = dict(roster.result or {})
    unmet = result.get("unmet") or []
    readable = preference_reasons_readable(user, {u["employee"] for u in unmet})
    result["unmet"] = [
        u if u["employee"] in readable else {**u, "reason_code": "withheld"} for u in unmet
    ]
    return result


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
