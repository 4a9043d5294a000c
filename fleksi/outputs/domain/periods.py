"""Months and report deadlines (pure)."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from fleksi.policy.domain.calendar import WorkCalendar

MONTH_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def previous_month(day: date) -> date:
    """The first day of the month before ``day``'s month."""
    return month_start(month_start(day) - timedelta(days=1))


def next_month(day: date) -> date:
    return month_end(day) + timedelta(days=1)


def parse_month(text: str | None, default: date) -> date:
    """``"2026-11"`` → 1 Nov 2026; anything else → the month of ``default``."""
    match = MONTH_PATTERN.match((text or "").strip())
    if match:
        year, month = int(match[1]), int(match[2])
        if 2000 <= year <= 2100 and 1 <= month <= 12:
            return date(year, month, 1)
    return month_start(default)


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def report_due(cal: WorkCalendar, day: date, deadline_days: int) -> date:
    """The last day on which the output of ``day`` counts as reported on time: the
    ``deadline_days``-th working day after it (0: the day itself)."""
    return cal.add_working_days(day, deadline_days)


def last_overdue_day(cal: WorkCalendar, today: date, deadline_days: int) -> date:
    """The latest day whose report deadline is already over on ``today`` (deadlines only
    move forward with the day, so every earlier day is overdue too)."""
    day = today - timedelta(days=1)
    while report_due(cal, day, deadline_days) >= today:
        day -= timedelta(days=1)
    return day
