"""Reads for the check-in page and the manual fallback."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from django.db.models import QuerySet

from fleksi.org.models import Employee
from fleksi.presence.domain.slots import Slot, next_slot, slots_of
from fleksi.presence.models import Checkin, ManualCheckinRequest, Mode
from fleksi.presence.selectors.facts import absence_kind_on, approved_day_of, day_rules

ABSENCE_MODES = {"leave": Mode.LEAVE, "sick": Mode.SICK, "official_travel": Mode.OFFICIAL_DUTY}


@dataclass(frozen=True)
class SlotState:
    slot: Slot
    checkin: Checkin | None


@dataclass(frozen=True)
class Today:
    day: date
    hours: tuple[time, time] | None
    per_day: int
    regulation_number: str
    slots: tuple[SlotState, ...]
    next_slot: int | None
    default_mode: str
    approved_place: str  # home | office | approved_place | "" (no approved WFA day)


def checkins_of_day(employee_id: int, day: date) -> list[Checkin]:
    return list(Checkin.objects.filter(employee_id=employee_id, day=day).order_by("slot"))


def today_for(employee: Employee, day: date) -> Today:
    rules = day_rules(day)
    per_day = rules.params.checkins_per_day
    done = {c.slot: c for c in checkins_of_day(employee.pk, day)}
    approved = approved_day_of(employee.pk, day)
    place = approved.request.location_type if approved is not None else ""
    if done:
        mode = done[min(done)].mode
    else:
        absence = absence_kind_on(employee.pk, day)
        if absence in ABSENCE_MODES:
            mode = ABSENCE_MODES[absence]
        elif approved is not None:
            mode = Mode.WFA_HOME if place == "home" else Mode.WFA_OTHER
        else:
            mode = Mode.ONSITE
    return Today(
        day=day,
        hours=rules.hours,
        per_day=per_day,
        regulation_number=rules.regulation_number,
        slots=tuple(SlotState(s, done.get(s.number)) for s in slots_of(per_day)),
        next_slot=next_slot({n for n, c in done.items() if c.counted}, per_day),
        default_mode=str(mode),
        approved_place=place,
    )


def month_checkins(employee_id: int, start: date, end: date) -> QuerySet[Checkin]:
    return Checkin.objects.filter(employee_id=employee_id, day__gte=start, day__lte=end).order_by(
        "day", "slot"
    )


def manual_requests_of(employee_id: int) -> QuerySet[ManualCheckinRequest]:
    return ManualCheckinRequest.objects.filter(employee_id=employee_id).select_related("decided_by")


def manual_requests_to_decide(supervisor_id: int) -> QuerySet[ManualCheckinRequest]:
    """Requests waiting for this supervisor (the direct supervisor of the asker)."""
    return (
        ManualCheckinRequest.objects.filter(
            status=ManualCheckinRequest.Status.PENDING, employee__supervisor_id=supervisor_id
        )
        .select_related("employee", "employee__unit")
        .order_by("day", "created_at")
    )
