from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import get_language
from ninja import Router

from fleksi.accounts.models import User
from fleksi.accounts.permissions import scope_for
from fleksi.accounts.schemas import MeOut
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
        "headed_unit_ids": list(
            Unit.objects.filter(path__in=scope.headed_unit_paths).values_list("id", flat=True)
        ),
    }
