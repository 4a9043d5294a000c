from __future__ import annotations

import time
from base64 import b32encode
from datetime import timedelta
from typing import Any

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, logout
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fleksi.accounts.forms import ApiTokenForm, CodeForm, ReauthForm, SignInForm
from fleksi.accounts.mfa import (
    mfa_enabled,
    mfa_recovery_codes_renew,
    mfa_required,
    mfa_setup_confirm,
    mfa_setup_start,
    mfa_verify,
)
from fleksi.accounts.middleware import SETUP_NEEDED
from fleksi.accounts.models import ApiToken, Role, User
from fleksi.accounts.permissions import scope_for
from fleksi.accounts.services import (
    api_token_create,
    api_token_revoke,
    sign_out_everywhere,
    user_language_set,
)
from fleksi.accounts.signals import SIGNIN_KIND, signin_rate
from fleksi.accounts.sso import ID_TOKEN, sso_enabled, sso_logout_redirect, sso_only
from fleksi.accounts.stepup import mark_authenticated, recently_authenticated, step_up
from fleksi.common.confirm import confirm_first
from fleksi.common.throttle import client_address, hit, over
from fleksi.org.selectors import employee_get

PENDING = "fleksi_mfa_pending"
PENDING_SECONDS = 300


@require_POST
def language(request: HttpRequest) -> HttpResponse:
    """Switch the interface language: saved on the account (so it follows the person to
    another phone) and in the cookie (so the sign-in page speaks it too)."""
    code = request.POST.get("language", "")
    if code not in {c for c, _name in settings.LANGUAGES}:
        code = str(settings.LANGUAGE_CODE)
    user = request.user
    if isinstance(user, User) and user.is_authenticated and user.language != code:
        user_language_set(user=user, language=code)
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = redirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=365 * 24 * 3600,
        samesite="Lax",
        secure=request.is_secure(),
        httponly=True,
    )
    return response


def _throttled(request: HttpRequest) -> HttpResponse | None:
    """429 while this address has too many recent failed sign-ins (any usernames)."""
    wait = over(SIGNIN_KIND, client_address(request), signin_rate())
    if not wait:
        return None
    response = render(
        request, "accounts/throttled.html", {"minutes": max(1, round(wait / 60))}, status=429
    )
    response["Retry-After"] = str(wait)
    return response


def finish_sign_in(
    request: HttpRequest,
    user: User,
    *,
    backend: str,
    next_url: str,
    second_factor_done: bool = False,
    id_token: str = "",
) -> HttpResponse:
    """After the first step (a password, or the SSO provider's word): ask Fleksi's code when
    the person has an authenticator (unless the provider already used a second factor),
    otherwise sign in, and send a person whose role needs a second factor to set it up."""
    if mfa_enabled(user) and not second_factor_done:
        # The first step was right; the session is signed in only after the code.
        request.session[PENDING] = {
            "user": user.pk,
            "backend": backend,
            "at": time.time(),
            "next": next_url,
            "id_token": id_token,
        }
        return redirect("accounts:login_code")
    auth_login(request, user, backend=backend)
    if id_token:
        request.session[ID_TOKEN] = id_token
    if mfa_required(user) and not second_factor_done and not mfa_enabled(user):
        request.session[SETUP_NEEDED] = True
        return redirect("accounts:mfa")
    return redirect(next_url)


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return _throttled(request) or super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["sso"] = sso_enabled()
        context["sso_name"] = settings.OIDC_PROVIDER_NAME
        return context

    def form_valid(self, form: Any) -> HttpResponse:
        user = form.get_user()
        if sso_only(user):
            form.add_error(
                None,
                _(
                    "Your role must sign in through %(sso)s, not with a password: use the "
                    "“Sign in with %(sso)s” button."
                )
                % {"sso": settings.OIDC_PROVIDER_NAME},
            )
            return self.form_invalid(form)
        return finish_sign_in(
            self.request, user, backend=user.backend, next_url=self.get_success_url()
        )


def login_code(request: HttpRequest) -> HttpResponse:
    """Second step of signing in: the code from the authenticator app or a recovery code."""
    pending = request.session.get(PENDING)
    if not isinstance(pending, dict) or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        request.session.pop(PENDING, None)
        return redirect("accounts:login")
    form = CodeForm(request.POST or None)
    if request.method == "POST":
        throttled = _throttled(request)
        if throttled is not None:
            return throttled
        user = User.objects.filter(pk=pending["user"]).first()
        if form.is_valid() and user is not None and user.may_sign_in:
            if mfa_verify(user, form.cleaned_data["code"]):
                del request.session[PENDING]
                auth_login(request, user, backend=pending["backend"])
                if pending.get("id_token"):
                    request.session[ID_TOKEN] = pending["id_token"]
                return redirect(pending["next"])
            hit(SIGNIN_KIND, client_address(request), signin_rate())
            form.add_error("code", _("The code is wrong or expired."))
    return render(
        request, "accounts/login_code.html", {"form": form}, status=400 if form.errors else 200
    )


@login_required
def mfa(request: HttpRequest) -> HttpResponse:
    """Set up the authenticator app (QR code + a code to confirm), see the state, renew the
    recovery codes."""
    user = _user(request)
    enabled = mfa_enabled(user)
    form = CodeForm(request.POST or None)
    device = None if enabled else mfa_setup_start(user)
    if request.method == "POST" and device is not None and form.is_valid():
        codes = mfa_setup_confirm(user, device, form.cleaned_data["code"])
        if codes is not None:
            request.session.pop(SETUP_NEEDED, None)
            mark_authenticated(request)
            return render(request, "accounts/mfa_codes.html", {"codes": codes})
        form.add_error("code", _("The code is wrong or expired."))
    qr = ""
    secret = ""
    if device is not None:
        qr = segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#111")
        secret = b32encode(device.bin_key).decode()
    return render(
        request,
        "accounts/mfa.html",
        {
            "enabled": enabled,
            "required": mfa_required(user),
            "setup_needed": bool(request.session.get(SETUP_NEEDED)),
            "form": form,
            "qr": qr,
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
@step_up(back_to="accounts:mfa")
def mfa_recovery_codes(request: HttpRequest) -> HttpResponse:
    codes = mfa_recovery_codes_renew(_user(request))
    return render(request, "accounts/mfa_codes.html", {"codes": codes})


class SignOutView(auth_views.LogoutView):
    """Sign out of Fleksi; after an SSO sign-in, continue to the provider's sign-out
    (RP-initiated logout) so the shared computer is not left signed in there."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        id_token = request.session.get(ID_TOKEN, "")
        response = super().post(request, *args, **kwargs)
        if id_token and sso_enabled():
            return sso_logout_redirect(request, id_token) or response
        return response


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    scope = scope_for(user)
    employee = employee_get(user.employee_id) if user.employee_id is not None else None
    return render(
        request,
        "accounts/profile.html",
        {
            "employee": employee,
            "scope": scope,
            "role_labels": [label for value, label in Role.choices if value in scope.roles],
            "tokens": ApiToken.objects.filter(user=user, revoked_at__isnull=True),
            "recent_auth": recently_authenticated(request),
            "token_form": ApiTokenForm(),
        },
    )


@login_required
@require_POST
@step_up(back_to="accounts:profile")
def token_create(request: HttpRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The token was not created: give a name and 1–365 days."))
        return redirect("accounts:profile")
    token, secret = api_token_create(
        actor=_user(request),
        name=form.cleaned_data["name"],
        scope=form.cleaned_data["scope"],
        expires_at=timezone.now() + timedelta(days=form.cleaned_data["days"]),
    )
    return render(request, "accounts/token_created.html", {"token": token, "secret": secret})


@login_required
@require_POST
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=token_id, user=_user(request), revoked_at__isnull=True)
    ask = confirm_first(
        request,
        question=_("Revoke this API token? Programs that use it stop working at once."),
        yes=_("Yes, revoke"),
        back=reverse("accounts:profile"),
    )
    if ask is not None:
        return ask
    api_token_revoke(actor=_user(request), token=token)
    messages.success(request, _("The token was revoked."))
    return redirect("accounts:profile")


@login_required
@require_POST
def sign_out_everywhere_view(request: HttpRequest) -> HttpResponse:
    """End every session of the account (this one too) and revoke all its API tokens."""
    user = _user(request)
    sign_out_everywhere(actor=user, user=user)
    logout(request)
    messages.success(
        request, _("You were signed out on every device; your API tokens were revoked.")
    )
    return redirect("accounts:login")


@login_required
def reauth(request: HttpRequest) -> HttpResponse:
    """*Confirm it's you*: the password again, then back to where the person was going."""
    user = _user(request)
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = reverse("accounts:profile")
    with_code = mfa_enabled(user)
    form = ReauthForm(request.POST or None, with_code=with_code)
    with_password = not sso_only(user)
    if request.method == "POST" and with_password:
        throttled = _throttled(request)
        if throttled is not None:
            return throttled
        if form.is_valid():
            confirmed = authenticate(
                request, username=user.get_username(), password=form.cleaned_data["password"]
            )
            if confirmed is None or confirmed.pk != user.pk:
                form.add_error("password", _("The password is wrong."))
            elif with_code and not mfa_verify(user, form.cleaned_data["code"]):
                hit(SIGNIN_KIND, client_address(request), signin_rate())
                form.add_error("code", _("The code is wrong or expired."))
            else:
                mark_authenticated(request)
                return redirect(next_url)
    return render(
        request,
        "accounts/reauth.html",
        {
            "form": form,
            "next": next_url,
            "with_password": with_password,
            "sso": sso_enabled() and (not with_password or ID_TOKEN in request.session),
            "sso_name": settings.OIDC_PROVIDER_NAME,
        },
        status=400 if form.errors else 200,
    )
