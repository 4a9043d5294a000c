"""Writes to accounts: provisioning, roles, API tokens. Audited like every other write."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from fleksi.accounts.domain import tokens
from fleksi.accounts.models import (
    ASSIGNABLE_ROLES,
    UNIT_SCOPED_ROLES,
    ApiToken,
    Role,
    RoleAssignment,
    TokenScope,
    User,
)
from fleksi.audit.services import Change, audit_record
from fleksi.common.errors import Conflict, NotAllowed, ValidationFailed
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


def password_save(*, form: Any, actor: Any, action: str) -> User:
    """Save a set-password or change-password form (Django's, validators included) and
    record it in the audit trail (never the password)."""
    with transaction.atomic():
        user: User = form.save()
        audit_record(
            actor=actor or user,
            change=Change(
                action=action,
                object_type="accounts.user",
                object_id=str(user.pk),
                object_repr=user.username,
            ),
        )
    return user


def _role_change(
    action: str, assignment: RoleAssignment, reason: str, *, before: bool = False
) -> Change:
    values = {
        "role": assignment.role,
        "unit": assignment.unit_id,
        "valid_from": assignment.valid_from,
        "valid_until": assignment.valid_until,
        "reason": reason,
    }
    return Change(
        action=action,
        object_type="accounts.roleassignment",
        object_id=str(assignment.pk),
        object_repr=f"{assignment.user.username}: {assignment.role}",
        before={"role": assignment.role, "unit": assignment.unit_id, "valid_until": None}
        if before
        else None,
        after=values,
        context={"user": assignment.user_id},
    )


def _actor_user(actor: Any) -> User | None:
    return actor if isinstance(actor, User) else None


def role_assign(
    *, actor: Any, user: User, role: str, unit: Unit | None = None, reason: str = ""
) -> RoleAssignment:
    """Give ``user`` an assigned role from now on (with its unit for unit-scoped roles).

    Nobody assigns a role to themselves; the account must be active; a role already held
    is refused (409). Recorded in the audit trail and in the assignment's own history.
    """
    if role not in [r.value for r in ASSIGNABLE_ROLES]:
        raise ValidationFailed("role_unknown", _("This role cannot be assigned."))
    if (role in UNIT_SCOPED_ROLES) != (unit is not None):
        raise ValidationFailed(
            "role_unit",
            _(
                "A service-unit manager and a unit personnel administrator need a unit; "
                "other roles apply to the whole agency."
            ),
        )
    by = _actor_user(actor)
    if by is not None and by.pk == user.pk:
        raise NotAllowed("role_self", _("Nobody can assign a role to themselves."))
    reason = reason.strip()[:300]
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=user.pk)
        if not locked.is_active:
            raise ValidationFailed("role_inactive", _("This account is not active."))
        held = RoleAssignment.objects.current().filter(user=user, role=role, unit=unit)
        if held.exists():
            raise Conflict("role_held", _("This account already holds this role."))
        assignment = RoleAssignment.objects.create(
            user=locked,
            role=role,
            unit=unit,
            valid_from=timezone.now(),
            granted_by=by,
            grant_reason=reason,
        )
        audit_record(actor=actor, change=_role_change("accounts.role.assign", assignment, reason))
    return assignment


def role_revoke(*, actor: Any, assignment: RoleAssignment, reason: str = "") -> RoleAssignment:
    """End an assignment now; the row stays as history. The last BKPSDM administrator
    cannot be revoked (somebody must be able to assign roles)."""
    reason = reason.strip()[:300]
    with transaction.atomic():
        locked = (
            RoleAssignment.objects.select_for_update()
            .select_related("user")
            .filter(pk=assignment.pk)
            .first()
        )
        if locked is None or not locked.is_current:
            raise Conflict("role_ended", _("This role assignment has already ended."))
        if locked.role == Role.BKPSDM_ADMIN:
            # Lock every current BKPSDM assignment so two revocations cannot both pass.
            others = list(
                RoleAssignment.objects.current()
                .select_for_update()
                .filter(role=Role.BKPSDM_ADMIN, user__is_active=True)
                .exclude(pk=locked.pk)
                .values_list("pk", flat=True)
            )
            if not others:
                raise Conflict(
                    "role_last_admin",
                    _("The last BKPSDM administrator cannot be revoked: assign another first."),
                )
        locked.valid_until = max(timezone.now(), locked.valid_from)
        locked.revoked_by = _actor_user(actor)
        locked.revoke_reason = reason
        locked.save(update_fields=["valid_until", "revoked_by", "revoke_reason"])
        audit_record(
            actor=actor,
            change=_role_change("accounts.role.revoke", locked, reason, before=True),
        )
    return locked


def api_token_create(
    *,
    actor: User,
    name: str,
    scope: str = tokens.READ,
    expires_at: datetime | None = None,
) -> tuple[ApiToken, str]:
    """Create a token for ``actor``; returns it with the secret, which is never stored.

    Every token expires: after :data:`tokens.DEFAULT_DAYS` unless asked otherwise, never
    later than :data:`tokens.MAX_DAYS` from now. (Pages and the API ask for a recent
    re-authentication before they call this.)"""
    name = name.strip()
    if not name:
        raise ValidationFailed("token_name", _("Give the token a name."))
    if scope not in TokenScope.values:
        raise ValidationFailed("token_scope", _("Choose what the token may do."))
    now = timezone.now()
    expires_at = expires_at or now + timedelta(days=tokens.DEFAULT_DAYS)
    if expires_at <= now or expires_at > now + timedelta(days=tokens.MAX_DAYS, minutes=1):
        raise ValidationFailed(
            "token_expiry", _("A token is valid for at least a day and at most a year.")
        )
    secret = f"fk_{secrets.token_urlsafe(32)}"
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=actor,
            name=name[:100],
            scope=scope,
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
                after={"name": token.name, "scope": scope, "expires_at": expires_at},
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


def sign_out_everywhere(*, actor: Any, user: User) -> int:
    """End every session of ``user`` (on every device) and revoke all their API tokens.

    Sessions end because the account's session generation is part of the session hash that
    Django checks on each request. Returns the number of tokens revoked."""
    now = timezone.now()
    with transaction.atomic():
        User.objects.filter(pk=user.pk).update(session_generation=F("session_generation") + 1)
        revoked = ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=now)
        audit_record(
            actor=actor,
            change=Change(
                action="accounts.sign_out_everywhere",
                object_type="accounts.user",
                object_id=str(user.pk),
                object_repr=user.username,
                after={"tokens_revoked": revoked},
            ),
        )
    user.refresh_from_db(fields=["session_generation"])
    return revoked


def api_token_authenticate(secret: str) -> ApiToken | None:
    """The usable token with this secret whose owner may sign in, or ``None``.

    One query (the token and its account, with whether the employee record is active: the
    hot path of every API call, so not the whole record); ``last_used_at`` is written at most
    every five minutes. The same rule as :attr:`User.may_sign_in`."""
    if not secret.startswith("fk_") or len(secret) > 200:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .annotate(employee_active=F("user__employee__is_active"))
        .filter(digest=ApiToken.digest_of(secret), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.is_usable or not token.user.is_active:
        return None
    if token.user.employee_id is not None and not getattr(token, "employee_active", False):
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 300:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


def user_language_set(*, user: User, language: str) -> None:
    """Save the interface language the person chose (a personal setting: not audited)."""
    User.objects.filter(pk=user.pk).update(language=language)
    user.language = language
