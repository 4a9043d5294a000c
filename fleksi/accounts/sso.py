"""Single sign-on with the regency's OpenID Connect provider (BKN's SSO is Keycloak; a pemda
may run its own). Authlib is the relying party: discovery, the code flow with PKCE (S256),
state and nonce, the ID token's signature, issuer, audience and expiry. This module decides
what Fleksi does with the verified claims: the account is found by NIP, never created unless
``OIDC_CREATE_ACCOUNTS`` says so, and a disabled or inactive account is refused.
See docs/sign-in.md and docs/decisions/0024-single-sign-on-with-openid-connect.md."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import requests
from authlib.integrations.django_client import DjangoOAuth2App, OAuth
from django.conf import settings
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from fleksi.accounts.models import User
from fleksi.accounts.permissions import scope_for
from fleksi.accounts.services import accounts_provision
from fleksi.org.models import Employee

# The ID token of the sign-in, kept in the session for the provider's sign-out.
ID_TOKEN = "fleksi_sso_id_token"  # noqa: S105 (a session key)
_clients: dict[tuple[str, ...], DjangoOAuth2App] = {}


def sso_enabled() -> bool:
    return bool(settings.OIDC_CLIENT_ID and settings.OIDC_DISCOVERY_URL)


def sso_client() -> DjangoOAuth2App:
    """The relying party for the current settings (its discovery document and keys are
    fetched once and kept)."""
    key = (
        settings.OIDC_DISCOVERY_URL,
        settings.OIDC_CLIENT_ID,
        settings.OIDC_CLIENT_SECRET,
        settings.OIDC_SCOPES,
        str(settings.OIDC_TIMEOUT_S),
    )
    client = _clients.get(key)
    if client is None:
        client = OAuth().register(
            name="fleksi_sso",
            client_id=settings.OIDC_CLIENT_ID,
            client_secret=settings.OIDC_CLIENT_SECRET,
            server_metadata_url=settings.OIDC_DISCOVERY_URL,
            client_kwargs={
                "scope": settings.OIDC_SCOPES,
                "code_challenge_method": "S256",
                "default_timeout": settings.OIDC_TIMEOUT_S,
            },
        )
        assert isinstance(client, DjangoOAuth2App)
        _clients[key] = client
    return client


class SsoRefused(Exception):
    """The provider vouched for someone Fleksi does not let in; ``message`` says why in the
    person's language."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(code)
        self.code = code
        self.message = message


def claimed_nip(claims: Mapping[str, Any]) -> str:
    value = claims.get(settings.OIDC_NIP_CLAIM)
    return str(value).replace(" ", "").strip() if value is not None else ""


def sso_account(claims: Mapping[str, Any], *, actor: Any = None) -> User:
    """The Fleksi account of the person the provider vouched for (matched by NIP)."""
    nip = claimed_nip(claims)
    if not nip:
        raise SsoRefused(
            "no_nip",
            _(
                "The identity provider did not send a NIP for this person, so Fleksi cannot "
                "tell whose account it is. Ask the SSO administrator to release the NIP to "
                "Fleksi."
            ),
        )
    accounts = User.objects.select_related("employee")
    user = accounts.filter(Q(username=nip) | Q(employee__nip=nip)).first()
    if user is None and settings.OIDC_CREATE_ACCOUNTS:
        employee = Employee.objects.filter(nip=nip, is_active=True).first()
        if employee is not None and accounts_provision(actor=actor, employee_ids=[employee.pk]):
            user = accounts.filter(employee=employee).first()
    if user is None:
        raise SsoRefused(
            "unknown_account",
            _(
                "You signed in at the identity provider, but Fleksi has no account for your "
                "NIP. Ask the BKPSDM to register you in Fleksi; no account is created "
                "automatically."
            ),
        )
    if not user.may_sign_in:
        raise SsoRefused(
            "inactive_account",
            _(
                "Your Fleksi account is not active (disabled, or your employee record is no "
                "longer active). Contact the BKPSDM."
            ),
        )
    return user


def second_factor_at_provider(claims: Mapping[str, Any]) -> bool:
    """Whether the ID token says the provider used a second factor Fleksi accepts (an
    ``amr`` value in ``OIDC_MFA_AMR`` or the ``acr`` in ``OIDC_MFA_ACR``)."""
    amr = claims.get("amr")
    methods = {str(m) for m in amr} if isinstance(amr, list) else set()
    acr = str(claims.get("acr") or "")
    return bool(methods & settings.OIDC_MFA_AMR) or (acr != "" and acr in settings.OIDC_MFA_ACR)


def sso_only(user: User) -> bool:
    """Whether a role of this person must sign in through SSO (no password sign-in)."""
    return sso_enabled() and bool(scope_for(user).roles & settings.FLEKSI_SSO_ONLY_ROLES)


def sso_logout_redirect(request: HttpRequest, id_token: str) -> HttpResponse | None:
    """The redirect to the provider's sign-out (back to Fleksi's sign-in page afterwards), or
    ``None`` when the provider has no sign-out endpoint or cannot be reached."""
    try:
        logout = sso_client().create_logout_url(
            post_logout_redirect_uri=request.build_absolute_uri(reverse("accounts:login")),
            id_token_hint=id_token,
            client_id=settings.OIDC_CLIENT_ID,
        )
    except (RuntimeError, requests.RequestException):
        return None
    return HttpResponseRedirect(logout["url"])
