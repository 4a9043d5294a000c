"""Privacy (UU 27/2022): positions are kept only as long as the policy says.

The periodic job blanks latitude, longitude and accuracy of every check-in older than the
policy's ``location_retention_days`` (one bulk UPDATE on a partial index of the rows that
still hold a position). The decision stays: the outcome, the flags and the trace, which holds
distances and the place's name, never coordinates.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone

from fleksi.presence.models import Checkin
from fleksi.presence.selectors.facts import day_rules


def positions_remove_expired(*, now: datetime | None = None) -> int:
    """Remove the positions past the retention period; returns how many check-ins changed."""
    now = now or timezone.now()
    days = day_rules(timezone.localtime(now).date()).params.location_retention_days
    cutoff = now - timedelta(days=days)
    return Checkin.objects.filter(checked_at__lt=cutoff, latitude__isnull=False).update(
        latitude=None, longitude=None, accuracy_m=None, position_removed_at=now
    )
