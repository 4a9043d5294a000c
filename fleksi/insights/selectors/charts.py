"""The charts of a dashboard or report, as geometry (``domain/charts.py``): the twelve-month
trends with the WFA start marked, and the achievement of each row against the policy's
threshold (each bar linking to the row's own dashboard when ``link`` is given)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.utils import dateformat
from django.utils.translation import gettext as _

from fleksi.common.formats import figure_text
from fleksi.insights.domain.charts import BarRow, Chart, Series, bar_chart, line_chart
from fleksi.insights.domain.figures import Figures
from fleksi.insights.messages import INDICATOR_LABELS
from fleksi.insights.selectors.dashboards import Dashboard, Row


def month_label(month: date) -> str:
    return dateformat.format(month, "M y")


def _series(trend: tuple[Figures, ...], key: str) -> Series:
    return Series(str(INDICATOR_LABELS[key]), [getattr(f, key) for f in trend])


def trend_charts(d: Dashboard, *, width: int = 640) -> list[Chart]:
    """Three trend charts, ``width`` units wide (the pages draw them at 1:1 in two columns,
    the PDF across the page)."""
    labels = [month_label(m) for m in d.months]
    marker = {"marker_index": d.start_index, "marker_label": _("WFA starts"), "width": width}
    return [
        line_chart(
            _("Performance and discipline, last 12 months"),
            labels,
            [_series(d.trend, k) for k in ("achievement_pct", "on_time_pct", "attendance_pct")],
            y_max=100,
            figure=figure_text,
            **marker,  # type: ignore[arg-type]
        ),
        line_chart(
            _("WFA use and readiness, last 12 months"),
            labels,
            [_series(d.trend, k) for k in ("wfa_use_pct", "eligible_pct", "readiness_pct")],
            y_max=100,
            figure=figure_text,
            **marker,  # type: ignore[arg-type]
        ),
        line_chart(
            _("Public service, last 12 months"),
            labels,
            [_series(d.trend, k) for k in ("service_compliance_pct", "completion_pct")],
            y_max=100,
            figure=figure_text,
            **marker,  # type: ignore[arg-type]
        ),
    ]


def achievement_chart(
    title: str, rows: tuple[Row, ...], d: Dashboard, link: Callable[[Row], str] | None = None
) -> Chart:
    bars = [
        BarRow(r.name, r.figures.achievement_pct, link(r) if link else "")
        for r in rows
        if r.figures.headcount or r.figures.outputs
    ]
    return bar_chart(
        title,
        bars,
        figure=figure_text,
        x_max=100,
        reference=d.thresholds.achievement_min_pct,
        reference_label=_("threshold %(pct)s %%")
        % {"pct": figure_text(d.thresholds.achievement_min_pct)},
    )
