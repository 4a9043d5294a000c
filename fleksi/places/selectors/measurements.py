"""Measured connectivity per desa over a recent window, set-based: one grouped count and
one ranked query per median, whatever the number of measurements."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, F, Max, Q, QuerySet, Window
from django.db.models.functions import RowNumber

from fleksi.places.domain.connectivity import MEASURED_LEVELS, SLOW_LEVEL, median_level
from fleksi.places.models import ConnectivityMeasurement

# Above this many ids, filter in Python rather than send a long IN list.
IN_LIMIT = 900


@dataclass(frozen=True)
class Evidence:
    """The measurements of one desa in the window."""

    desa_id: int
    samples: int
    level_counts: Mapping[str, int] = field(default_factory=dict)
    median_rtt_ms: float | None = None
    median_downlink_mbps: float | None = None
    median_server_latency_ms: float | None = None
    last_at: datetime | None = None

    @property
    def level(self) -> str | None:
        """The level of the median measurement (see ``median_level``)."""
        return median_level(self.level_counts)

    @property
    def slow(self) -> int:
        return self.level_counts.get(SLOW_LEVEL, 0)

    @property
    def slow_share(self) -> float | None:
        return self.slow / self.samples if self.samples else None


def _window(since: datetime, desa_ids: Collection[int] | None) -> QuerySet[ConnectivityMeasurement]:
    qs = ConnectivityMeasurement.objects.filter(measured_at__gte=since)
    if desa_ids is not None and len(desa_ids) <= IN_LIMIT:
        qs = qs.filter(desa_id__in=list(desa_ids))
    return qs


def _medians(qs: QuerySet[ConnectivityMeasurement], field_name: str) -> dict[int, float]:
    """Median of ``field_name`` per desa (ignoring empty values): the middle row, or the mean
    of the two middle rows, found by ranking inside each desa."""
    ranked = (
        qs.filter(**{f"{field_name}__isnull": False})
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("desa_id")],
                order_by=[F(field_name).asc(), F("id").asc()],
            ),
            count=Window(Count("id"), partition_by=[F("desa_id")]),
        )
        .filter(Q(rank=(F("count") + 1) / 2) | Q(rank=(F("count") + 2) / 2))
        .values_list("desa_id", field_name)
    )
    found: dict[int, list[float]] = {}
    for desa_id, value in ranked:
        found.setdefault(desa_id, []).append(float(value))
    return {k: sum(v) / len(v) for k, v in found.items()}


def measured_evidence(
    *, since: datetime, desa_ids: Collection[int] | None = None, medians: bool = True
) -> dict[int, Evidence]:
    """Desa id → its evidence since ``since``, for the desa that have measurements (all desa,
    or those of ``desa_ids``). Four queries; one without the ``medians`` (readiness needs
    only the counts per level: the medians are evidence for people, and sorting every
    measurement of the regency three times is the costly part)."""
    qs = _window(since, desa_ids)
    wanted = set(desa_ids) if desa_ids is not None else None
    counts = {f"n_{level}": Count("id", filter=Q(level=level)) for level in MEASURED_LEVELS}
    rows = (
        qs.values("desa_id")
        .order_by("desa_id")
        .annotate(samples=Count("id"), last_at=Max("measured_at"), **counts)
        .values_list("desa_id", "samples", "last_at", *counts)
    )
    rtt = _medians(qs, "rtt_ms") if medians else {}
    downlink = _medians(qs, "downlink_mbps") if medians else {}
    server = _medians(qs, "server_latency_ms") if medians else {}
    result: dict[int, Evidence] = {}
    for desa_id, samples, last_at, *per_level in rows:
        if wanted is not None and desa_id not in wanted:
            continue
        result[desa_id] = Evidence(
            desa_id=desa_id,
            samples=samples,
            level_counts=dict(zip(MEASURED_LEVELS, per_level, strict=True)),
            median_rtt_ms=rtt.get(desa_id),
            median_downlink_mbps=downlink.get(desa_id),
            median_server_latency_ms=server.get(desa_id),
            last_at=last_at,
        )
    return result
