"""Who may see and change the places' readiness (decided in ``fleksi.accounts.permissions``).

- The readiness pages: the Diskominfo admin (``places.manage``) and the regency-wide roles
  (``regency.view``: Sekda, Bupati, BKPSDM, auditor).
- Editing a profile and importing a survey: the Diskominfo admin only.
- "My place": any employee, for their own recorded domicile.

Places are public reference data, so a refusal is a 403, never a 404.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from fleksi.accounts.domain.access import Perm
from fleksi.accounts.models import User
from fleksi.accounts.permissions import require, scope_for


def may_view_readiness(user: User) -> bool:
    scope = scope_for(user)
    return scope.has(Perm.PLACES_MANAGE) or scope.has(Perm.REGENCY_VIEW)


def may_manage_places(user: User) -> bool:
    return scope_for(user).has(Perm.PLACES_MANAGE)


def require_readiness_view(user: User) -> None:
    if not may_view_readiness(user):
        raise PermissionDenied


def require_places_manage(user: User) -> None:
    require(user, Perm.PLACES_MANAGE)
