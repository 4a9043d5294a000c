"""A person's calendar: the month view of their WFA days and absences, and the iCalendar
feed's events."""

from __future__ import annotations

import calendar as pycalendar
from dataclasses import dataclass, field
from datetime import date, timedelta

from fleksi.policy.selectors import work_calendar
from fleksi.schedule.domain.ical import AllDayEvent
from fleksi.schedule.models import Absence, CalendarFeed, RequestDay
from fleksi.schedule.selectors.board import place_label

SHOWN_STATUSES = ("pending", "approved", "recalled", "rejected", "returned")
FEED_PAST_DAYS = 180
FEED_FUTURE_DAYS = 200


@dataclass(frozen=True)
class Mark:
    status: str  # a RequestDay status, or "absence"
    label: str
    request_id: int | None = None


@dataclass(frozen=True)
class CalendarDay:
    day: date
    in_month: bool
    working: bool
    holiday: str
    marks: tuple[Mark, ...] = field(default=())


@dataclass(frozen=True)
class Month:
    first: date
    weeks: tuple[tuple[CalendarDay, ...], ...]
    previous: date
    next: date
    wfa_days: int  # approved in the month


def month_of(employee_id: int, first: date) -> Month:
    first = first.replace(day=1)
    weeks_raw = pycalendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    start, end = weeks_raw[0][0], weeks_raw[-1][-1]
    cal = work_calendar(start, end)
    marks: dict[date, list[Mark]] = {}
    for day, status, req, loc, office, place, desa in (
        RequestDay.objects.filter(
            employee_id=employee_id, day__gte=start, day__lte=end, status__in=SHOWN_STATUSES
        )
        .order_by("day")
        .values_list(
            "day",
            "status",
            "request_id",
            "request__location_type",
            "request__office__name",
            "request__place__name",
            "request__desa__name",
        )
    ):
        marks.setdefault(day, []).append(Mark(status, place_label(loc, office, place, desa), req))
    for a_start, a_end, kind in Absence.objects.filter(
        employee_id=employee_id, start__lte=end, end__gte=start
    ).values_list("start", "end", "kind"):
        d = max(a_start, start)
        while d <= min(a_end, end):
            marks.setdefault(d, []).append(Mark("absence", str(Absence.Kind(kind).label)))
            d += timedelta(days=1)
    weeks = tuple(
        tuple(
            CalendarDay(
                day=d,
                in_month=d.month == first.month,
                working=cal.is_working_day(d),
                holiday=cal.holiday_name(d) or "",
                marks=tuple(marks.get(d, ())),
            )
            for d in week
        )
        for week in weeks_raw
    )
    last = first.replace(day=pycalendar.monthrange(first.year, first.month)[1])
    approved = sum(
        1
        for week in weeks
        for cd in week
        if cd.in_month and any(m.status == "approved" for m in cd.marks)
    )
    return Month(
        first=first,
        weeks=weeks,
        previous=(first - timedelta(days=1)).replace(day=1),
        next=last + timedelta(days=1),
        wfa_days=approved,
    )


def calendar_days(employee_id: int, start: date, end: date) -> list[RequestDay]:
    """The person's WFA days between two dates (for the API)."""
    return list(
        RequestDay.objects.filter(
            employee_id=employee_id, day__gte=start, day__lte=end, status__in=SHOWN_STATUSES
        )
        .select_related("request", "request__office", "request__place", "request__desa")
        .order_by("day")
    )


def feed_get(token: str) -> CalendarFeed | None:
    if not token or len(token) > 64:
        return None
    return CalendarFeed.objects.select_related("user").filter(token=token).first()


def feed_events(employee_id: int, today: date, *, summary: str) -> list[AllDayEvent]:
    """One all-day event per approved WFA day, from half a year back to the months ahead."""
    rows = (
        RequestDay.objects.filter(
            employee_id=employee_id,
            status=RequestDay.Status.APPROVED,
            day__gte=today - timedelta(days=FEED_PAST_DAYS),
            day__lte=today + timedelta(days=FEED_FUTURE_DAYS),
        )
        .order_by("day")
        .values_list(
            "pk",
            "day",
            "decided_at",
            "request_id",
            "request__location_type",
            "request__office__name",
            "request__place__name",
            "request__desa__name",
        )
    )
    return [
        AllDayEvent(
            uid=f"wfa-day-{pk}@fleksi",
            day=day,
            summary=summary,
            location=place_label(loc, office, place, desa),
            description=f"#{request_id}",
            stamp=decided_at,
        )
        for pk, day, decided_at, request_id, loc, office, place, desa in rows
    ]
