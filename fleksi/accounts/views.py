from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fleksi.accounts.forms import ApiTokenForm, SignInForm
from fleksi.accounts.models import ApiToken, Role, User
from fleksi.accounts.permissions import scope_for
from fleksi.accounts.services import api_token_create, api_token_revoke
from fleksi.org.selectors import employee_get


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
