"""Reads for the service pages: a service's trend, its safeguard picture, a week's grid."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from fleksi.servicelevel.domain.safeguard import MetricOutcome, Windows, evaluate, windows_for
from fleksi.servicelevel.domain.sparkline import Sparkline, sparkline
from fleksi.servicelevel.models import PublicService, ServiceDaily
from fleksi.servicelevel.selectors.config import WfaStart, wfa_start
from fleksi.servicelevel.selectors.facts import safeguard_facts, thresholds_on

TREND_DAYS = 182


@dataclass(frozen=True)
class ServiceTrend:
    start: date
    end: date
    days: list[ServiceDaily]  # newest first, for the table
    processing: Sparkline
    waiting: Sparkline
    received: Sparkline
    wfa: WfaStart


def service_trend(service: PublicService, *, end: date, days: int = TREND_DAYS) -> ServiceTrend:
    start = end - timedelta(days=days - 1)
    rows = list(ServiceDaily.objects.filter(service=service, day__gte=start, day__lte=end))
    by_day = {r.day: r for r in rows}
    span = [start + timedelta(days=i) for i in range(days)]
    wfa = wfa_start()
    marker = (wfa.day - start).days if wfa.day and start <= wfa.day <= end else None

    def series(field: str) -> list[float | None]:
        out: list[float | None] = []
        for d in span:
            row = by_day.get(d)
            value = getattr(row, field) if row is not None else None
            out.append(float(value) if value is not None else None)
        return out

    waiting_standard = service.standard_max_waiting_minutes
    return ServiceTrend(
        start=start,
        end=end,
        days=sorted(rows, key=lambda r: r.day, reverse=True),
        processing=sparkline(
            series("median_processing"),
            reference=float(service.standard_max_processing),
            marker_index=marker,
        ),
        waiting=sparkline(
            series("median_waiting_minutes"),
            reference=float(waiting_standard) if waiting_standard else None,
            marker_index=marker,
        ),
        received=sparkline(series("received"), marker_index=marker),
        wfa=wfa,
    )


def service_picture(
    service: PublicService, *, day: date
) -> tuple[Windows | None, list[MetricOutcome]]:
    """What the safeguard sees for one service on ``day`` (no alert is raised here)."""
    start = wfa_start()
    if start.day is None:
        return None, []
    _version, params, thresholds = thresholds_on(day)
    windows = windows_for(
        day=day,
        wfa_start=start.day,
        baseline_days=params.safeguard_baseline_days,
        recent_days=params.safeguard_recent_days,
    )
    if windows is None:
        return None, []
    facts = safeguard_facts(windows=windows, service_ids=[service.pk]).get(service.pk)
    if facts is None:
        return windows, []
    return windows, evaluate(facts, windows, thresholds)


def week_figures(
    services: Sequence[PublicService], monday: date
) -> dict[tuple[int, date], dict[str, int | Decimal | None]]:
    """The stored figures of a week, by (service id, day)."""
    rows = ServiceDaily.objects.filter(
        service__in=list(services), day__gte=monday, day__lte=monday + timedelta(days=6)
    ).values_list(
        "service_id", "day", "received", "completed", "median_processing", "median_waiting_minutes"
    )
    return {
        (sid, day): {
            "received": received,
            "completed": completed,
            "median_processing": processing,
            "median_waiting": waiting,
        }
        for sid, day, received, completed, processing, waiting in rows
    }
