from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fleksi.accounts.forms import ApiTokenForm, SignInForm
from fleksi.accounts.models import ApiToken, Role, User
from fleksi.accounts.permissions import scope_for
from fleksi.accounts.services import api_token_create, api_token_revoke, user_language_set
from fleksi.org.selectors import employee_get


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


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


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
            "token_form": ApiTokenForm(),
        },
    )


@login_required
@require_POST
def token_create(request: HttpRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The token was not created: give a name and 1–365 days."))
        return redirect("accounts:profile")
    token, secret = api_token_create(
        actor=_user(request),
        name=form.cleaned_data["name"],
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
