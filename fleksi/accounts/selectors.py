"""Reads of accounts: role assignments now and in the past (for BKPSDM and the Inspektorat)."""

from __future__ import annotations

from datetime import date, datetime, time

from django.db.models import Q, QuerySet
from django.utils import timezone

from fleksi.accounts.models import RoleAssignment, User


def end_of_day(day: date) -> datetime:
    """The last moment of ``day`` in the regency's time zone."""
    return timezone.make_aware(datetime.combine(day, time.max))


def role_assignment_list(
    *,
    current_only: bool = False,
    held_on: date | None = None,
    held_at: datetime | None = None,
    q: str = "",
    role: str = "",
    user_id: int | None = None,
) -> QuerySet[RoleAssignment]:
    """Role assignments, newest first. ``held_on`` keeps those in force at any moment of that
    day; ``held_at`` those in force at that moment; ``q`` matches a name, NIP or username."""
    qs = RoleAssignment.objects.select_related(
        "user", "user__employee", "unit", "granted_by", "revoked_by"
    )
    if current_only:
        qs = qs.current()
    if held_at is not None:
        qs = qs.held_at(held_at)
    if held_on is not None:
        start = timezone.make_aware(datetime.combine(held_on, time.min))
        qs = qs.filter(valid_from__lte=end_of_day(held_on)).filter(
            Q(valid_until__isnull=True) | Q(valid_until__gt=start)
        )
    if role:
        qs = qs.filter(role=role)
    if user_id is not None:
        qs = qs.filter(user_id=user_id)
    q = q.strip()
    if q:
        compact = q.replace(" ", "")
        qs = qs.filter(
            Q(user__username__iexact=compact)
            | Q(user__employee__nip=compact)
            | Q(user__employee__name__icontains=q)
            | Q(user__first_name__icontains=q)
            | Q(user__last_name__icontains=q)
        )
    return qs.order_by("-valid_from", "-pk")


def account_by_login(login: str) -> User | None:
    """The account signing in as ``login`` (a NIP may be written with spaces)."""
    value = login.strip()
    compact = value.replace(" ", "")
    return User.objects.filter(username=compact if compact.isdigit() else value).first()
