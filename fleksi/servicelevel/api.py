"""``/api/v1/servicelevel``: services, daily figures (read and upsert), complaints, IKM
surveys and the safeguard's alerts. Same services and scoping as the pages; errors as
``{code, message}``."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Status

from fleksi.accounts.current import user_of
from fleksi.common.apikit import Id, Limit, Offset
from fleksi.common.errors import ValidationFailed
from fleksi.servicelevel import permissions as perms
from fleksi.servicelevel.domain.cells import RowProblem
from fleksi.servicelevel.domain.rows import ComplaintRow, status_of
from fleksi.servicelevel.messages import row_problem_message
from fleksi.servicelevel.models import PublicService, SafeguardAlert, SatisfactionSurvey, Source
from fleksi.servicelevel.schemas import (
    AlertOut,
    AlertPage,
    ComplaintIn,
    ComplaintPage,
    FigureBatchIn,
    FigureIn,
    FigureList,
    ServiceOut,
    ServicePage,
    SurveyIn,
    SurveyOut,
    SurveyPage,
    UpsertOut,
)
from fleksi.servicelevel.selectors import grade_scale
from fleksi.servicelevel.services import (
    FigureEntry,
    ImportReport,
    complaints_import,
    figures_upsert,
    survey_save,
)

router = Router(tags=["servicelevel"])
MAX_LIMIT = 200
MAX_FIGURE_DAYS = 731
REFUSALS = frozenset({"not_yours", "service_not_yours", "ticket_elsewhere"})


def _page(qs: QuerySet[Any], limit: int, offset: int) -> tuple[list[Any], dict[str, int]]:
    limit, offset = max(1, min(limit, MAX_LIMIT)), max(0, offset)
    return list(qs[offset : offset + limit]), {
        "count": qs.count(),
        "limit": limit,
        "offset": offset,
    }


def _service(s: PublicService) -> dict[str, Any]:
    return {
        "id": s.pk,
        "code": s.code,
        "name": s.name,
        "unit_id": s.unit_id,
        "unit_name": s.unit.name,
        "processing_unit": s.processing_unit,
        "standard_max_processing": s.standard_max_processing,
        "standard_max_waiting_minutes": s.standard_max_waiting_minutes,
        "standard_reference": s.standard_reference,
        "is_active": s.is_active,
    }


def _upserted(report: ImportReport) -> dict[str, int]:
    if report.problems:
        _refuse(report.problems)
    return {"created": report.created, "updated": report.updated, "unchanged": report.unchanged}


def _refuse(problems: list[RowProblem]) -> None:
    if any(p.code in REFUSALS for p in problems):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    for p in problems:
        errors.setdefault(p.column or "row", []).append(row_problem_message(p))
    raise ValidationFailed("invalid", row_problem_message(problems[0]), errors=errors)


@router.get("/services", response=ServicePage, url_name="servicelevel_services", summary="Services")
def service_list(
    request: HttpRequest, unit_id: Id | None = None, limit: Limit = 100, offset: Offset = 0
) -> dict[str, Any]:
    user = user_of(request)
    perms.require_use(user)
    qs = perms.services_visible(user).select_related("unit").order_by("unit__path", "code")
    if unit_id is not None:
        qs = qs.filter(unit__path__startswith=perms.access_unit(user, unit_id).path)
    items, meta = _page(qs, limit, offset)
    return {**meta, "items": [_service(s) for s in items]}


@router.get(
    "/services/{service_id}",
    response=ServiceOut,
    url_name="servicelevel_service",
    summary="One service with its standard",
)
def service_get(request: HttpRequest, service_id: Id) -> dict[str, Any]:
    return _service(perms.access_service(user_of(request), service_id))


@router.get(
    "/services/{service_id}/figures",
    response=FigureList,
    url_name="servicelevel_figures",
    summary="Daily figures of a service (default: the last 90 days)",
)
def figures_get(
    request: HttpRequest, service_id: Id, start: date | None = None, end: date | None = None
) -> dict[str, Any]:
    service = perms.access_service(user_of(request), service_id)
    end = end or timezone.localdate()
    start = max(start or end - timedelta(days=89), end - timedelta(days=MAX_FIGURE_DAYS))
    rows = service.days.filter(day__gte=start, day__lte=end).order_by("day")
    return {
        "service_id": service.pk,
        "start": start,
        "end": end,
        "items": [
            {
                "service_id": service.pk,
                "day": r.day,
                "received": r.received,
                "completed": r.completed,
                "median_processing": r.median_processing,
                "median_waiting_minutes": r.median_waiting_minutes,
                "source": r.source,
            }
            for r in rows
        ],
    }


@router.put(
    "/services/{service_id}/figures/{day}",
    response=UpsertOut,
    url_name="servicelevel_figure_put",
    summary="Enter (or replace) one day's figures of a service",
)
def figure_put(request: HttpRequest, service_id: Id, day: date, payload: FigureIn) -> Any:
    user = user_of(request)
    service = perms.access_service(user, service_id, edit=True)
    report = figures_upsert(
        actor=user,
        entries=[
            FigureEntry(
                service.pk,
                day,
                payload.received,
                payload.completed,
                payload.median_processing,
                payload.median_waiting_minutes,
            )
        ],
        source=Source.API,
    )
    return _upserted(report)


@router.post(
    "/figures",
    response=UpsertOut,
    url_name="servicelevel_figures_post",
    summary="Enter (or replace) the figures of many services and days at once",
)
def figures_post(request: HttpRequest, payload: FigureBatchIn) -> Any:
    user = user_of(request)
    perms.require_edit_any(user)
    for service_id in sorted({i.service_id for i in payload.items}):
        perms.access_service(user, service_id, edit=True)
    entries = [
        FigureEntry(
            i.service_id,
            i.day,
            i.received,
            i.completed,
            i.median_processing,
            i.median_waiting_minutes,
            line,
        )
        for line, i in enumerate(payload.items, start=1)
    ]
    return _upserted(figures_upsert(actor=user, entries=entries, source=Source.API))


@router.get(
    "/complaints",
    response=ComplaintPage,
    url_name="servicelevel_complaints",
    summary="Complaints (SP4N-LAPOR!), newest first",
)
def complaint_list(
    request: HttpRequest,
    unit_id: Id | None = None,
    status: str = "",
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    user = user_of(request)
    perms.require_use(user)
    qs = perms.complaints_visible(user).order_by("-received_on", "-id")
    if unit_id is not None:
        qs = qs.filter(unit__path__startswith=perms.access_unit(user, unit_id).path)
    if status:
        qs = qs.filter(status=status)
    items, meta = _page(qs, limit, offset)
    return {**meta, "items": items}


@router.post(
    "/complaints",
    response=UpsertOut,
    url_name="servicelevel_complaint_post",
    summary="Record (or update) one complaint by its SP4N-LAPOR! ticket number",
)
def complaint_post(request: HttpRequest, payload: ComplaintIn) -> Any:
    user = user_of(request)
    perms.require_edit_any(user)
    status = status_of(payload.status)
    if status is None:
        _refuse([RowProblem(1, "status", "bad_status", {"value": payload.status})])
    if not payload.service_code and not payload.unit_code:
        _refuse([RowProblem(1, "service_code", "service_or_unit")])
    row = ComplaintRow(
        line=1,
        external_id=payload.external_id.strip(),
        received_on=payload.received_on,
        category=payload.category.strip(),
        status=status or "",
        resolution_days=payload.resolution_days,
        service_code=payload.service_code.strip(),
        unit_code=payload.unit_code.strip(),
    )
    if row.received_on > timezone.localdate():
        _refuse([RowProblem(1, "received_on", "future_date")])
    report = complaints_import(
        actor=user, rows=[row], editable_paths=perms.editable_paths(user), source=Source.API
    )
    return _upserted(report)


def _survey(s: SatisfactionSurvey) -> dict[str, Any]:
    return {
        "id": s.pk,
        "service_id": s.service_id,
        "unit_id": s.unit_id,
        "period_start": s.period_start,
        "period_end": s.period_end,
        "respondents": s.respondents,
        "elements": [getattr(s, e) for e in SatisfactionSurvey.ELEMENTS],
        "index": s.index,
        "grade": s.grade,
    }


@router.get("/surveys", response=SurveyPage, url_name="servicelevel_surveys", summary="IKM surveys")
def survey_list(
    request: HttpRequest, service_id: Id | None = None, limit: Limit = 100, offset: Offset = 0
) -> dict[str, Any]:
    user = user_of(request)
    perms.require_use(user)
    qs = perms.surveys_visible(user).order_by("-period_end", "-id")
    if service_id is not None:
        qs = qs.filter(service=perms.access_service(user, service_id))
    items, meta = _page(qs, limit, offset)
    return {**meta, "items": [_survey(s) for s in items]}


@router.post(
    "/surveys",
    response={201: SurveyOut},
    url_name="servicelevel_survey_post",
    summary="Record an IKM survey (the index and grade are computed)",
)
def survey_post(request: HttpRequest, payload: SurveyIn) -> Status[dict[str, Any]]:
    user = user_of(request)
    perms.require_edit_any(user)
    service = None
    if payload.service_id is not None:
        service = perms.access_service(user, payload.service_id, edit=True)
        unit = service.unit
    elif payload.unit_id is not None:
        unit = perms.access_unit(user, payload.unit_id, edit=True)
    else:
        raise ValidationFailed("service_or_unit", _message_service_or_unit())
    survey = survey_save(
        actor=user,
        unit=unit,
        service=service,
        period_start=payload.period_start,
        period_end=payload.period_end,
        respondents=payload.respondents,
        elements=payload.elements,
        scale=grade_scale(),
        source=Source.API,
    )
    return Status(201, _survey(survey))


def _message_service_or_unit() -> str:
    return row_problem_message(RowProblem(0, "", "service_or_unit"))


def _alert(a: SafeguardAlert) -> dict[str, Any]:
    return {
        "id": a.pk,
        "service_id": a.service_id,
        "service_code": a.service.code,
        "unit_id": a.service.unit_id,
        "metric": a.metric,
        "baseline_value": a.baseline_value,
        "recent_value": a.recent_value,
        "change_pct": a.change_pct,
        "threshold_pct": a.threshold_pct,
        "baseline_start": a.baseline_start,
        "baseline_end": a.baseline_end,
        "recent_start": a.recent_start,
        "recent_end": a.recent_end,
        "fired_on": a.fired_on,
        "status": a.status,
        "draft_version_id": a.draft_version_id,
        "trace": a.trace,
    }


@router.get(
    "/alerts", response=AlertPage, url_name="servicelevel_alerts", summary="Safeguard alerts"
)
def alert_list(
    request: HttpRequest, status: str = "", limit: Limit = 100, offset: Offset = 0
) -> dict[str, Any]:
    user = user_of(request)
    perms.require_use(user)
    qs = perms.alerts_visible(user).select_related("service").order_by("-fired_at", "-id")
    if status:
        qs = qs.filter(status=status)
    items, meta = _page(qs, limit, offset)
    return {**meta, "items": [_alert(a) for a in items]}


@router.get(
    "/alerts/{alert_id}",
    response=AlertOut,
    url_name="servicelevel_alert",
    summary="One safeguard alert with its trace",
)
def alert_get(request: HttpRequest, alert_id: Id) -> dict[str, Any]:
    return _alert(perms.access_alert(user_of(request), alert_id))
