"""The signed-in account of a request, typed: the one way every page and endpoint reads it.

Pages sit behind sign-in and the API behind its authentication, so ``request.user`` is always an
account there; this turns that promise into a type the rest of the code (``Scope``, services)
can rely on.
"""

from __future__ import annotations

from django.http import HttpRequest

from fleksi.accounts.models import User


def user_of(request: HttpRequest) -> User:
    """The account signed in on ``request`` (pages and endpoints that require sign-in only)."""
    user = request.user
    assert isinstance(user, User), "user_of() is for views and endpoints behind sign-in"
    return user
