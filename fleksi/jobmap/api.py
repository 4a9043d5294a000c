"""The duty-mapping API (``/api/v1/jobmap/…``): duties, assessments, the unit summary and
exceptions. Same services and scoping as the pages; errors as ``{code, message}``."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema, Status

from fleksi.accounts.current import user_of
from fleksi.common.apikit import Id, Limit, Offset
from fleksi.jobmap import permissions as perms
from fleksi.jobmap import selectors, services
from fleksi.jobmap.messages import criterion_label
from fleksi.jobmap.models import Assessment, Duty, EmployeeException
from fleksi.jobmap.schemas import (
    AssessmentDecisionIn,
    AssessmentDraftIn,
    AssessmentOut,
    DutyIn,
    DutyOut,
    ExceptionEndIn,
    ExceptionIn,
    ExceptionOut,
    ExceptionPage,
    PositionMappingOut,
    UnitSummaryOut,
)

router = Router(tags=["duty mapping"])
MAX_LIMIT = 200


class PageQuery(Schema):
    limit: Limit = 100
    offset: Offset = 0


def _name(user: Any) -> str | None:
    return user.display_name if user is not None else None


def _assessment_out(a: Assessment) -> dict[str, Any]:
    return {
        "id": a.pk,
        "position_id": a.position_id,
        "version": a.version,
        "status": a.status,
        "is_current": a.is_current,
        "criteria": list(a.criteria or []),
        "created_at": a.created_at,
        "proposed_by": _name(a.proposed_by),
        "proposed_at": a.proposed_at,
        "decided_by": _name(a.decided_by),
        "decided_at": a.decided_at,
        "comment": a.comment,
        "duties": [
            {
                "duty_id": row.duty.duty_id,
                "order": row.duty.order,
                "description": row.duty.description,
                "output": row.duty.output,
                "time_share": row.duty.time_share,
                "suitable": row.duty.suitable,
                "answers": [
                    {"criterion": code, "answer": answer, "reason": reason}
                    for code, (answer, reason) in row.answers.items()
                ],
            }
            for row in selectors.assessment_table(a)
        ],
    }


def _exception_out(x: EmployeeException) -> dict[str, Any]:
    return {
        "id": x.pk,
        "employee_id": x.employee_id,
        "employee_name": x.employee.name,
        "kind": x.kind,
        "reason": x.reason,
        "start": x.start,
        "end": x.end,
        "override_class": x.override_class or None,
        "waives_unit_exclusion": x.waives_unit_exclusion,
        "withdrawn": x.withdrawn,
        "granted_by": _name(x.granted_by),
        "created_at": x.created_at,
    }


def _limits(q: PageQuery) -> tuple[int, int]:
    return max(1, min(q.limit, MAX_LIMIT)), max(0, q.offset)


# --- Duties ---------------------------------------------------------------------------------


@router.get(
    "/positions/{position_id}/duties",
    response=list[DutyOut],
    url_name="jobmap_duty_list",
    summary="Duties of a position",
)
def duty_list(request: HttpRequest, position_id: Id) -> list[Duty]:
    position = perms.access_position(user_of(request), position_id)
    return list(selectors.position_duties(position))


@router.post(
    "/positions/{position_id}/duties",
    response={201: DutyOut},
    url_name="jobmap_duty_create",
    summary="Add a duty at the end of the list",
)
def duty_create(request: HttpRequest, position_id: Id, payload: DutyIn) -> Status[Duty]:
    user = user_of(request)
    position = perms.access_position(user, position_id, change=True)
    return Status(201, services.duty_create(actor=user, position=position, **payload.dict()))


@router.put(
    "/duties/{duty_id}", response=DutyOut, url_name="jobmap_duty_update", summary="Change a duty"
)
def duty_update(request: HttpRequest, duty_id: Id, payload: DutyIn) -> Duty:
    user = user_of(request)
    duty = get_object_or_404(Duty, pk=duty_id)
    perms.access_position(user, duty.position_id, change=True)
    return services.duty_update(actor=user, duty=duty, **payload.dict())


@router.delete(
    "/duties/{duty_id}",
    response={204: None},
    url_name="jobmap_duty_delete",
    summary="Remove a duty",
)
def duty_delete(request: HttpRequest, duty_id: Id) -> Status[None]:
    user = user_of(request)
    duty = get_object_or_404(Duty, pk=duty_id)
    perms.access_position(user, duty.position_id, change=True)
    services.duty_delete(actor=user, duty=duty)
    return Status(204, None)


# --- Assessments ----------------------------------------------------------------------------


@router.get(
    "/positions/{position_id}/mapping",
    response=PositionMappingOut,
    url_name="jobmap_position_mapping",
    summary="Class, criteria and assessments of a position",
)
def position_mapping(request: HttpRequest, position_id: Id) -> dict[str, Any]:
    position = perms.access_position(user_of(request), position_id)
    params = selectors.params_in_force()
    current = selectors.assessment_current(position)
    latest = selectors.assessment_latest(position)
    return {
        "position_id": position.pk,
        "position_code": position.code,
        "position_name": position.name,
        "unit_id": position.unit_id,
        "position_class": selectors.position_class_map(params=params, position_ids=[position.pk])[
            position.pk
        ],
        "duties_total": selectors.duties_total(position),
        "criteria": [
            {"code": c.code, "label": criterion_label(c), "article": c.article}
            for c in selectors.criteria_in_force()
        ],
        "current": _assessment_out(current) if current else None,
        "latest": _assessment_out(latest) if latest else None,
    }


@router.get(
    "/assessments/{assessment_id}",
    response=AssessmentOut,
    url_name="jobmap_assessment_detail",
    summary="One assessment with its answers",
)
def assessment_detail(request: HttpRequest, assessment_id: Id) -> dict[str, Any]:
    return _assessment_out(perms.access_assessment(user_of(request), assessment_id))


@router.put(
    "/positions/{position_id}/assessment/draft",
    response=AssessmentOut,
    url_name="jobmap_assessment_save_draft",
    summary="Save answers in the draft (created if needed; gaps allowed)",
)
def assessment_save_draft(
    request: HttpRequest, position_id: Id, payload: AssessmentDraftIn
) -> dict[str, Any]:
    user = user_of(request)
    position = perms.access_position(user, position_id, change=True)
    answers = {(a.duty_id, a.criterion): (a.answer, a.reason) for a in payload.answers}
    draft = services.assessment_save_draft(actor=user, position=position, answers=answers)
    return _assessment_out(draft)


@router.post(
    "/positions/{position_id}/assessment/propose",
    response=AssessmentOut,
    url_name="jobmap_assessment_propose",
    summary="Propose the draft to BKPSDM",
)
def assessment_propose(request: HttpRequest, position_id: Id) -> dict[str, Any]:
    user = user_of(request)
    position = perms.access_position(user, position_id, change=True)
    return _assessment_out(services.assessment_propose(actor=user, position=position))


@router.post(
    "/assessments/{assessment_id}/approve",
    response=AssessmentOut,
    url_name="jobmap_assessment_approve",
    summary="Approve a proposed assessment (BKPSDM)",
)
def assessment_approve(
    request: HttpRequest, assessment_id: Id, payload: AssessmentDecisionIn
) -> dict[str, Any]:
    user = user_of(request)
    assessment = perms.access_assessment(user, assessment_id, decide=True)
    done = services.assessment_approve(actor=user, assessment=assessment, comment=payload.comment)
    return _assessment_out(done)


@router.post(
    "/assessments/{assessment_id}/return",
    response=AssessmentOut,
    url_name="jobmap_assessment_return",
    summary="Return a proposed assessment with a comment",
)
def assessment_return(
    request: HttpRequest, assessment_id: Id, payload: AssessmentDecisionIn
) -> dict[str, Any]:
    user = user_of(request)
    assessment = perms.access_assessment(user, assessment_id, decide=True)
    done = services.assessment_return(actor=user, assessment=assessment, comment=payload.comment)
    return _assessment_out(done)


# --- Units and exceptions -------------------------------------------------------------------


@router.get(
    "/units/{unit_id}/summary",
    response=UnitSummaryOut,
    url_name="jobmap_unit_summary",
    summary="A unit subtree at a glance: positions by class and assessment progress",
)
def unit_summary(request: HttpRequest, unit_id: Id, q: Query[PageQuery]) -> dict[str, Any]:
    unit = perms.access_mapping_unit(user_of(request), unit_id)
    rows = selectors.unit_mapping(unit, params=selectors.params_in_force())
    counts = selectors.counts_of(rows)
    limit, offset = _limits(q)
    return {
        "unit_id": unit.pk,
        "unit_name": unit.name,
        "positions": counts.positions,
        "assessed": counts.assessed,
        "percent_assessed": counts.percent_assessed,
        "by_class": dict(counts.classes()),
        "by_progress": dict(counts.progress()),
        "count": len(rows),
        "limit": limit,
        "offset": offset,
        "items": [r.__dict__ for r in rows[offset : offset + limit]],
    }


@router.get(
    "/units/{unit_id}/exceptions",
    response=ExceptionPage,
    url_name="jobmap_exception_list",
    summary="Exceptions of a unit subtree: named to the approval chain and BKPSDM, else counted",
)
def exception_list(request: HttpRequest, unit_id: Id, q: Query[PageQuery]) -> dict[str, Any]:
    user = user_of(request)
    unit = perms.access_mapping_unit(user, unit_id)
    qs, withheld = perms.exceptions_shown(user, unit)
    limit, offset = _limits(q)
    return {
        "count": qs.count(),
        "withheld": withheld,
        "limit": limit,
        "offset": offset,
        "items": [_exception_out(x) for x in qs[offset : offset + limit]],
    }


@router.post(
    "/exceptions",
    response={201: ExceptionOut},
    url_name="jobmap_exception_grant",
    summary="Grant an exception to an employee (BKPSDM)",
)
def exception_grant(request: HttpRequest, payload: ExceptionIn) -> Status[dict[str, Any]]:
    user = user_of(request)
    employee = perms.access_employee_for_exception(user, payload.employee_id)
    data = payload.dict(exclude={"employee_id"})
    return Status(
        201, _exception_out(services.exception_grant(actor=user, employee=employee, **data))
    )


@router.post(
    "/exceptions/{exception_id}/end",
    response=ExceptionOut,
    url_name="jobmap_exception_end",
    summary="End an exception early (BKPSDM)",
)
def exception_end(
    request: HttpRequest, exception_id: Id, payload: ExceptionEndIn
) -> dict[str, Any]:
    user = user_of(request)
    exc = perms.access_exception(user, exception_id, change=True)
    return _exception_out(
        services.exception_end(actor=user, exception=exc, last_day=payload.last_day)
    )
