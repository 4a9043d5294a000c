"""What an evaluation report says, as plain data: the PDF and the XLSX are both drawn from it
(so they always agree). Built in the language active when called (the reports use
Bahasa Indonesia)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils import dateformat, timezone
from django.utils.translation import gettext as _

from fleksi.insights.domain.charts import Chart
from fleksi.insights.domain.figures import Figures
from fleksi.insights.messages import (
    INDICATOR_LABELS,
    RULE_LABELS,
    VERDICT_LABELS,
    concern_reason,
    indicator_value,
    recommendation,
)
from fleksi.insights.models import EvaluationReport
from fleksi.insights.selectors.charts import achievement_chart, month_label, trend_charts
from fleksi.insights.selectors.dashboards import Dashboard, Row, regency_dashboard

HEADLINE = (
    "wfa_use_pct",
    "eligible_pct",
    "achievement_pct",
    "on_time_pct",
    "attendance_pct",
    "readiness_pct",
    "service_compliance_pct",
    "complaints_per_1000",
    "ikm",
)
TREND = ("wfa_use_pct", "achievement_pct", "on_time_pct", "attendance_pct", "readiness_pct",
         "service_compliance_pct", "complaints_per_1000")  # fmt: skip


@dataclass(frozen=True)
class Table:
    title: str
    header: tuple[str, ...]
    rows: list[tuple[Any, ...]]  # numbers stay numbers (None: no figure)


@dataclass
class ReportContent:
    title: str
    period_label: str
    generated_at: str
    basis: list[str]  # policy version, WFA start, how the figures were computed
    headline: list[tuple[str, str]]
    changes: Table
    concerns: list[tuple[str, str, str, str]]  # unit, rule, reason, recommendation
    tables: list[Table]
    charts: list[Chart]
    dashboard: Dashboard
    summary: dict[str, Any] = field(default_factory=dict)


def _v(f: Figures, key: str) -> float | None:
    value: float | None = getattr(f, key)
    return value


ROW_KEYS = ("eligible_pct", "wfa_use_pct", "achievement_pct", "on_time_pct", "attendance_pct",
            "readiness_pct", "service_compliance_pct", "complaints_per_1000", "ikm")  # fmt: skip


def _row_table(
    title: str, first: str, rows: Sequence[Row], people: dict[int, int] | None = None
) -> Table:
    """One row per unit or kecamatan. ``people``: row id → employees, for a period of several
    months (employees are counted once, in the period's last month, not once per month)."""
    header = (
        first,
        _("Employees"),
        _("WFA days"),
        _("Planned outputs"),
        _("Missing days"),
        _("Complaints"),
        _("Alerts"),
        *(str(INDICATOR_LABELS[k]) for k in ROW_KEYS),
    )
    body = [
        (
            r.name,
            r.figures.headcount if people is None else people.get(r.id, 0),
            r.figures.wfa_days,
            r.figures.outputs,
            r.figures.missing_days,
            r.figures.complaints,
            r.figures.alerts_active,
            *(_v(r.figures, k) for k in ROW_KEYS),
        )
        for r in rows
    ]
    return Table(title, header, body)


def report_content(report: EvaluationReport, *, months: list[date]) -> ReportContent:
    d = regency_dashboard(months)
    if report.kind == EvaluationReport.Kind.QUARTERLY:
        period = _("%(first)s – %(last)s") % {
            "first": dateformat.format(report.period_start, "F Y"),
            "last": dateformat.format(report.period_end, "F Y"),
        }
        title = _("Quarterly evaluation of flexible work (WFA)")
    else:
        period = dateformat.format(report.period_start, "F Y")
        title = _("Monthly evaluation of flexible work (WFA)")
    basis = [
        _("Policy in force: %(v)s") % {"v": d.version.regulation_number if d.version else "–"},
        _("WFA started: %(d)s")
        % {"d": dateformat.format(d.start.day, "j F Y") if d.start.day else "–"},
        _(
            "Figures: the check-ins, WFA days, output reports, ratings and public-service "
            "figures recorded in Fleksi, recomputed when this report was generated."
        ),
    ]
    changes = Table(
        _("Before and after WFA"),
        (_("Indicator"), _("Before"), _("After"), _("Change"), _("Verdict")),
        [
            (
                str(INDICATOR_LABELS[c.key]),
                c.before,
                c.after,
                c.delta,
                str(VERDICT_LABELS[c.verdict]),
            )
            for c in d.changes
        ],
    )
    trend = Table(
        _("Trend of the last 12 months"),
        (_("Month"), *(str(INDICATOR_LABELS[k]) for k in TREND)),
        [
            (month_label(m), *(_v(f, k) for k in TREND))
            for m, f in zip(d.months, d.trend, strict=True)
        ],
    )
    people: dict[int, int] | None = None
    kec_people: dict[int, int] | None = None
    if len(months) > 1:
        latest = regency_dashboard(months[-1:])
        people = {r.id: r.figures.headcount for r in latest.rows}
        kec_people = {r.id: r.figures.headcount for r in latest.kecamatan_rows}
    charts = [
        *trend_charts(d),
        achievement_chart(_("Output achievement by perangkat daerah"), d.rows, d),
    ]
    concerns = [
        (c.name, str(RULE_LABELS[c.rule]), concern_reason(c), recommendation(c)) for c in d.concerns
    ]
    summary = {
        "months": [m.isoformat() for m in months],
        "concerns": len(d.concerns),
        **{k: _v(d.total, k) for k in HEADLINE},
    }
    return ReportContent(
        title=title,
        period_label=period,
        generated_at=dateformat.format(timezone.localtime(), "j F Y H:i"),
        basis=basis,
        headline=[(str(INDICATOR_LABELS[k]), indicator_value(k, _v(d.total, k))) for k in HEADLINE],
        changes=changes,
        concerns=concerns,
        tables=[
            _row_table(_("By perangkat daerah"), _("Perangkat daerah"), d.rows, people),
            _row_table(_("By kecamatan"), _("Kecamatan"), d.kecamatan_rows, kec_people),
            trend,
        ],
        charts=charts,
        dashboard=d,
        summary=summary,
    )
