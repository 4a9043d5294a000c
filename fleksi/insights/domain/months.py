"""Months as the evaluation counts them (pure)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def add_months(month: date, n: int) -> date:
    """The first day of the month ``n`` months after ``month``'s (before, if negative)."""
    index = month.year * 12 + month.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def months_back(month: date, n: int) -> list[date]:
    """The ``n`` months ending with ``month`` (its first days), oldest first."""
    return [add_months(month_start(month), -i) for i in range(n - 1, -1, -1)]


def quarter_of(day: date) -> tuple[date, date]:
    """The first and last day of the quarter holding ``day``."""
    first = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return first, month_end(add_months(first, 2))


def previous_month(day: date) -> date:
    return month_start(month_start(day) - timedelta(days=1))


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def parse_month(text: str | None) -> date | None:
    """``"2026-11"`` → 1 November 2026; anything else → ``None``."""
    text = (text or "").strip()
    if len(text) != 7 or text[4] != "-" or not (text[:4] + text[5:]).isdigit():
        return None
    year, month = int(text[:4]), int(text[5:])
    if 2000 <= year <= 2100 and 1 <= month <= 12:
        return date(year, month, 1)
    return None
