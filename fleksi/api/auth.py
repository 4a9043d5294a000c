from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer

from fleksi.accounts.services import api_token_authenticate


class TokenAuth(HttpBearer):
    """``Authorization: Bearer fk_…`` with a personal API token (see *My profile*)."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = api_token_authenticate(token)
        if user is not None:
            request.user = user
        return user
