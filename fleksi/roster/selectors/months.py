"""Months: a roster and a preference belong to a month, stored as its first day."""

from __future__ import annotations

import calendar
from datetime import date


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_end(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def add_months(month: date, n: int) -> date:
    index = month.year * 12 + month.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def parse_month(value: str | None) -> date | None:
    """``"2026-09"`` (or a full ISO date) → the first day of that month; None if invalid."""
    if not value:
        return None
    try:
        if len(value) == 7:
            return date.fromisoformat(f"{value}-01")
        return month_start(date.fromisoformat(value))
    except ValueError:
        return None
