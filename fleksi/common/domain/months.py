"""Months, one set of rules for every app (pure).

A month is named by its first day (``date(2026, 11, 1)``) and written ``"2026-11"`` in
addresses, forms and files. :func:`add_months` moves a day by whole months and keeps the day
of the month where it can (31 January + 1 month is 28 or 29 February), so a month's first
day stays a first day; :func:`parse_month` reads what a person or a client sends.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

FIRST_YEAR, LAST_YEAR = 2000, 2100  # what a month parameter may name
_MONTH = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (earlier if negative), clamped to the month's end:
    31 January + 1 → 28/29 February; the first of a month stays the first."""
    index = day.year * 12 + day.month - 1 + months
    year, month = index // 12, index % 12 + 1
    if day.day <= 28:  # every month has it (the eligibility of a regency calls this ~60k times)
        return date(year, month, day.day)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def previous_month(day: date) -> date:
    """The first day of the month before ``day``'s month."""
    return month_start(month_start(day) - timedelta(days=1))


def next_month(day: date) -> date:
    """The first day of the month after ``day``'s month."""
    return month_end(day) + timedelta(days=1)


def months_back(month: date, n: int) -> list[date]:
    """The ``n`` months ending with ``month``'s (their first days), oldest first."""
    return [add_months(month_start(month), -i) for i in range(n - 1, -1, -1)]


def month_key(day: date) -> str:
    """``"2026-11"``: how a month is written in addresses, forms and files."""
    return f"{day.year:04d}-{day.month:02d}"


def parse_month(text: str | None) -> date | None:
    """``"2026-11"`` (or a full date, ``"2026-11-05"``) → 1 November 2026; anything else,
    a month that does not exist or a year outside 2000–2100 → ``None``."""
    match = _MONTH.match((text or "").strip())
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12):
        return None
    if match[3] is not None:
        try:
            date(year, month, int(match[3]))
        except ValueError:
            return None
    return date(year, month, 1)
