"""``/api/v1/schedule``: plans, requests, decisions, the inbox, the board and my calendar —
the same services, selectors and scoping as the pages.

Evidence files are uploaded through the page only (multipart); a special-circumstances
request submitted here is refused with ``evidence`` in its errors.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Status

from fleksi.accounts.current import user_of
from fleksi.common.apikit import Id, Limit, Offset
from fleksi.common.errors import ValidationFailed
from fleksi.org.models import Employee, Office
from fleksi.org.selectors import employee_get
from fleksi.schedule import permissions as perms
from fleksi.schedule import schemas as s
from fleksi.schedule.domain.planning import PlanError, PlanMode, PlanSpec
from fleksi.schedule.forms import PLAN_ERRORS
from fleksi.schedule.models import RequestDay, WfaPlace, WfaRequest
from fleksi.schedule.selectors.board import unit_board
from fleksi.schedule.selectors.calendar import calendar_days
from fleksi.schedule.selectors.inbox import inbox_items, inbox_steps
from fleksi.schedule.selectors.planning import plan_days, plan_preview
from fleksi.schedule.selectors.requests import requests_with_days
from fleksi.schedule.services import (
    PlanItemIn,
    request_approve,
    request_cancel,
    request_recall,
    request_reject,
    request_return,
    request_submit,
)

router = Router(tags=["schedule"])
MAX_LIMIT = 100


def _employee(request: HttpRequest) -> Employee:
    employee_id = user_of(request).employee_id
    if employee_id is None:
        raise Http404
    return employee_get(employee_id)


def _days(plan: s.PlanIn, employee_id: int) -> tuple[list[date], list[date]]:
    spec = PlanSpec(
        mode=PlanMode(plan.mode),
        days=tuple(plan.days),
        start=plan.start,
        end=plan.end,
        weekdays=frozenset(plan.weekdays),
    )
    try:
        found = plan_days(spec, employee_id)
    except PlanError as exc:
        message = str(PLAN_ERRORS.get(exc.code, exc.code))
        raise ValidationFailed(exc.code, message, errors={"plan": [message]}) from exc
    if not found.days:
        message = _("None of the chosen days is a working day.")
        raise ValidationFailed("no_working_day", message, errors={"plan": [message]})
    return list(found.days), list(found.skipped)


def _where(employee: Employee, body: s.PlaceIn) -> tuple[Office | None, WfaPlace | None]:
    office = place = None
    if body.location_type == "office" and body.office_id is not None:
        office = Office.objects.filter(pk=body.office_id).first()
    if body.location_type == "approved_place" and body.place_id is not None:
        place = WfaPlace.objects.filter(pk=body.place_id, employee=employee).first()
    return office, place


def _request_out(r: WfaRequest, *, personal: bool = True) -> dict[str, Any]:
    """A request; without ``personal`` (see ``perms.may_see_evidence``) its reason is left
    out and ``reason_withheld`` says so."""
    days = list(r.days.order_by("day"))
    steps = list(r.steps.select_related("approver", "via_unit").order_by("level", "pk"))
    return {
        **{f: getattr(r, f) for f in ("id", "employee_id", "kind", "location_type")},
        "reason": r.reason if personal else "",
        "reason_withheld": bool(r.reason) and not personal,
        **{f: getattr(r, f) for f in ("office_id", "place_id", "desa_id", "status")},
        "employee_name": r.employee.name,
        "submitted_at": r.submitted_at,
        "decided_at": r.decided_at,
        "policy_version_id": r.policy_version_id,
        "revises_id": r.revises_id,
        "has_evidence": bool(r.evidence),
        "has_duty_letter": bool(r.duty_letter_sha256),
        "days": [
            {
                "day": d.day,
                "status": d.status,
                "verdict": (d.trace or {}).get("verdict", "") if isinstance(d.trace, dict) else "",
                "note": d.note,
                "decided_at": d.decided_at,
                "rules": (d.trace or {}).get("rules", []) if isinstance(d.trace, dict) else [],
            }
            for d in days
        ],
        "outputs": list(r.plan_items.order_by("order")),
        "steps": [
            {
                "id": st.pk,
                "level": st.level,
                "approver_id": st.approver_id,
                "approver_name": st.approver.name,
                "via_unit_id": st.via_unit_id,
                "via_unit_name": st.via_unit.name,
                "status": st.status,
                "due_at": st.due_at,
                "acted_at": st.acted_at,
                "comment": st.comment,
            }
            for st in steps
        ],
    }


@router.get(
    "/requests",
    response=s.RequestPage,
    summary="My WFA requests, newest first",
    url_name="schedule_request_list",
)
def request_list(request: HttpRequest, limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
    employee = _employee(request)
    qs = requests_with_days(WfaRequest.objects.filter(employee=employee)).order_by("-submitted_at")
    limit, offset = max(1, min(limit, MAX_LIMIT)), max(0, offset)
    items = [
        {
            "id": r.pk,
            "kind": r.kind,
            "location_type": r.location_type,
            "status": r.status,
            "submitted_at": r.submitted_at,
            "days": [{"day": d.day.isoformat(), "status": d.status} for d in r.days.all()],
        }
        for r in qs[offset : offset + limit]
    ]
    return {"count": qs.count(), "limit": limit, "offset": offset, "items": items}


@router.post(
    "/plan",
    response=s.PreviewOut,
    summary="Expand a plan into working days and check each against the rules (nothing is written)",
    url_name="schedule_plan_check",
)
def plan_check(request: HttpRequest, body: s.PreviewIn) -> dict[str, Any]:
    employee = _employee(request)
    days, skipped = _days(body.plan, employee.pk)
    office, place = _where(employee, body)
    found = office or place
    preview = plan_preview(
        employee=employee,
        days=days,
        kind=body.kind,
        location_type=body.location_type,
        desa_id=found.desa_id if found is not None else employee.domicile_id,
    )
    return {"days": [vars(p) for p in preview], "skipped": skipped}


@router.post(
    "/requests",
    response={201: s.RequestOut},
    summary="Ask for WFA days; each day is checked, refused days carry the rule",
    url_name="schedule_request_create",
)
def request_create(request: HttpRequest, body: s.SubmitIn) -> Status[dict[str, Any]]:
    return _submit(request, body, None)


def _submit(
    request: HttpRequest, body: s.SubmitIn, revises: WfaRequest | None
) -> Status[dict[str, Any]]:
    employee = _employee(request)
    days, _skipped = _days(body.plan, employee.pk)
    office, place = _where(employee, body)
    created = request_submit(
        actor=user_of(request),
        employee=employee,
        days=days,
        kind=body.kind,
        location_type=body.location_type,
        office=office,
        place=place,
        reason=body.reason,
        plan=[
            PlanItemIn(o.description, o.quantity, o.unit_of_measure, o.due_date)
            for o in body.outputs
        ],
        revises=revises,
    )
    return Status(201, _request_out(created))


@router.post(
    "/requests/{request_id}/revise",
    response={201: s.RequestOut},
    summary="Send a request returned for changes again, revised (once); every day is re-checked",
    description=(
        "Creates a new request (the revision) with the same body as creating one; the "
        "returned request keeps its history and links to it. Evidence of a special-"
        "circumstances request is kept. 409 when the request has no returned day or was "
        "already revised."
    ),
    url_name="schedule_request_revise",
)
def request_revise_api(
    request: HttpRequest, request_id: Id, body: s.SubmitIn
) -> Status[dict[str, Any]]:
    user = user_of(request)
    original = perms.access_request(user, request_id)
    if not perms.may_cancel(user, original):
        raise PermissionDenied
    return _submit(request, body, original)


@router.get(
    "/requests/{request_id}",
    response=s.RequestOut,
    summary="One request",
    url_name="schedule_request_detail",
)
def request_detail(request: HttpRequest, request_id: Id) -> dict[str, Any]:
    user = user_of(request)
    wfa = perms.access_request(user, request_id)
    return _request_out(wfa, personal=perms.may_see_evidence(user, wfa))


@router.post(
    "/requests/{request_id}/cancel",
    response=s.CountOut,
    summary="Cancel the request's remaining days (or those given)",
    url_name="schedule_request_cancel",
)
def request_cancel_api(request: HttpRequest, request_id: Id, body: s.DecisionIn) -> dict[str, Any]:
    user = user_of(request)
    wfa = perms.access_request(user, request_id)
    if not perms.may_cancel(user, wfa):
        raise PermissionDenied
    return {"count": request_cancel(actor=user, request=wfa, days=body.days)}


@router.post(
    "/requests/{request_id}/recall",
    response=s.CountOut,
    summary="Recall approved days to the office (head of unit), with the reason",
    url_name="schedule_request_recall",
)
def request_recall_api(request: HttpRequest, request_id: Id, body: s.RecallIn) -> dict[str, Any]:
    user = user_of(request)
    wfa = perms.access_request(user, request_id)
    return {"count": request_recall(actor=user, request=wfa, days=body.days, reason=body.reason)}


@router.get(
    "/inbox",
    response=s.InboxPage,
    summary="Requests waiting for me, with each day's on-site count after approval against "
    "the minimum and the quota",
    url_name="schedule_inbox",
)
def inbox(request: HttpRequest, limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
    employee = _employee(request)
    qs = inbox_steps(employee)
    limit, offset = max(1, min(limit, 50)), max(0, offset)
    items = inbox_items(list(qs[offset : offset + limit]))
    return {
        "count": qs.count(),
        "limit": limit,
        "offset": offset,
        "items": [
            {
                "step_id": it.step.pk,
                "request_id": it.step.request_id,
                "employee_id": it.step.request.employee_id,
                "employee_name": it.step.request.employee.name,
                "unit_name": it.step.request.employee.unit.name,
                "kind": it.step.request.kind,
                "location_type": it.step.request.location_type,
                "due_at": it.step.due_at,
                "overdue": it.overdue,
                "days": [vars(c) for c in it.days],
            }
            for it in items
        ],
    }


@router.post(
    "/steps/{step_id}/approve",
    response=s.DaysOut,
    summary="Approve waiting days",
    url_name="schedule_step_approve",
)
def step_approve(request: HttpRequest, step_id: Id, body: s.DecisionIn) -> dict[str, Any]:
    user = user_of(request)
    step = perms.access_step(user, step_id)
    return {"days": request_approve(actor=user, step=step, days=body.days, comment=body.comment)}


@router.post(
    "/steps/{step_id}/reject",
    response=s.DaysOut,
    summary="Reject waiting days (comment needed)",
    url_name="schedule_step_reject",
)
def step_reject(request: HttpRequest, step_id: Id, body: s.DecisionIn) -> dict[str, Any]:
    user = user_of(request)
    step = perms.access_step(user, step_id)
    return {"days": request_reject(actor=user, step=step, days=body.days, comment=body.comment)}


@router.post(
    "/steps/{step_id}/return",
    response=s.CountOut,
    summary="Return the request for changes",
    url_name="schedule_step_return",
)
def step_return(request: HttpRequest, step_id: Id, body: s.ReturnIn) -> dict[str, Any]:
    user = user_of(request)
    step = perms.access_step(user, step_id)
    request_return(actor=user, step=step, comment=body.comment)
    return {
        "count": RequestDay.objects.filter(request_id=step.request_id, status="returned").count()
    }


@router.get(
    "/board",
    response=s.BoardOut,
    summary="Who is where in a unit subtree on a day",
    url_name="schedule_board",
)
def board(request: HttpRequest, unit: Id, day: date | None = None) -> dict[str, Any]:
    found = perms.access_board_unit(user_of(request), unit)
    b = unit_board(found, [day or timezone.localdate()])
    return {
        "unit_id": found.pk,
        "unit_name": found.name,
        "day": b.days[0],
        "working_day": b.working[0],
        "policy_version_id": b.version.pk if b.version else None,
        "units": [
            {
                "unit_id": row.unit_id,
                "name": row.name,
                "is_public_service": row.is_public_service,
                "role": row.role,
                **vars(row.cells[0].tally),
                "minimum": row.cells[0].minimum,
                "quota": row.cells[0].quota,
                "shortfall": row.cells[0].shortfall,
            }
            for row in b.units
        ],
        "people": [
            {
                "employee_id": p.employee_id,
                "name": p.name,
                "presence": str(p.cells[0].presence),
                "where": p.cells[0].where,
                "absence": p.cells[0].absence,
            }
            for p in b.people
        ],
        "people_total": b.people_total,
    }


@router.get(
    "/calendar",
    response=list[s.CalendarDayOut],
    summary="My WFA days between two dates",
    url_name="schedule_my_calendar",
)
def my_calendar(
    request: HttpRequest, start: date | None = None, end: date | None = None
) -> list[dict[str, Any]]:
    employee = _employee(request)
    start = start or timezone.localdate().replace(day=1)
    end = min(end or start + timedelta(days=62), start + timedelta(days=366))
    return [
        {
            "day": d.day,
            "status": d.status,
            "request_id": d.request_id,
            "location_type": d.request.location_type,
        }
        for d in calendar_days(employee.pk, start, end)
    ]
