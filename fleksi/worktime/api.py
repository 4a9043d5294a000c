"""``/api/v1/worktime``: monthly duty rosters of shift units (plan, import the "jadwal
dinas", publish with the minimum staff per shift) and swaps of shifts with approval. Every
answer is limited to what the caller may see (``fleksi.worktime.permissions``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import File, Form, Router, Status
from ninja.files import UploadedFile

from fleksi.accounts.current import user_of
from fleksi.common.domain.months import parse_month
from fleksi.common.errors import ValidationFailed
from fleksi.common.importing.messages import describe
from fleksi.org.models import Employee
from fleksi.worktime import schemas as s
from fleksi.worktime.importing import MESSAGES, duty_roster_import
from fleksi.worktime.models import DutyRoster, DutyShift
from fleksi.worktime.permissions import (
    access_roster,
    access_swap,
    access_unit_to_plan,
    rosters_visible_to,
    swaps_visible_to,
)
from fleksi.worktime.services import (
    duty_roster_publish,
    duty_roster_save,
    duty_swap_decide,
    duty_swap_request,
)

router = Router(tags=["worktime"])


def _month(text: str) -> date:
    month = parse_month(text)
    if month is None:
        raise ValidationFailed("month", _("Give the month as YYYY-MM."))
    return month


def _roster_out(roster: DutyRoster) -> dict[str, Any]:
    rows = DutyShift.objects.filter(roster=roster).order_by("employee__name", "day")
    return {
        "id": roster.pk,
        "unit_id": roster.unit_id,
        "unit": roster.unit.name,
        "month": roster.month.strftime("%Y-%m"),
        "pattern": roster.pattern_code,
        "status": roster.status,
        "min_staff": roster.min_staff,
        "published_at": roster.published_at,
        "shifts": [
            {"employee_id": e, "name": n, "day": d, "shift": c}
            for e, n, d, c in rows.values_list("employee_id", "employee__name", "day", "shift_code")
        ],
    }


@router.get(
    "/rosters",
    response=list[s.RosterListItem],
    url_name="worktime_roster_list",
    summary="Duty rosters the caller may see (their units', or the ones they are on)",
)
def roster_list(request: HttpRequest, month: str | None = None) -> list[dict[str, Any]]:
    qs = rosters_visible_to(user_of(request)).order_by("-month", "unit__name")
    if month:
        qs = qs.filter(month=_month(month))
    return [
        {
            "id": r.pk,
            "unit_id": r.unit_id,
            "unit": r.unit.name,
            "month": r.month.strftime("%Y-%m"),
            "pattern": r.pattern_code,
            "status": r.status,
        }
        for r in qs[:200]
    ]


@router.put(
    "/rosters",
    response=s.DutyRosterOut,
    url_name="worktime_roster_save",
    summary="Create or replace the draft roster of a unit for a month (all or nothing)",
)
def roster_save(request: HttpRequest, body: s.RosterIn) -> dict[str, Any]:
    user = user_of(request)
    unit = access_unit_to_plan(user, body.unit_id)
    roster = duty_roster_save(
        actor=user,
        unit=unit,
        month=_month(body.month),
        pattern_code=body.pattern,
        shifts={(x.employee_id, x.day): x.shift for x in body.shifts},
        min_staff=body.min_staff,
    )
    return _roster_out(roster)


@router.post(
    "/rosters/import",
    response=s.ImportOut,
    url_name="worktime_roster_import",
    summary="Import a month's 'jadwal dinas' (XLSX or CSV: NIP, NAMA, 1…31); "
    "problems per line, nothing written when any",
)
def roster_import(
    request: HttpRequest,
    file: File[UploadedFile],
    unit_id: Form[int],
    month: Form[str],
    pattern: Form[str],
    dry_run: Form[bool] = False,
) -> dict[str, Any]:
    user = user_of(request)
    unit = access_unit_to_plan(user, unit_id)
    report = duty_roster_import(
        actor=user,
        unit=unit,
        month=_month(month),
        pattern_code=pattern,
        name=file.name or "",
        data=file.read(),
        dry_run=dry_run,
    )
    return {
        "applied": report.applied,
        "rows": report.rows,
        "shifts": report.created,
        "problems": [
            {"line": p.line, "column": p.column, "code": p.code, "message": describe(p, MESSAGES)}
            for p in report.problems
        ],
    }


@router.get(
    "/rosters/{roster_id}",
    response=s.DutyRosterOut,
    url_name="worktime_roster_get",
    summary="One duty roster with every shift",
)
def roster_get(request: HttpRequest, roster_id: int) -> dict[str, Any]:
    return _roster_out(access_roster(user_of(request), roster_id))


@router.post(
    "/rosters/{roster_id}/publish",
    response=s.DutyRosterOut,
    url_name="worktime_roster_publish",
    summary="Publish a roster (every shift at its minimum staff): it becomes the schedule "
    "of everyone on it",
)
def roster_publish(request: HttpRequest, roster_id: int) -> dict[str, Any]:
    user = user_of(request)
    roster = duty_roster_publish(actor=user, roster=access_roster(user, roster_id, manage=True))
    return _roster_out(roster)


def _swap_out(swap: Any) -> dict[str, Any]:
    return {
        "id": swap.pk,
        "roster_id": swap.roster_id,
        "day": swap.day,
        "requester_id": swap.requester_id,
        "other_id": swap.other_id,
        "status": swap.status,
        "reason": swap.reason,
    }


@router.get(
    "/rosters/{roster_id}/swaps",
    response=list[s.SwapOut],
    url_name="worktime_swap_list",
    summary="Swaps of a roster: all of them for its managers, one's own for a person on it",
)
def swap_list(request: HttpRequest, roster_id: int) -> list[dict[str, Any]]:
    user = user_of(request)
    roster = access_roster(user, roster_id)
    return [_swap_out(sw) for sw in swaps_visible_to(user, roster).order_by("-created_at")[:500]]


@router.post(
    "/rosters/{roster_id}/swaps",
    response={201: s.SwapOut},
    url_name="worktime_swap_request",
    summary="Ask to exchange one's shift of a day with a colleague on the same roster",
)
def swap_request(request: HttpRequest, roster_id: int, body: s.SwapIn) -> Status[dict[str, Any]]:
    user = user_of(request)
    roster = access_roster(user, roster_id)
    if user.employee_id is None:
        raise ValidationFailed("swap_not_own", _("Only employees swap shifts."))
    other = Employee.objects.filter(pk=body.other_id).first()
    if other is None:
        raise ValidationFailed("swap_people", _("Both people must be on this roster."))
    swap = duty_swap_request(
        actor=user,
        requester=Employee.objects.get(pk=user.employee_id),
        roster=roster,
        day=body.day,
        other=other,
        reason=body.reason,
    )
    return Status(201, _swap_out(swap))


@router.post(
    "/swaps/{swap_id}/decision",
    response=s.SwapOut,
    url_name="worktime_swap_decide",
    summary="The roster's manager approves (the shifts are exchanged) or rejects a swap",
)
def swap_decide(request: HttpRequest, swap_id: int, body: s.SwapDecisionIn) -> dict[str, Any]:
    user = user_of(request)
    swap = duty_swap_decide(actor=user, swap=access_swap(user, swap_id), approve=body.approve)
    return _swap_out(swap)
