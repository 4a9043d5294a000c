"""Password life: the first password of a provisioned account (activation), a forgotten
password (reset), both by a single-use link e-mailed to the address on record.

Provisioned accounts have an unusable password. Their **activation link** is valid for
``ACCOUNT_ACTIVATION_DAYS`` and only while no password was ever set; a **reset link** is valid
for ``PASSWORD_RESET_TIMEOUT`` seconds. Both are Django's signed tokens over the account's
password hash and last sign-in, so either stops working once used. Accounts of the roles that
must sign in through SSO get neither (their password is never used)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.crypto import constant_time_compare
from django.utils.encoding import force_bytes
from django.utils.http import base36_to_int, urlsafe_base64_encode
from django.utils.translation import override

from fleksi.accounts.models import User
from fleksi.accounts.sso import sso_only


class ActivationTokenGenerator(PasswordResetTokenGenerator):
    """Like the reset token, with its own salt and a validity in days, and only for an
    account that never had a password."""

    key_salt = "fleksi.accounts.passwords.ActivationTokenGenerator"

    def check_token(self, user: Any, token: str | None) -> bool:
        if not (user and token) or user.has_usable_password():
            return False
        ts_b36, _sep, _hash = token.partition("-")
        try:
            ts = base36_to_int(ts_b36)
        except ValueError:
            return False
        if self._num_seconds(self._now()) - ts > settings.ACCOUNT_ACTIVATION_DAYS * 86400:
            return False
        return any(
            constant_time_compare(self._make_token_with_timestamp(user, ts, secret), token)
            for secret in [self.secret, *self.secret_fallbacks]
        )


activation_token = ActivationTokenGenerator()
reset_token = PasswordResetTokenGenerator()


def password_link(user: User) -> str:
    """The activation link (no password yet) or the reset link, absolute."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    if user.has_usable_password():
        path = reverse("accounts:password_reset_confirm", args=[uid, reset_token.make_token(user)])
    else:
        path = reverse("accounts:activate", args=[uid, activation_token.make_token(user)])
    return f"{settings.FLEKSI_BASE_URL.rstrip('/')}{path}"


def may_get_password_link(user: User) -> bool:
    return bool(user.email) and user.may_sign_in and not sso_only(user)


def send_password_link(user: User) -> bool:
    """E-mail the person their activation or reset link (in their language). ``False`` when
    the account has no e-mail address, cannot sign in or must use SSO."""
    if not may_get_password_link(user):
        return False
    activation = not user.has_usable_password()
    context = {
        "user": user,
        "link": password_link(user),
        "activation": activation,
        "days": settings.ACCOUNT_ACTIVATION_DAYS,
        "hours": max(1, settings.PASSWORD_RESET_TIMEOUT // 3600),
    }
    with override(user.language or settings.LANGUAGE_CODE):
        subject = "".join(
            render_to_string("accounts/password/link_subject.txt", context).splitlines()
        )
        body = render_to_string("accounts/password/link_email.txt", context)
    EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email]).send()
    return True


def accounts_awaiting_activation(usernames: Iterable[str] | None = None) -> list[User]:
    """Active accounts that never had a password (provisioned), optionally by username."""
    qs = User.objects.select_related("employee").filter(
        is_active=True, password__startswith=UNUSABLE_PASSWORD_PREFIX
    )
    if usernames is not None:
        qs = qs.filter(username__in=list(usernames))
    return [u for u in qs.order_by("username") if not u.has_usable_password()]
