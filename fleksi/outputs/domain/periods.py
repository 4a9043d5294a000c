"""Report deadlines (pure); months are ``fleksi.common.domain.months``."""

from __future__ import annotations

from datetime import date, timedelta

from fleksi.policy.domain.calendar import WorkCalendar


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
