"""Day plans and output reports with evidence."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import FileResponse, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import File, Form, Query, Schema, Status, UploadedFile

from fleksi.accounts.current import user_of
from fleksi.common.apikit import Id, Limit, Offset
from fleksi.common.domain.months import month_end, month_start, parse_month
from fleksi.outputs import services
from fleksi.outputs.api.common import MAX_LIMIT, employee_of, rhk_or_none, router
from fleksi.outputs.domain.evidence import CONTENT_TYPES
from fleksi.outputs.models import OutputReport, PlannedOutput
from fleksi.outputs.permissions import (
    access_evidence,
    own_employee,
)
from fleksi.outputs.schemas import (
    DayPlanOut,
    OutputPlanIn,
    OutputReportIn,
    OutputReportOut,
    PlannedOut,
)
from fleksi.outputs.selectors.plans import day_plan
from fleksi.schedule.models import WorkPlanItem


class DayQuery(Schema):
    day: date | None = None
    employee_id: Id | None = None


@router.get(
    "/plans",
    response=DayPlanOut,
    url_name="outputs_day_plan",
    summary="The plan of a day (a WFA day's comes from its request) with its reports",
)
def plan_get(request: HttpRequest, q: Query[DayQuery]) -> dict[str, Any]:
    employee = employee_of(user_of(request), q.employee_id)
    plan = day_plan(employee, q.day or timezone.localdate())
    return {
        "employee_id": employee.pk,
        "day": plan.day,
        "wfa": plan.is_wfa,
        "wfa_request_id": plan.wfa_request_id,
        "lines": [
            {
                "planned_output_id": line.planned.pk if line.planned else None,
                "plan_item_id": line.item.id if line.item else None,
                "description": line.description,
                "target": line.target,
                "unit": line.unit,
                "rhk_id": line.rhk.pk if line.rhk else None,
                "report_id": line.report.pk if line.report else None,
                "report_status": line.report.status if line.report else None,
            }
            for line in plan.lines
        ],
        "unplanned_report_ids": [r.pk for r in plan.unplanned],
    }


@router.post(
    "/plans",
    response={201: PlannedOut},
    url_name="outputs_plan_create",
    summary="Plan an own output for a day",
)
def plan_create(request: HttpRequest, payload: OutputPlanIn) -> Status[PlannedOutput]:
    user = user_of(request)
    employee = own_employee(user)
    planned = services.planned_output_create(
        actor=user,
        employee=employee,
        day=payload.day,
        description=payload.description,
        target_quantity=payload.target_quantity,
        unit=payload.unit,
        rhk=rhk_or_none(payload.rhk_id),
    )
    return Status(201, planned)


class ReportQuery(Schema):
    employee_id: Id | None = None
    month: str | None = None
    limit: Limit = 100
    offset: Offset = 0


@router.get(
    "/reports",
    response=list[OutputReportOut],
    url_name="outputs_report_list",
    summary="An employee's output reports of a month",
)
def report_list(request: HttpRequest, q: Query[ReportQuery]) -> list[OutputReport]:
    employee = employee_of(user_of(request), q.employee_id)
    month = parse_month(q.month) or month_start(timezone.localdate())
    limit, offset = max(1, min(q.limit, MAX_LIMIT)), max(0, q.offset)
    qs = OutputReport.objects.filter(employee=employee, day__gte=month, day__lte=month_end(month))
    return list(qs.order_by("day", "id")[offset : offset + limit])


@router.post(
    "/reports",
    response={201: OutputReportOut},
    url_name="outputs_report_create",
    summary="Report an output (multipart form: the fields, and an optional file)",
)
def report_create(
    request: HttpRequest, payload: Form[OutputReportIn], evidence: File[UploadedFile | None] = None
) -> Status[OutputReport]:
    user = user_of(request)
    employee = own_employee(user)
    planned = (
        get_object_or_404(PlannedOutput, pk=payload.planned_output_id, employee=employee)
        if payload.planned_output_id
        else None
    )
    item = (
        get_object_or_404(
            WorkPlanItem.objects.select_related("request"),
            pk=payload.plan_item_id,
            request__employee=employee,
        )
        if payload.plan_item_id
        else None
    )
    report = services.report_submit(
        actor=user,
        employee=employee,
        day=payload.day,
        planned=planned,
        item=item,
        quantity=payload.quantity,
        description=payload.description,
        unit=payload.unit,
        rhk=rhk_or_none(payload.rhk_id),
        evidence=evidence,
        evidence_url=payload.evidence_url,
    )
    return Status(201, report)


@router.get(
    "/reports/{report_id}/evidence",
    url_name="outputs_evidence",
    summary="Download the evidence file of a report",
)
def evidence(request: HttpRequest, report_id: Id) -> FileResponse:
    report = access_evidence(user_of(request), report_id)
    return FileResponse(
        report.evidence.open("rb"),
        as_attachment=True,
        filename=report.evidence_name,
        content_type=CONTENT_TYPES.get(report.evidence_type, "application/octet-stream"),
    )
