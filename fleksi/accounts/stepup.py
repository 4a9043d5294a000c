"""Step-up re-authentication: sensitive actions (minting an API token, assigning roles,
publishing a policy, exporting personal data) need a sign-in or re-authentication within
``FLEKSI_STEP_UP_SECONDS``. A page sends the person to *Confirm it's you* and back; the
API answers 403 ``step_up_required``. A call made with a full-scope API token passes: the
token itself was minted after a step-up."""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from fleksi.common.errors import NotAllowed

SESSION_KEY = "fleksi_auth_at"


def mark_authenticated(request: HttpRequest) -> None:
    request.session[SESSION_KEY] = time.time()


def recently_authenticated(request: HttpRequest) -> bool:
    if getattr(request, "api_token", None) is not None:
        return True
    session = getattr(request, "session", None)
    at = session.get(SESSION_KEY) if session is not None else None
    return isinstance(at, int | float) and 0 <= time.time() - at <= settings.FLEKSI_STEP_UP_SECONDS


class StepUpRequired(NotAllowed):
    def __init__(self) -> None:
        super().__init__(
            "step_up_required",
            _("Confirm it's you first (sign in again), then repeat."),
        )


def require_step_up(request: HttpRequest) -> None:
    """For the API: 403 ``step_up_required`` without a recent (re-)authentication."""
    if not recently_authenticated(request):
        raise StepUpRequired


def reauth_url(next_url: str) -> str:
    return f"{reverse('accounts:reauth')}?{urlencode({'next': next_url})}"


def step_up(
    back_to: str | None = None,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Page decorator: without a recent authentication, go to *Confirm it's you* and then to
    ``back_to`` (a URL name; by default the page itself, for a GET)."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not recently_authenticated(request):
                target = reverse(back_to) if back_to else request.get_full_path()
                return redirect(reauth_url(target))
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
