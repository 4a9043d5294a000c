"""Password pages: *forgot / first password* (a link by e-mail), setting it from the link
(activation or reset), and changing it when signed in. Django's views and validators, our
templates (Indonesian, 360 px). See fleksi/accounts/passwords.py."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from fleksi.accounts.forms import PasswordLinkForm
from fleksi.accounts.models import User
from fleksi.accounts.passwords import activation_token, reset_token, send_password_link
from fleksi.accounts.services import password_save
from fleksi.accounts.signals import signin_rate
from fleksi.common.throttle import client_address, hit

LINK_KIND = "password-link-address"


def password_forgot(request: HttpRequest) -> HttpResponse:
    """Ask for a link: a reset link, or the activation link of an account that never had a
    password. The answer is the same whether the account exists or not."""
    form = PasswordLinkForm(request.POST or None)
    if request.method == "POST":
        wait = hit(LINK_KIND, client_address(request), signin_rate())
        if wait:
            response = render(
                request,
                "accounts/throttled.html",
                {"minutes": max(1, round(wait / 60))},
                status=429,
            )
            response["Retry-After"] = str(wait)
            return response
        if form.is_valid():
            user = User.objects.select_related("employee").filter(
                username=form.cleaned_data["username"]
            )
            for account in user[:1]:
                send_password_link(account)
            return redirect("accounts:password_link_sent")
    return render(
        request, "accounts/password/forgot.html", {"form": form}, status=400 if form.errors else 200
    )


def password_link_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/password/link_sent.html")


class _SetPasswordView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password/set.html"
    success_url = reverse_lazy("accounts:password_set_done")
    audit_action = "accounts.password.reset"

    def get_user(self, uidb64: str) -> Any:
        user = super().get_user(uidb64)
        return user if isinstance(user, User) and user.may_sign_in else None

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["activation"] = self.audit_action == "accounts.activate"
        return context

    def form_valid(self, form: Any) -> HttpResponse:
        password_save(form=form, actor=None, action=self.audit_action)
        del self.request.session[auth_views.INTERNAL_RESET_SESSION_TOKEN]
        return redirect(self.get_success_url())


class ResetPasswordView(_SetPasswordView):
    token_generator = reset_token


class ActivateView(_SetPasswordView):
    token_generator = activation_token
    audit_action = "accounts.activate"


def password_set_done(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/password/set_done.html")


class ChangePasswordView(auth_views.PasswordChangeView):
    template_name = "accounts/password/change.html"
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form: Any) -> HttpResponse:
        user = password_save(form=form, actor=self.request.user, action="accounts.password.change")
        # This session stays signed in; every other session of the account ends.
        update_session_auth_hash(self.request, user)
        messages.success(self.request, _("Your password was changed."))
        return redirect(self.get_success_url())
