"""Helpers shared by the roster services: the audit entry, the planning window, settings."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from fleksi.audit.services import Change, audit_record
from fleksi.common.domain.months import add_months, month_start
from fleksi.common.errors import ValidationFailed
from fleksi.org.models import Unit
from fleksi.org.services import unit_stream
from fleksi.roster.models import Roster

MONTHS_AHEAD = 3  # rosters and preferences: this month and the next three
DEFAULT_TIME_LIMIT_S = 20
WORKERS = 2


def time_limit_s() -> int:
    return max(1, int(getattr(settings, "FLEKSI_ROSTER_TIME_LIMIT_S", DEFAULT_TIME_LIMIT_S)))


def check_month(month: date, today: date | None = None) -> None:
    """A first day of a month from this month to :data:`MONTHS_AHEAD` months ahead."""
    this = month_start(today or timezone.localdate())
    if month.day != 1 or not this <= month <= add_months(this, MONTHS_AHEAD):
        raise ValidationFailed(
            "month_out_of_range",
            _("Choose this month or one of the next %(n)d months.") % {"n": MONTHS_AHEAD},
        )


def audit_roster(
    actor: Any,
    unit: Unit,
    action: str,
    object_id: object,
    label: str,
    *,
    object_type: str = "roster.roster",
    **values: Any,
) -> None:
    audit_record(
        actor=actor,
        stream=unit_stream(unit),
        change=Change(
            action=f"roster.{action}",
            object_type=object_type,
            object_id=str(object_id),
            object_repr=label,
            **values,
        ),
    )


def roster_label(roster: Roster) -> str:
    return f"{roster.unit.name} {roster.month:%Y-%m}"
