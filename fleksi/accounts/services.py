"""Writes to accounts: provisioning, roles, API tokens. Audited like every other write."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fleksi.accounts.models import (
    ASSIGNABLE_ROLES,
    UNIT_SCOPED_ROLES,
    ApiToken,
    RoleAssignment,
    User,
)
from fleksi.audit.services import Change, audit_record
from fleksi.common.errors import ValidationFailed
from fleksi.org.models import Employee, Unit

TOKEN_PREFIX_LENGTH = 8


def accounts_provision(
    *, actor: Any, employee_ids: Iterable[int] | None = None, password_hash: str | None = None
) -> int:
    """Create a sign-in account (username = NIP) for every employee that has none.

    Without ``password_hash`` the accounts get an unusable password: the person signs in
    after an administrator sets one (or through single sign-on). Returns the number created.
    """
    qs = Employee.objects.filter(account__isnull=True, is_active=True)
    if employee_ids is not None:
        qs = qs.filter(pk__in=list(employee_ids))
    hashed = password_hash or make_password(None)
    with transaction.atomic():
        rows = list(qs.values_list("id", "nip", "email"))
        taken = set(
            User.objects.filter(username__in=[r[1] for r in rows]).values_list(
                "username", flat=True
            )
        )
        users = [
            User(username=nip, employee_id=emp_id, email=email, password=hashed)
            for emp_id, nip, email in rows
            if nip not in taken
        ]
        User.objects.bulk_create(users, batch_size=2000)
        if users:
            audit_record(
                actor=actor,
                change=Change(
                    action="accounts.provision",
                    object_type="accounts.user",
                    object_repr=_("%(n)d accounts") % {"n": len(users)},
                    after={"count": len(users)},
                ),
            )
    return len(users)


def user_create(
    *,
    actor: Any,
    username: str,
    password: str | None,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    employee: Employee | None = None,
) -> User:
    with transaction.atomic():
        if User.objects.filter(username=username).exists():
            raise ValidationFailed("username_taken", _("This username is already in use."))
        user = User(
            username=username,
            first_name=first_name,
            last_name=last_name,
            email=email,
            employee=employee,
        )
        user.set_password(password)
        user.save()
        audit_record(
            actor=actor,
            change=Change(
                action="accounts.user.create",
                object_type="accounts.user",
                object_id=str(user.pk),
                object_repr=username,
                after={"username": username, "employee": employee.pk if employee else None},
            ),
        )
    return user


def role_assign(*, actor: Any, user: User, role: str, unit: Unit | None = None) -> RoleAssignment:
    if role not in [r.value for r in ASSIGNABLE_ROLES]:
        raise ValidationFailed("role_unknown", _("This role cannot be assigned."))
    if (role in UNIT_SCOPED_ROLES) != (unit is not None):
        raise ValidationFailed(
            "role_unit",
            _("A service-unit manager needs a unit; other roles apply to the whole agency."),
        )
    with transaction.atomic():
        assignment, created = RoleAssignment.objects.get_or_create(user=user, role=role, unit=unit)
        if created:
            audit_record(
                actor=actor,
                change=Change(
                    action="accounts.role.assign",
                    object_type="accounts.user",
                    object_id=str(user.pk),
                    object_repr=user.username,
                    after={"role": role, "unit": unit.pk if unit else None},
                ),
            )
    return assignment


def role_revoke(*, actor: Any, assignment: RoleAssignment) -> None:
    with transaction.atomic():
        user = assignment.user
        before = {"role": assignment.role, "unit": assignment.unit_id}
        assignment.delete()
        audit_record(
            actor=actor,
            change=Change(
                action="accounts.role.revoke",
                object_type="accounts.user",
                object_id=str(user.pk),
                object_repr=user.username,
                before=before,
            ),
        )


def api_token_create(
    *, actor: User, name: str, expires_at: datetime | None = None
) -> tuple[ApiToken, str]:
    """Create a token for ``actor``; returns it with the secret, which is never stored."""
    name = name.strip()
    if not name:
        raise ValidationFailed("token_name", _("Give the token a name."))
    secret = f"fk_{secrets.token_urlsafe(32)}"
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=actor,
            name=name[:100],
            prefix=secret[3 : 3 + TOKEN_PREFIX_LENGTH],
            digest=ApiToken.digest_of(secret),
            expires_at=expires_at,
        )
        audit_record(
            actor=actor,
            change=Change(
                action="accounts.token.create",
                object_type="accounts.apitoken",
                object_id=str(token.pk),
                object_repr=str(token),
                after={"name": token.name, "expires_at": expires_at},
            ),
        )
    return token, secret


def api_token_revoke(*, actor: User, token: ApiToken) -> None:
    with transaction.atomic():
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(
            actor=actor,
            change=Change(
                action="accounts.token.revoke",
                object_type="accounts.apitoken",
                object_id=str(token.pk),
                object_repr=str(token),
            ),
        )


def api_token_authenticate(secret: str) -> User | None:
    """The active user owning a usable token with this secret, or ``None``."""
    if not secret.startswith("fk_"):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=ApiToken.digest_of(secret), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.is_usable or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 300:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def user_language_set(*, user: User, language: str) -> None:
    """Save the interface language the person chose (a personal setting: not audited)."""
    User.objects.filter(pk=user.pk).update(language=language)
    user.language = language
