"""Signing in through the regency's OpenID Connect provider: the start (a redirect to the
provider with state, nonce and a PKCE challenge) and the return (the code exchanged, the ID
token checked, the account found by NIP). See fleksi/accounts/sso.py."""

from __future__ import annotations

import requests
from authlib.integrations.base_client import OAuthError
from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from joserfc.errors import JoseError

from fleksi.accounts.backends import BACKEND
from fleksi.accounts.sso import (
    SsoRefused,
    claimed_nip,
    second_factor_at_provider,
    sso_account,
    sso_client,
    sso_enabled,
)
from fleksi.accounts.views import finish_sign_in

NEXT = "fleksi_sso_next"
CONFIRMING = "fleksi_sso_confirming"


def _refused(request: HttpRequest, message: str, status: int) -> HttpResponse:
    return render(
        request,
        "accounts/sso_refused.html",
        {"message": message, "sso_name": settings.OIDC_PROVIDER_NAME},
        status=status,
    )


def _unreachable(request: HttpRequest) -> HttpResponse:
    return _refused(
        request,
        _(
            "%(sso)s cannot be reached right now. Try again in a few minutes, or sign in "
            "with your password if your role allows it."
        )
        % {"sso": settings.OIDC_PROVIDER_NAME},
        503,
    )


@require_GET
def sso_start(request: HttpRequest) -> HttpResponse:
    """To the provider's sign-in page. ``?confirm=1`` asks the provider to sign the person in
    again even if it has a session (*Confirm it's you* for the SSO users)."""
    if not sso_enabled():
        raise Http404
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = resolve_url(settings.LOGIN_REDIRECT_URL)
    request.session[NEXT] = target
    confirm = bool(request.GET.get("confirm")) and request.user.is_authenticated
    request.session[CONFIRMING] = request.user.pk if confirm else None
    extra = {"prompt": "login", "max_age": 0} if confirm else {}
    try:
        return sso_client().authorize_redirect(
            request, request.build_absolute_uri(reverse("accounts:sso_callback")), **extra
        )
    except requests.RequestException:
        return _unreachable(request)


@require_GET
def sso_callback(request: HttpRequest) -> HttpResponse:
    if not sso_enabled():
        raise Http404
    client = sso_client()
    try:
        token = client.authorize_access_token(request)
        claims = dict(token.get("userinfo") or {})
        if not claims:
            raise OAuthError(error="missing_id_token")
        if not claimed_nip(claims) and client.load_server_metadata().get("userinfo_endpoint"):
            # Providers that keep profile claims out of the ID token send them here.
            info = client.userinfo(token=token)
            if info.get("sub") == claims.get("sub"):
                claims = {**info, **claims}
    except (OAuthError, JoseError) as error:
        # A refused or expired code, a wrong state or nonce, a bad ID token signature.
        cancelled = getattr(error, "error", "") == "access_denied"
        return _refused(
            request,
            _("Sign-in at %(sso)s was cancelled.") % {"sso": settings.OIDC_PROVIDER_NAME}
            if cancelled
            else _(
                "Signing in through %(sso)s did not complete (the sign-in expired or was "
                "started in another window). Start again from the sign-in page."
            )
            % {"sso": settings.OIDC_PROVIDER_NAME},
            400,
        )
    except requests.RequestException:
        return _unreachable(request)
    try:
        user = sso_account(claims)
    except SsoRefused as refusal:
        return _refused(request, refusal.message, 403)
    confirming = request.session.pop(CONFIRMING, None)
    if confirming is not None and confirming != user.pk:
        # *Confirm it's you* must be the same person, not a switch to another account.
        return _refused(
            request,
            _(
                "You confirmed with another account at %(sso)s than the one signed in to "
                "Fleksi. Nothing was changed."
            )
            % {"sso": settings.OIDC_PROVIDER_NAME},
            403,
        )
    next_url = request.session.pop(NEXT, "") or resolve_url(settings.LOGIN_REDIRECT_URL)
    return finish_sign_in(
        request,
        user,
        backend=BACKEND,
        next_url=next_url,
        second_factor_done=second_factor_at_provider(claims),
        id_token=str(token.get("id_token", "")),
    )
