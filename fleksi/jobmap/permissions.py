"""Who may see and change which part of the duty mapping (through the scoping module).

- **See** a unit's mapping: regency-wide roles (BKPSDM, Sekda, Bupati, auditor, Diskominfo)
  and the Bagian Organisasi (``mapping.view_all``, read only) everywhere; heads of unit,
  unit personnel administrators and service-unit managers in their subtrees. An employee
  sees the mapping of their own position only.
- **Change** duties and **propose** assessments: BKPSDM (``mapping.propose_all``) anywhere,
  a unit personnel administrator in their subtree.
- **Approve / return** assessments and **grant / end** exceptions: BKPSDM
  (``mapping.approve``).
- **Exceptions** carry personal reasons (often health): a unit's list names only the people
  whose sensitive data the user may read (``Scope.sees_sensitive_of``: the person's approval
  chain and BKPSDM); the others of the subtree are counted, not named. One exception is
  answered 404 to anyone else.
- The regency summary: regency-wide roles.

Out of scope → 404 (existence not revealed); in scope but not allowed → 403.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from fleksi.accounts.domain.access import Perm
from fleksi.accounts.models import User
from fleksi.accounts.permissions import Scope, scope_for
from fleksi.jobmap.models import Assessment, EmployeeException
from fleksi.jobmap.selectors import exceptions_of_unit
from fleksi.org.models import Employee, Position, Unit


def sees_whole_mapping(scope: Scope) -> bool:
    return (
        scope.sees_all_people
        or scope.has(Perm.REGENCY_VIEW)
        or scope.has(Perm.MAPPING_PROPOSE_ALL)
        or scope.has(Perm.MAPPING_APPROVE)
        or scope.has(Perm.MAPPING_VIEW_ALL)
    )


def may_view_regency(user: User) -> bool:
    scope = scope_for(user)
    return (
        scope.has(Perm.REGENCY_VIEW)
        or scope.has(Perm.MAPPING_APPROVE)
        or scope.has(Perm.MAPPING_VIEW_ALL)
    )


def may_approve(user: User) -> bool:
    return scope_for(user).has(Perm.MAPPING_APPROVE)


def require_approver(user: User) -> None:
    if not may_approve(user):
        raise PermissionDenied


def mapping_units_visible(user: User) -> QuerySet[Unit]:
    """Units whose mapping page the user may open."""
    scope = scope_for(user)
    if sees_whole_mapping(scope):
        return Unit.objects.all()
    return scope.subtree_units()


def own_position_id(user: User) -> int | None:
    scope = scope_for(user)
    if scope.employee_id is None:
        return None
    return (
        Employee.objects.filter(pk=scope.employee_id).values_list("position_id", flat=True).first()
    )


def _sees_unit_path(scope: Scope, path: str) -> bool:
    return sees_whole_mapping(scope) or scope.covers(path)


def may_edit_unit(user: User, unit: Unit) -> bool:
    scope = scope_for(user)
    return scope.has(Perm.MAPPING_PROPOSE_ALL) or scope.administers(unit.path)


def may_import(user: User) -> bool:
    scope = scope_for(user)
    return scope.has(Perm.MAPPING_PROPOSE_ALL) or bool(scope.admin_unit_paths)


def import_scope(user: User) -> tuple[str, ...] | None:
    """Subtrees whose positions the user may import duties for (``None``: all); 403 if none."""
    scope = scope_for(user)
    if scope.has(Perm.MAPPING_PROPOSE_ALL):
        return None
    if scope.admin_unit_paths:
        return scope.admin_unit_paths
    raise PermissionDenied


def access_mapping_unit(user: User, unit_id: int) -> Unit:
    unit = mapping_units_visible(user).select_related("parent", "root").filter(pk=unit_id).first()
    if unit is None:
        raise Http404
    return unit


def access_position(user: User, position_id: int, *, change: bool = False) -> Position:
    """A position whose mapping the user may see (404 otherwise); with ``change``, 403 unless
    the user may edit its duties and propose its assessment."""
    position = Position.objects.select_related("unit", "unit__root").filter(pk=position_id).first()
    if position is None:
        raise Http404
    scope = scope_for(user)
    if not _sees_unit_path(scope, position.unit.path) and own_position_id(user) != position.pk:
        raise Http404
    if change and not may_edit_unit(user, position.unit):
        raise PermissionDenied
    return position


def access_assessment(user: User, assessment_id: int, *, decide: bool = False) -> Assessment:
    assessment = Assessment.objects.filter(pk=assessment_id).only("id", "position_id").first()
    if assessment is None:
        raise Http404
    access_position(user, assessment.position_id)
    if decide:
        require_approver(user)
    return Assessment.objects.select_related(
        "position", "position__unit", "created_by", "proposed_by", "decided_by"
    ).get(pk=assessment_id)


def exceptions_shown(user: User, unit: Unit) -> tuple[QuerySet[EmployeeException], int]:
    """The exceptions of a unit subtree the user may read with names and reasons, and how
    many others the subtree holds (counted only)."""
    every = exceptions_of_unit(unit)
    shown = every.filter(scope_for(user).sensitive_q("employee__"))
    return shown, every.count() - shown.count()


def access_exception(user: User, exception_id: int, *, change: bool = False) -> EmployeeException:
    exc = (
        EmployeeException.objects.select_related("employee", "employee__unit")
        .filter(pk=exception_id)
        .first()
    )
    if exc is None or not scope_for(user).sees_sensitive_of(exc.employee):
        raise Http404
    if change:
        require_approver(user)
    return exc


def access_employee_for_exception(user: User, employee_id: int) -> Employee:
    """An employee in a subtree the user sees, for granting an exception (BKPSDM only)."""
    employee = Employee.objects.select_related("unit", "position").filter(pk=employee_id).first()
    if employee is None or not _sees_unit_path(scope_for(user), employee.unit.path):
        raise Http404
    require_approver(user)
    return employee
