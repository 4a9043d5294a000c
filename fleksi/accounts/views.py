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
from fleksi.accounts.stepup import mark_authenticated, recently_authenticated, step_up
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


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return _throttled(request) or super().post(request, *args, **kwargs)

    def form_valid(self, form: Any) -> HttpResponse:
        user = form.get_user()
        if mfa_enabled(user):
            # The password was right; the session is signed in only after the code.
            self.request.session[PENDING] = {
                "user": user.pk,
                "backend": user.backend,
                "at": time.time(),
                "next": self.get_success_url(),
            }
            return redirect("accounts:login_code")
        response = super().form_valid(form)
        if mfa_required(user):
            self.request.session[SETUP_NEEDED] = True
            return redirect("accounts:mfa")
        return response


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
    pass


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
    if request.method == "POST":
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
        {"form": form, "next": next_url},
        status=400 if form.errors else 200,
    )
