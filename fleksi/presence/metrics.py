"""The presence figures of the Prometheus metrics (fleksi/common/metrics.py)."""

from __future__ import annotations

from typing import Any

from django.db.models import Count
from django.utils import timezone

from fleksi.common.metrics import CHECKINS
from fleksi.presence.models import Checkin, Kind


def checkin_saved(sender: Any, instance: Checkin, created: bool, **kwargs: Any) -> None:
    if created:
        CHECKINS.labels(instance.kind, instance.mode).inc()


def checkins_today() -> dict[tuple[str, ...], float]:
    counts = dict.fromkeys(Kind.values, 0)
    rows = (
        Checkin.objects.filter(day=timezone.localdate())
        .values("kind")
        .annotate(n=Count("id"))
        .order_by()
    )
    counts.update({row["kind"]: row["n"] for row in rows})
    return {(kind,): float(n) for kind, n in counts.items()}
