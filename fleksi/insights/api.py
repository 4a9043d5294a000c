"""``/api/v1/insights``: the figures of a dashboard per tier (the same selectors and scoping as
the pages) and the evaluation reports (list, ask for one, download links)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Status

from fleksi.accounts.current import user_of
from fleksi.common.apikit import Id, Limit, Offset
from fleksi.common.domain.months import month_start, parse_month
from fleksi.common.errors import ValidationFailed
from fleksi.insights import permissions as perms
from fleksi.insights.domain.figures import COUNTS, INDICATORS, SUMS, Figures
from fleksi.insights.messages import concern_reason, recommendation
from fleksi.insights.models import EvaluationReport
from fleksi.insights.schemas import (
    ConcernOut,
    DashboardOut,
    InsightChangeOut,
    ReportIn,
    ReportOut,
    ReportPage,
    RowOut,
)
from fleksi.insights.selectors.dashboards import Dashboard, Row, regency_dashboard, unit_dashboard
from fleksi.insights.services.reports import report_request

router = Router(tags=["insights"])
MAX_LIMIT = 100


def _month(text: str | None) -> Any:
    this = month_start(timezone.localdate())
    asked = parse_month(text)
    return min(asked, this) if asked else this


def _indicators(f: Figures) -> dict[str, float | None]:
    return {key: getattr(f, key) for key in INDICATORS}


def _counts(f: Figures) -> dict[str, float]:
    return {name: getattr(f, name) for name in (*COUNTS, *SUMS)}


def _row(r: Row) -> RowOut:
    return RowOut(
        id=r.id, name=r.name, indicators=_indicators(r.figures), counts=_counts(r.figures)
    )


def _out(d: Dashboard, tier: str, unit_id: Id | None) -> DashboardOut:
    return DashboardOut(
        tier=tier,
        month=d.month,
        unit_id=unit_id,
        wfa_start=d.start.day,
        policy_version=d.version.regulation_number if d.version else None,
        indicators=_indicators(d.total),
        counts=_counts(d.total),
        trend=[{"month": m, **_indicators(f)} for m, f in zip(d.months, d.trend, strict=True)],
        before_after=[
            InsightChangeOut(indicator=c.key, before=c.before, after=c.after, verdict=c.verdict)
            for c in d.changes
        ],
        rows=[_row(r) for r in d.rows],
        kecamatan=[_row(r) for r in d.kecamatan_rows],
        concerns=[
            ConcernOut(
                unit_id=c.unit_id,
                unit=c.name,
                rule=c.rule,
                action=c.action,
                values=c.values,
                reason=concern_reason(c),
                recommendation=recommendation(c),
            )
            for c in d.concerns
        ],
    )


@router.get(
    "/dashboard",
    response=DashboardOut,
    url_name="insights_dashboard",
    summary="The evaluation dashboard of your tier for a month",
)
def dashboard(request: HttpRequest, month: str | None = None) -> DashboardOut:
    """The figures behind ``/insights/`` for ``month`` (``YYYY-MM``; default and latest: this
    month): the regency for the regency-wide roles and the Inspektorat (rows per perangkat
    daerah and per kecamatan), else the widest unit the user heads or manages (rows per
    sub-unit). Indicators (``docs/insights.md``) and the counts they are computed from, the
    twelve-month trend, before vs after the WFA start with a verdict per indicator, and the
    units of concern with the rule, the reason and the recommendation. Read from the monthly
    figures: as fresh as the month's last computation. Without a tier: 404."""
    user = user_of(request)
    tier = perms.tier_for(user)
    m = _month(month)
    if tier in (perms.REGENCY, perms.INSPEKTORAT):
        return _out(regency_dashboard([m]), tier, None)
    unit = perms.home_unit(user)
    if tier is None or unit is None:
        raise Http404
    return _out(unit_dashboard(unit, [m]), tier, unit.pk)


@router.get(
    "/units/{unit_id}",
    response=DashboardOut,
    url_name="insights_unit",
    summary="The evaluation dashboard of a unit and its sub-units for a month",
)
def unit(request: HttpRequest, unit_id: Id, month: str | None = None) -> DashboardOut:
    """A unit's subtree (tier ``perangkat_daerah`` for a top-level unit, else ``unit``) for
    ``month`` (``YYYY-MM``), one row per direct sub-unit. The regency-wide roles see every
    unit; a head or service-unit manager the units they head or manage; others get 404."""
    user = user_of(request)
    found = perms.access_unit(user, unit_id)
    tier = perms.PERANGKAT_DAERAH if found.parent_id is None else perms.UNIT
    return _out(unit_dashboard(found, [_month(month)]), tier, found.pk)


def _report(r: EvaluationReport) -> ReportOut:
    done = r.status == EvaluationReport.Status.DONE
    return ReportOut(
        id=r.pk,
        kind=r.kind,
        period_start=r.period_start,
        period_end=r.period_end,
        status=r.status,
        created_at=r.created_at,
        finished_at=r.finished_at,
        pdf_sha256=r.pdf_sha256,
        xlsx_sha256=r.xlsx_sha256,
        pdf_url=reverse("insights:report_file", args=[r.pk, "pdf"]) if done else None,
        xlsx_url=reverse("insights:report_file", args=[r.pk, "xlsx"]) if done else None,
        error=r.error,
    )


@router.get(
    "/reports",
    response=ReportPage,
    url_name="insights_reports",
    summary="The evaluation reports, newest period first",
)
def reports(request: HttpRequest, limit: Limit = 25, offset: Offset = 0) -> ReportPage:
    """Monthly and quarterly reports with their status (``queued``, ``running``, ``done``,
    ``failed``), the SHA-256 of each file and, when done, the addresses of the PDF and the XLSX
    (downloads need the same session or token). Regency-wide roles only (else 404);
    ``limit`` at most 100."""
    user = user_of(request)
    if not perms.may_see_reports(user):
        raise Http404
    qs = perms.reports_visible(user)
    limit, offset = max(1, min(limit, MAX_LIMIT)), max(0, offset)
    return ReportPage(
        count=qs.count(),
        limit=limit,
        offset=offset,
        items=[_report(r) for r in qs[offset : offset + limit]],
    )


@router.post(
    "/reports",
    response={202: ReportOut},
    url_name="insights_report_new",
    summary="Ask for a monthly or quarterly evaluation report",
)
def report_new(request: HttpRequest, payload: ReportIn) -> Status[ReportOut]:
    """Queue the report of the month (``kind=monthly``) or of the quarter holding the month
    (``kind=quarterly``); it is generated in the background (its months recomputed first) and
    answered 202 with its status. Poll ``GET /reports/{id}`` until ``done``. The Sekda and
    BKPSDM only (other regency-wide roles 403). A period not begun yet is refused (400); a
    report of the same period still being generated, 409."""
    user = user_of(request)
    if not perms.may_see_reports(user):
        raise Http404
    if not perms.may_generate_reports(user):
        raise PermissionDenied
    month = parse_month(payload.month)
    if month is None:
        raise ValidationFailed("report_month", _("Give the month as YYYY-MM."))
    report = report_request(actor=user, kind=payload.kind, start=month)
    report.refresh_from_db()
    return Status(202, _report(report))


@router.get(
    "/reports/{report_id}",
    response=ReportOut,
    url_name="insights_report",
    summary="One evaluation report: status, SHA-256 and download addresses",
)
def report(request: HttpRequest, report_id: Id) -> ReportOut:
    """A report's status, its files' SHA-256 and, when done, where to download them."""
    return _report(perms.access_report(user_of(request), report_id))


__all__ = ["router"]
