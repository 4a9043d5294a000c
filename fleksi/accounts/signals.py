"""Sign-in events: remember when the person authenticated (for step-up) and count failures
per address (password spraying across accounts)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from fleksi.accounts.stepup import mark_authenticated
from fleksi.common.throttle import Rate, client_address, hit

SIGNIN_KIND = "signin-address"


def signin_rate() -> Rate:
    return Rate.parse(settings.FLEKSI_SIGNIN_FAILURES_PER_ADDRESS)


@receiver(user_logged_in, dispatch_uid="fleksi.accounts.logged_in")
def _logged_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        mark_authenticated(request)


@receiver(user_login_failed, dispatch_uid="fleksi.accounts.login_failed")
def _login_failed(
    sender: Any, credentials: Any, request: HttpRequest | None = None, **kw: Any
) -> None:
    if request is not None:
        hit(SIGNIN_KIND, client_address(request), signin_rate())
