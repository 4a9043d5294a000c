"""Reads of notifications: always the user's own."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.utils.functional import Promise

from fleksi.accounts.models import User
from fleksi.notify.kinds import all_kinds
from fleksi.notify.models import Notification, NotificationPreference


def notification_list(user: User, *, unread_only: bool = False) -> QuerySet[Notification]:
    """The user's notifications: unread first, then newest first."""
    qs = Notification.objects.filter(recipient_id=user.pk)
    if unread_only:
        return qs.filter(read_at__isnull=True).order_by("-created_at", "-pk")
    unread_first = Case(
        When(read_at__isnull=True, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    return qs.order_by(unread_first, "-created_at", "-pk")


def notification_unread_count(user: User) -> int:
    """One indexed count (recipient, read_at)."""
    return Notification.objects.filter(recipient_id=user.pk, read_at__isnull=True).count()


@dataclass(frozen=True)
class PreferenceRow:
    kind: str
    label: str | Promise
    email: bool
    default_email: bool


def notification_preferences(user: User) -> list[PreferenceRow]:
    """Every registered kind with the user's e-mail choice (the default where none)."""
    chosen = dict(
        NotificationPreference.objects.filter(user_id=user.pk).values_list("kind", "email")
    )
    return [
        PreferenceRow(
            kind=k.code,
            label=k.label,
            email=chosen.get(k.code, k.default_email),
            default_email=k.default_email,
        )
        for k in all_kinds()
    ]
