"""``/api/v1/roster``: my preferences, and the rosters of a unit (generate, progress, cells,
edit a cell, publish) — the same services, selectors and scoping as the pages."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Status

from fleksi.accounts.current import user_of
from fleksi.accounts.models import User
from fleksi.common.apikit import Id, Limit, Offset
from fleksi.common.domain.months import add_months, month_end, month_start, parse_month
from fleksi.common.errors import ValidationFailed
from fleksi.org.models import Unit
from fleksi.org.selectors import employee_get
from fleksi.policy.selectors import work_calendar
from fleksi.roster import permissions as perms
from fleksi.roster import schemas as s
from fleksi.roster.messages import explanation_text, progress_text
from fleksi.roster.models import Roster, RosterCell
from fleksi.roster.selectors.pages import preference_get
from fleksi.roster.services import (
    PreferenceDayIn,
    preference_save,
    roster_cell_set,
    roster_generate,
    roster_publish,
)

router = Router(tags=["roster"])
MAX_CELLS = 5000


def _month(raw: str | None, default: int = 1) -> Any:
    found = parse_month(raw) if raw else add_months(month_start(timezone.localdate()), default)
    if found is None:
        raise ValidationFailed("month", _("Give the month as YYYY-MM."))
    return found


def _preference_out(employee_id: Id, month: Any) -> dict[str, Any]:
    employee = employee_get(employee_id)
    days, note = preference_get(employee, month)
    end = month_end(month)
    return {
        "month": month,
        "note": note,
        "days": [{"day": d, "kind": k, "reason": r} for d, (k, r) in sorted(days.items())],
        "working_days": work_calendar(month, end).working_days(month, end),
    }


def _roster_out(roster: Roster, user: User) -> dict[str, Any]:
    units = dict(Unit.objects.filter(path__startswith=roster.unit.path).values_list("id", "name"))
    return {
        "id": roster.pk,
        "unit_id": roster.unit_id,
        "unit_name": roster.unit.name,
        "month": roster.month,
        "status": roster.status,
        "progress": progress_text(roster.progress, roster.time_limit_s),
        "progress_pct": roster.progress_pct,
        "time_limit_s": roster.time_limit_s,
        "policy_version_id": roster.policy_version_id,
        "created_at": roster.created_at,
        "finished_at": roster.finished_at,
        "published_at": roster.published_at,
        "error": roster.error if perms.may_manage(user, roster.unit) else "",
        "result": perms.result_for(user, roster),
        "explanations": [
            explanation_text(x, units, {}) for x in roster.result.get("explanations", [])
        ],
    }


@router.get(
    "/preferences",
    response=s.RosterPreferenceOut,
    summary="My preferences for a month (default: next month)",
    url_name="roster_preferences_get",
)
def preferences_get(request: HttpRequest, month: str | None = None) -> dict[str, Any]:
    employee_id = user_of(request).employee_id
    if employee_id is None:
        raise Http404
    return _preference_out(employee_id, _month(month))


@router.put(
    "/preferences",
    response=s.RosterPreferenceOut,
    summary="Replace my preferences for a month",
    url_name="roster_preferences_put",
)
def preferences_put(request: HttpRequest, body: s.PreferenceIn) -> dict[str, Any]:
    user = user_of(request)
    if user.employee_id is None:
        raise Http404
    month = _month(body.month)
    preference_save(
        actor=user,
        employee=employee_get(user.employee_id),
        month=month,
        days=[PreferenceDayIn(d.day, d.kind, d.reason) for d in body.days],
        note=body.note,
    )
    return _preference_out(user.employee_id, month)


@router.post(
    "/rosters",
    response={202: s.RosterOut},
    summary="Generate a roster for a unit (with its sub-units) and a month; it is solved in "
    "the background (poll the roster for its progress)",
    url_name="roster_create",
)
def roster_create(request: HttpRequest, body: s.GenerateIn) -> Status[dict[str, Any]]:
    user = user_of(request)
    unit = perms.access_roster_unit(user, body.unit_id)
    roster = roster_generate(
        actor=user, unit=unit, month=_month(body.month), relax_shortfalls=body.relax_shortfalls
    )
    roster.refresh_from_db()
    return Status(202, _roster_out(roster, user))


@router.get(
    "/rosters/{roster_id}",
    response=s.RosterOut,
    summary="A roster: status, progress, the solver's summary and explanations",
    url_name="roster_detail",
)
def roster_detail(request: HttpRequest, roster_id: Id) -> dict[str, Any]:
    user = user_of(request)
    return _roster_out(perms.access_roster(user, roster_id), user)


@router.get(
    "/rosters/{roster_id}/cells",
    response=s.CellPage,
    summary="The cells of a roster (people × days), by employee and day",
    url_name="roster_cells",
)
def roster_cells(
    request: HttpRequest, roster_id: Id, limit: Limit = 1000, offset: Offset = 0
) -> dict[str, Any]:
    roster = perms.access_roster(user_of(request), roster_id)
    qs = RosterCell.objects.filter(roster=roster).order_by("employee_id", "day")
    limit, offset = max(1, min(limit, MAX_CELLS)), max(0, offset)
    items = qs.values("employee_id", "day", "placement", "fixed", "edited", "request_id")
    return {
        "count": qs.count(),
        "limit": limit,
        "offset": offset,
        "items": list(items[offset : offset + limit]),
    }


@router.post(
    "/rosters/{roster_id}/cells",
    response=s.CellOut,
    summary="Change one cell; refused with the rule named if it would break a hard rule",
    url_name="roster_cell_edit",
)
def roster_cell_edit(request: HttpRequest, roster_id: Id, body: s.CellIn) -> dict[str, Any]:
    user = user_of(request)
    roster = perms.access_roster(user, roster_id)
    cell = roster_cell_set(
        actor=user,
        roster=roster,
        employee_id=body.employee_id,
        day=body.day,
        placement=body.placement,
    )
    return {
        "employee_id": cell.employee_id,
        "day": cell.day,
        "placement": cell.placement,
        "fixed": cell.fixed,
        "edited": cell.edited,
        "request_id": cell.request_id,
    }


@router.post(
    "/rosters/{roster_id}/publish",
    response=s.RosterOut,
    summary="Publish a proposed roster: its WFA days become approved WFA requests",
    url_name="roster_publish",
)
def roster_publish_api(request: HttpRequest, roster_id: Id) -> dict[str, Any]:
    user = user_of(request)
    roster = roster_publish(actor=user, roster=perms.access_roster(user, roster_id))
    roster.refresh_from_db()
    return _roster_out(roster, user)
