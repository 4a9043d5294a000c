from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from fleksi.accounts.current import user_of
from fleksi.accounts.domain.access import Perm
from fleksi.accounts.models import RoleAssignment, User
from fleksi.accounts.permissions import require, scope_for
from fleksi.accounts.schemas import (
    MeOut,
    RoleAssignIn,
    RoleAssignmentFilters,
    RoleAssignmentOut,
    RoleAssignmentPage,
    RoleRevokeIn,
)
from fleksi.accounts.selectors import account_by_login, role_assignment_list
from fleksi.accounts.services import role_assign, role_revoke
from fleksi.accounts.stepup import require_step_up
from fleksi.common.errors import NotFound, ValidationFailed
from fleksi.org.models import Unit
from fleksi.org.selectors import employee_get

router = Router(tags=["accounts"])


@router.get("/me", response=MeOut, summary="Who you are and what you may do")
def me(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    assert isinstance(user, User)
    scope = scope_for(user)
    employee = None
    if scope.employee_id is not None:
        e = employee_get(scope.employee_id)
        employee = {
            "id": e.pk,
            "nip": e.nip,
            "name": e.name,
            "unit_id": e.unit_id,
            "unit_name": e.unit.name,
            "position_name": e.position.name,
            "supervisor_id": e.supervisor_id,
        }
    return {
        "username": user.username,
        "display_name": user.display_name,
        "language": get_language() or "id",
        "roles": sorted(scope.roles),
        "permissions": sorted(str(p) for p in scope.perms),
        "employee": employee,
        "headed_unit_ids": list(scope.headed_units().values_list("id", flat=True)),
    }


def _assignment_out(a: RoleAssignment) -> dict[str, Any]:
    return {
        "id": a.pk,
        "user_id": a.user_id,
        "username": a.user.username,
        "display_name": a.user.display_name,
        "role": a.role,
        "role_label": a.get_role_display(),
        "unit_id": a.unit_id,
        "unit_name": a.unit.name if a.unit is not None else None,
        "valid_from": a.valid_from,
        "valid_until": a.valid_until,
        "granted_by": a.granted_by.username if a.granted_by is not None else None,
        "grant_reason": a.grant_reason,
        "revoked_by": a.revoked_by.username if a.revoked_by is not None else None,
        "revoke_reason": a.revoke_reason,
    }


@router.get(
    "/roles/assignments",
    response=RoleAssignmentPage,
    summary="Role assignments now or in the past (BKPSDM, Inspektorat, Sekda)",
)
def role_assignment_index(
    request: HttpRequest, filters: Query[RoleAssignmentFilters]
) -> dict[str, Any]:
    require(user_of(request), Perm.ROLES_VIEW)
    qs = role_assignment_list(
        current_only=filters.current and filters.held_at is None,
        held_at=filters.held_at,
        q=filters.q,
        role=filters.role,
    )
    items = list(qs[filters.offset : filters.offset + filters.limit])
    return {
        "count": qs.count(),
        "limit": filters.limit,
        "offset": filters.offset,
        "items": [_assignment_out(a) for a in items],
    }


@router.post(
    "/roles/assignments",
    response={201: RoleAssignmentOut},
    summary="Assign a role (BKPSDM)",
)
def role_assignment_create(request: HttpRequest, payload: RoleAssignIn) -> Status:
    actor = user_of(request)
    require(actor, Perm.ROLES_MANAGE)
    require_step_up(request)
    target = account_by_login(payload.account)
    if target is None:
        raise NotFound("account_unknown", _("No account signs in with this NIP or username."))
    unit = None
    if payload.unit_id is not None:
        unit = Unit.objects.filter(pk=payload.unit_id).first()
        if unit is None:
            raise ValidationFailed("unit_unknown", _("This unit does not exist."))
    assignment = role_assign(
        actor=actor, user=target, role=payload.role, unit=unit, reason=payload.reason
    )
    return Status(201, _assignment_out(assignment))


@router.post(
    "/roles/assignments/{assignment_id}/revoke",
    response=RoleAssignmentOut,
    summary="End a role assignment now (BKPSDM); it stays in the history",
)
def role_assignment_revoke(
    request: HttpRequest, assignment_id: int, payload: RoleRevokeIn
) -> dict[str, Any]:
    actor = user_of(request)
    require(actor, Perm.ROLES_MANAGE)
    require_step_up(request)
    assignment = RoleAssignment.objects.filter(pk=assignment_id).first()
    if assignment is None:
        raise Http404
    return _assignment_out(role_revoke(actor=actor, assignment=assignment, reason=payload.reason))
