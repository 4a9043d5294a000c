"""Who may check in, see a recap and decide a manual check-in (the scoping itself is
``fleksi.accounts.permissions``).

- Checking in: every active employee, for themselves only (the API takes no employee id).
- An employee's recap: whoever may see the employee (themselves, their supervisor, heads and
  managers of the subtree, the regency-wide roles); otherwise 404.
- A unit's recap and its export: heads, service-unit managers and personnel administrators of
  a subtree containing the unit, and the roles that see all people (BKPSDM, Sekda, Bupati,
  auditor). A unit the user may see but not recap: 403; a unit out of sight: 404.
- A manual request: seen by the employee and those who may see the employee; decided only by
  the direct supervisor (403 for the others who see it).
- Importing office readers' punches and user ids: BKPSDM for everyone, a unit personnel
  administrator for the people of their subtrees; 403 for the others.
"""

from __future__ import annotations

from dataclasses import replace

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from fleksi.accounts.models import Role, User
from fleksi.accounts.permissions import access_employee, scope_for, units_visible_to
from fleksi.org.models import Employee, Unit
from fleksi.presence.models import ManualCheckinRequest
from fleksi.presence.selectors.recap import Period, RecapRow, recap_rows


def checkin_employee_id(user: User) -> int | None:
    """The employee record the user checks in as (None: an account without one)."""
    return scope_for(user).employee_id


def may_recap_unit(user: User, unit: Unit) -> bool:
    scope = scope_for(user)
    return scope.sees_unit_people(unit.path)


def may_recap_any(user: User) -> bool:
    scope = scope_for(user)
    return scope.sees_all_people or bool(scope.unit_paths)


def may_recap_all(user: User) -> bool:
    return scope_for(user).sees_all_people


def access_recap_unit(user: User, unit_id: int) -> Unit:
    unit = Unit.objects.select_related("root").filter(pk=unit_id).first()
    if unit is None:
        raise Http404
    if may_recap_unit(user, unit):
        return unit
    if units_visible_to(user).filter(pk=unit.pk).exists():
        raise PermissionDenied
    raise Http404


def access_recap_employee(user: User, employee_id: int) -> Employee:
    return access_employee(user, employee_id)


def recap_unit_paths(user: User) -> tuple[str, ...]:
    """The subtrees whose recap the user may open (empty for the regency-wide roles, who
    open any)."""
    return scope_for(user).unit_paths


def access_manual_request(
    user: User, request_id: int, *, decide: bool = False
) -> ManualCheckinRequest:
    req = (
        ManualCheckinRequest.objects.select_related("employee", "employee__unit")
        .filter(pk=request_id)
        .first()
    )
    if req is None:
        raise Http404
    access_employee(user, req.employee_id)  # 404 when the person is out of sight
    if decide and (
        user.employee_id is None or req.employee.supervisor_id != scope_for(user).employee_id
    ):
        raise PermissionDenied
    return req


def reader_import_paths(user: User) -> tuple[str, ...] | None:
    """Whose reader punches (and reader user ids) the user may import: BKPSDM anyone's
    (None), a unit personnel administrator the people of their subtrees; 403 for others."""
    scope = scope_for(user)
    if scope.has_role(Role.BKPSDM_ADMIN):
        return None
    if scope.admin_unit_paths:
        return scope.admin_unit_paths
    raise PermissionDenied


def recap_rows_for(user: User, people: QuerySet[Employee], period: Period) -> list[RecapRow]:
    """The recap rows of ``people`` as ``user`` may read them: the NIP (it encodes the birth
    date) only of those whose personal details the user may see
    (``Scope.sees_personal_details_of``); for the others it is empty."""
    rows = recap_rows(people, period)
    shown = scope_for(user).personal_details_among(people)
    if shown is None:
        return rows
    return [r if r.employee_id in shown else replace(r, nip="") for r in rows]
