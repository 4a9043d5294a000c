"""``/api/v1/presence``: check in (the phone page and any client), today's slots, the monthly
recap of a unit."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Status

from fleksi.accounts.current import user_of
from fleksi.common.apikit import Id
from fleksi.common.domain.months import parse_month
from fleksi.common.errors import NotAllowed
from fleksi.org.selectors import employee_get
from fleksi.presence.domain.slots import slots_of
from fleksi.presence.messages import (
    RULE_LABELS,
    checkin_summary,
    clock,
    slot_label,
    stored_message,
)
from fleksi.presence.models import Checkin
from fleksi.presence.permissions import (
    access_recap_employee,
    access_recap_unit,
    checkin_employee_id,
    recap_rows_for,
)
from fleksi.presence.schemas import CheckinIn, CheckinOut, HoursOut, RecapOut, TodayOut
from fleksi.presence.selectors.checkins import today_for
from fleksi.presence.selectors.facts import day_rules, person_for_checkin
from fleksi.presence.selectors.hours import weekly_hours_of
from fleksi.presence.selectors.recap import people_of_units, period_of, sum_totals
from fleksi.presence.services import CheckinIn as CheckinData
from fleksi.presence.services import checkin_record
from fleksi.presence.services.contact import contact_issue

router = Router(tags=["presence"])


def _aware(value: Any) -> Any:
    if value is not None and timezone.is_naive(value):
        return timezone.make_aware(value)
    return value


def checkin_out(c: Checkin, *, created: bool, per_day: int) -> dict[str, Any]:
    role = next((s.role for s in slots_of(per_day) if s.number == c.slot), "")
    return {
        "id": c.pk,
        "idempotency_key": c.idempotency_key,
        "created": created,
        "day": c.day,
        "slot": c.slot,
        "kind": c.kind,
        "mode": c.mode,
        "checked_at": c.checked_at,
        "synced_late": c.synced_late,
        "time_proof": c.time_proof,
        "contact": contact_issue(c.employee_id),
        "source": c.source,
        "outcome": c.outcome,
        "flagged": c.flagged,
        "counted": c.counted,
        "late_minutes": c.late_minutes,
        "early_minutes": c.early_minutes,
        "message": checkin_summary(
            role=role,
            at=clock(timezone.localtime(c.checked_at).time()),
            counted=c.counted,
            flagged=c.flagged,
            synced_late=c.synced_late,
        ),
        "rules": [
            {
                "rule": e.get("rule", ""),
                "label": str(RULE_LABELS.get(e.get("rule", ""), e.get("rule", ""))),
                "outcome": e.get("outcome", ""),
                "message": stored_message(e),
                "article": e.get("article", ""),
            }
            for e in c.trace
        ],
    }


def _employee_id(request: HttpRequest) -> int:
    employee_id = checkin_employee_id(user_of(request))
    if employee_id is None:
        raise NotAllowed("checkin_not_employee", _("Only employees check in."))
    return employee_id


@router.post(
    "/checkins",
    response={200: CheckinOut, 201: CheckinOut},
    url_name="presence_checkin_create",
    summary="Check in or out (idempotent: the same key returns the stored check-in, 200)",
)
def checkin_create(request: HttpRequest, payload: CheckinIn) -> Status[dict[str, Any]]:
    # Not the full scope (several queries): checking in needs only an active employee record.
    user = user_of(request)
    person = person_for_checkin(user.employee_id) if user.employee_id else None
    if person is None:
        raise NotAllowed("checkin_not_employee", _("Only employees check in."))
    net = payload.network
    result = checkin_record(
        employee=person,
        data=CheckinData(
            idempotency_key=payload.idempotency_key,
            slot=payload.slot,
            kind=payload.kind,
            mode=payload.mode,
            device_time=_aware(payload.device_time),
            sent_at=_aware(payload.sent_at),
            latitude=payload.latitude,
            longitude=payload.longitude,
            accuracy_m=payload.accuracy,
            effective_type=net.effective_type if net else None,
            rtt_ms=net.rtt if net else None,
            downlink_mbps=net.downlink if net else None,
            client_latency_ms=payload.client_latency_ms,
            contact=payload.evidence.contact if payload.evidence else None,
            since_contact_ms=payload.evidence.since_contact_ms if payload.evidence else None,
            since_press_ms=payload.evidence.since_press_ms if payload.evidence else None,
        ),
    )
    c = result.checkin
    per_day = day_rules(c.day).params.checkins_per_day
    return Status(
        201 if result.created else 200, checkin_out(c, created=result.created, per_day=per_day)
    )


@router.get(
    "/today",
    response=TodayOut,
    url_name="presence_today",
    summary="Today's check-in slots of the caller, and a CSRF token for the next POST",
)
def today(request: HttpRequest) -> dict[str, Any]:
    employee = employee_get(_employee_id(request))
    t = today_for(employee, timezone.localtime().replace(tzinfo=None))
    return {
        "day": t.day,
        "starts": clock(t.hours[0]) if t.hours else None,
        "ends": clock(t.hours[1]) if t.hours else None,
        "checkins_per_day": t.per_day,
        "next_slot": t.next_slot,
        "default_mode": t.default_mode,
        "slots": [
            {
                "slot": s.slot.number,
                "kind": s.slot.kind,
                "role": s.slot.role,
                "label": slot_label(s.slot.role),
                "checkin": checkin_out(s.checkin, created=False, per_day=t.per_day)
                if s.checkin
                else None,
            }
            for s in t.slots
        ],
        "csrf_token": get_token(request),
        "contact": contact_issue(employee.pk),
    }


@router.get(
    "/recap/units/{unit_id}",
    response=RecapOut,
    url_name="presence_recap_unit",
    summary="Monthly attendance recap of a unit and its sub-units (month=YYYY-MM)",
)
def recap_unit(request: HttpRequest, unit_id: Id, month: str = "") -> dict[str, Any]:
    unit = access_recap_unit(user_of(request), unit_id)
    try:
        first = date.fromisoformat(f"{month}-01") if month else timezone.localdate()
    except ValueError:
        first = timezone.localdate()
    period = period_of(first)
    rows = recap_rows_for(user_of(request), people_of_units([unit.path], period), period)
    return {
        "unit_id": unit.pk,
        "unit": unit.name,
        "month": period.label,
        "working_days": len(period.working_days),
        "totals": vars(sum_totals(rows)),
        "items": [
            {
                "employee_id": r.employee_id,
                "nip": r.nip,
                "name": r.name,
                "unit": r.unit_name,
                "perangkat_daerah": r.pd_name,
                "totals": vars(r.totals),
            }
            for r in rows
        ],
    }


@router.get(
    "/hours/employees/{employee_id}",
    response=HoursOut,
    url_name="presence_weekly_hours",
    summary="Weekly hours of a flexible pattern (PermenPANRB 4/2025 Pasal 17; where the "
    "Perbup sets weekly hours, e.g. 37.5): needed and worked per week of the month",
)
def weekly_hours(request: HttpRequest, employee_id: Id, month: str = "") -> dict[str, Any]:
    employee = access_recap_employee(user_of(request), employee_id)
    first = parse_month(month) or timezone.localdate()
    weeks = weekly_hours_of(employee, first)
    return {
        "employee_id": employee.pk,
        "month": first.strftime("%Y-%m"),
        "weeks": [
            {
                "week": w.week,
                "needed_minutes": w.needed,
                "worked_minutes": w.worked,
                "short_minutes": w.short,
            }
            for w in weeks
        ],
    }
