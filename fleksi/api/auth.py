from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.security import HttpBearer

from fleksi.accounts.domain.tokens import token_allows
from fleksi.accounts.services import api_token_authenticate
from fleksi.common.errors import NotAllowed


class TokenAuth(HttpBearer):
    """``Authorization: Bearer fk_…`` with a personal API token (see *My profile*); the
    token's scope (read, check-in only, full) limits what it may call."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        found = api_token_authenticate(token)
        if found is None:
            return None
        match = request.resolver_match
        if not token_allows(
            found.scope, request.method or "GET", match.url_name if match else None
        ):
            raise NotAllowed("token_scope", _("This token's scope does not allow this call."))
        request.user = found.user
        request.api_token = found  # type: ignore[attr-defined]
        return found.user
