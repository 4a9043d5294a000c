"""The figures of a dashboard: a period (a month, or a quarter for the reports) of a scope
(the regency, a unit subtree, a kecamatan) with its rows, its twelve-month trend, before vs
after, and the units of concern. Every number comes from the monthly rows
(``models.UnitMonth``): a handful of grouped statements over a few thousand rows, whatever
the number of check-ins and outputs behind them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.utils import timezone

from fleksi.common.domain.months import month_end, month_start, months_back
from fleksi.insights.domain.compare import Change, Sides, compare, split
from fleksi.insights.domain.concern import Concern, ServiceAlert, Thresholds, UnitView, concerns
from fleksi.insights.domain.figures import Figures
from fleksi.insights.models import MonthRefresh
from fleksi.insights.selectors import figures as sums
from fleksi.insights.selectors.sources import alerts_q
from fleksi.org.models import Unit
from fleksi.places.models import Kecamatan
from fleksi.policy.models import PolicyVersion
from fleksi.policy.selectors import params_of, version_in_force
from fleksi.servicelevel.models import SafeguardAlert
from fleksi.servicelevel.selectors.config import WfaStart, wfa_start

TREND_MONTHS = 12
COMPARE_MONTHS = 24
COMPARED = (
    "wfa_use_pct",
    "achievement_pct",
    "on_time_pct",
    "quality_mean",
    "unreported_pct",
    "attendance_pct",
    "missing_pct",
    "readiness_pct",
    "service_compliance_pct",
    "completion_pct",
    "complaints_per_1000",
    "ikm",
)


@dataclass(frozen=True)
class Row:
    id: int
    name: str
    figures: Figures
    is_public_service: bool = False


@dataclass(frozen=True)
class Dashboard:
    period: tuple[date, ...]  # the months summed (one for a dashboard)
    months: tuple[date, ...]  # the trend's months, oldest first
    total: Figures
    trend: tuple[Figures, ...]
    sides: Sides
    changes: tuple[Change, ...]
    start: WfaStart
    rows: tuple[Row, ...]
    concerns: tuple[Concern, ...]
    version: PolicyVersion | None
    thresholds: Thresholds
    refreshed: MonthRefresh | None
    kecamatan_rows: tuple[Row, ...] = field(default=())
    own: Figures | None = None  # a unit's own staff (not of its sub-units)

    @property
    def month(self) -> date:
        return self.period[-1]

    @property
    def start_index(self) -> int | None:
        """Where the WFA start falls in the trend (for the chart's marker)."""
        if self.start.day is None:
            return None
        first = month_start(self.start.day)
        return next((i for i, m in enumerate(self.months) if m >= first), None)


def thresholds_for(version: PolicyVersion | None) -> Thresholds:
    if version is None:
        return Thresholds()
    params = params_of(version)
    return Thresholds(
        achievement_min_pct=params.revocation_min_achievement_pct,
        attendance_min_pct=params.monev_min_attendance_pct,
        readiness_min_pct=params.monev_min_readiness_pct,
        wfa_use_high_pct=params.monev_wfa_use_high_pct,
    )


def _alerts(period: Sequence[date]) -> list[tuple[SafeguardAlert, str]]:
    """The period's alerts with the path of their service's unit."""
    today = timezone.localdate()
    current = month_start(today) in period
    found = SafeguardAlert.objects.filter(
        alerts_q(period[0], month_end(period[-1]), current=current)
    ).select_related("service", "service__unit")
    return [(a, a.service.unit.path) for a in found]


def _views(rows: Iterable[Row], paths: dict[int, str], period: Sequence[date]) -> list[UnitView]:
    alerts = _alerts(period)
    views = []
    for row in rows:
        path = paths[row.id]
        mine = tuple(
            ServiceAlert(
                service=a.service.name,
                metric=a.metric,
                change_pct=float(a.change_pct),
                threshold_pct=a.threshold_pct,
            )
            for a, p in alerts
            if p.startswith(path)
        )
        views.append(UnitView(row.id, row.name, row.figures, mine))
    return views


def _policy(month: date) -> PolicyVersion | None:
    today = timezone.localdate()
    return version_in_force(min(month_end(month), today)) or version_in_force(today)


def _build(
    scope: Q,
    period: Sequence[date],
    rows: Sequence[Row],
    paths: dict[int, str],
    **extra: object,
) -> Dashboard:
    month = period[-1]
    months = tuple(months_back(month, TREND_MONTHS))
    monthly = sums.by_month(scope, months_back(month, COMPARE_MONTHS))
    start = wfa_start()
    sides = split(monthly.items(), start.day)
    version = _policy(month)
    thresholds = thresholds_for(version)
    return Dashboard(
        period=tuple(period),
        months=months,
        total=sums.total(scope, period),
        trend=tuple(monthly.get(m, Figures()) for m in months),
        sides=sides,
        changes=tuple(compare(sides, COMPARED)),
        start=start,
        rows=tuple(rows),
        concerns=tuple(concerns(_views(rows, paths, period), thresholds)),
        version=version,
        thresholds=thresholds,
        refreshed=MonthRefresh.objects.filter(month=month).first(),
        **extra,  # type: ignore[arg-type]
    )


def regency_dashboard(period: Sequence[date]) -> Dashboard:
    """The regency: one row per perangkat daerah and one per kecamatan."""
    scope = Q()
    top = list(
        Unit.objects.filter(parent__isnull=True).values_list(
            "id", "name", "path", "is_public_service"
        )
    )
    by_root = sums.by_field(scope, period, "root_id")
    rows = [Row(pk, name, by_root.get(pk, Figures()), public) for pk, name, _p, public in top]
    rows.sort(key=lambda r: r.name)
    kec_names = dict(Kecamatan.objects.values_list("id", "name"))
    by_kec = sums.by_field(scope, period, "kecamatan_id")
    kec_rows = tuple(
        sorted(
            (Row(k, n, by_kec.get(k, Figures())) for k, n in kec_names.items()),
            key=lambda r: r.name,
        )
    )
    paths = {pk: path for pk, _n, path, _p in top}
    return _build(scope, period, rows, paths, kecamatan_rows=kec_rows)


def unit_dashboard(unit: Unit, period: Sequence[date]) -> Dashboard:
    """A unit's subtree; its rows are its sub-units (each with their own subtree)."""
    scope = sums.subtree(unit.path)
    children = sorted(
        Unit.objects.filter(parent=unit).values_list("id", "name", "path", "is_public_service"),
        key=lambda c: c[1],
    )
    per_unit: dict[str, Figures] = {}
    for row in sums.unit_months(scope, period).values("unit__path", *sums.FIELDS).order_by():
        path = row["unit__path"]
        per_unit[path] = per_unit.get(path, Figures()) + Figures.of(row)
    rows = []
    for pk, name, path, public in children:
        total = Figures()
        for p, f in per_unit.items():
            if p.startswith(path):
                total = total + f
        rows.append(Row(pk, name, total, public))
    paths = {pk: path for pk, _n, path, _p in children}
    return _build(scope, period, rows, paths, own=per_unit.get(unit.path, Figures()))


def kecamatan_dashboard(kecamatan: Kecamatan, period: Sequence[date]) -> Dashboard:
    """The units located in a kecamatan (their own location, else their perangkat daerah's),
    one row per perangkat daerah."""
    scope = Q(kecamatan_id=kecamatan.pk)
    by_root = sums.by_field(scope, period, "root_id")
    units = list(Unit.objects.filter(pk__in=list(by_root)).values_list("id", "name", "path"))
    rows = sorted((Row(pk, name, by_root[pk]) for pk, name, _p in units), key=lambda r: r.name)
    return _build(scope, period, rows, {pk: path for pk, _n, path in units})
