"""Reads for the check-in page and the manual fallback."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import QuerySet

from fleksi.org.models import Employee
from fleksi.presence.domain.slots import Slot, next_slot, slots_of
from fleksi.presence.models import Checkin, ManualCheckinRequest, Mode
from fleksi.presence.selectors.facts import (
    absence_kind_on,
    approved_day_of,
    day_rules,
    person_of,
)
from fleksi.worktime.domain.attribution import DEPARTURE_AFTER
from fleksi.worktime.domain.patterns import DaySchedule
from fleksi.worktime.selectors import schedule_around

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


def presence_day(employee: Employee, now: datetime) -> tuple[date, DaySchedule | None]:
    """The day the person is checking in for at ``now`` (naive local): yesterday while a
    shift of yesterday is still open (arrived, not yet left, within its departure window),
    else today; with that day's schedule."""
    today = now.date()
    around = schedule_around(person_of(employee).key, today)
    yesterday = today - timedelta(days=1)
    before = around[yesterday]
    if before is not None and before.end.date() == today and now <= before.end + DEPARTURE_AFTER:
        slots = set(
            Checkin.objects.filter(employee_id=employee.pk, day=yesterday).values_list(
                "slot", flat=True
            )
        )
        per_day = day_rules(yesterday).params.checkins_per_day
        if 1 in slots and per_day not in slots:
            return yesterday, before
    return today, around[today]


def today_for(employee: Employee, now: datetime) -> Today:
    """The slots of the day the person is checking in for (see :func:`presence_day`)."""
    day, schedule = presence_day(employee, now)
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
        hours=(schedule.start.time(), schedule.end.time()) if schedule else None,
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
