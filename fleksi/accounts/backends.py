"""The sign-in backend: Django's, except that an account whose employee record is no longer
active (left, deactivated) cannot sign in and its open sessions end at their next request."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend

from fleksi.accounts.models import User

BACKEND = "fleksi.accounts.backends.AccountBackend"


class AccountBackend(ModelBackend):
    def user_can_authenticate(self, user: Any) -> bool:
        return isinstance(user, User) and user.may_sign_in

    def get_user(self, user_id: Any) -> User | None:
        # One query for the account and its employee record (needed by the check above).
        user = User.objects.select_related("employee").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
