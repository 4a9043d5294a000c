"""The weekly hours check of a flexible pattern (PermenPANRB 4/2025 Pasal 17; where the
Perbup sets weekly hours on the pattern): per week touching the month, the hours needed and
worked (arrival to departure of each working day, minus the break)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.utils import timezone

from fleksi.org.models import Employee
from fleksi.presence.models import Checkin
from fleksi.presence.selectors.facts import day_rules, person_of
from fleksi.worktime.domain.hours import WeekHours, week_hours
from fleksi.worktime.domain.patterns import DaySchedule
from fleksi.worktime.selectors import weekly_patterns_between


def weekly_hours_of(
    employee: Employee, month: date, *, today: date | None = None
) -> list[WeekHours]:
    """The weeks (Monday to Sunday) touching ``month`` and ended before ``today``; empty when
    the person's pattern sets no weekly hours."""
    today = today or timezone.localdate()
    first = month.replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    start = first - timedelta(days=first.weekday())
    end = min(last + timedelta(days=6 - last.weekday()), today - timedelta(days=1))
    end -= timedelta(days=(end.weekday() + 1) % 7)  # the last Sunday: whole weeks only
    if end < start:
        return []
    days = weekly_patterns_between(person_of(employee).key, start, end)
    if not days:
        return []
    per_day = day_rules(end).params.checkins_per_day
    times: dict[tuple[date, int], datetime] = {
        (d, slot): timezone.localtime(at).replace(tzinfo=None)
        for d, slot, at in Checkin.objects.filter(
            employee=employee, day__gte=start, day__lte=end, counted=True, slot__in=[1, per_day]
        ).values_list("day", "slot", "checked_at")
    }
    weeks: dict[date, list[tuple[DaySchedule, datetime | None, datetime | None]]] = {}
    weekly: dict[date, int] = {}
    for schedule, minutes in days:
        monday = schedule.day - timedelta(days=schedule.day.weekday())
        weeks.setdefault(monday, []).append(
            (schedule, times.get((schedule.day, 1)), times.get((schedule.day, per_day)))
        )
        weekly[monday] = minutes
    return [week_hours(weekly[m], weeks[m]) for m in sorted(weeks)]
