"""Working days and hours: Monday–Friday, minus national holidays and cuti bersama (the
``holidays`` package, Indonesia, categories ``public`` and ``government``), with local
overrides, Ramadan hours and accepted national WFA windows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, time, timedelta

import holidays as holidays_lib

WORKING_WEEKDAYS = frozenset({0, 1, 2, 3, 4})

# Perpres 21/2023: 37.5 h a week net from 07:30 with a 60 min break (90 min on Friday);
# Ramadan 32.5 h from 08:00.
NORMAL_HOURS: Mapping[int, tuple[time, time]] = {
    0: (time(7, 30), time(16, 0)),
    1: (time(7, 30), time(16, 0)),
    2: (time(7, 30), time(16, 0)),
    3: (time(7, 30), time(16, 0)),
    4: (time(7, 30), time(16, 30)),
}
RAMADAN_HOURS: Mapping[int, tuple[time, time]] = {
    0: (time(8, 0), time(15, 0)),
    1: (time(8, 0), time(15, 0)),
    2: (time(8, 0), time(15, 0)),
    3: (time(8, 0), time(15, 0)),
    4: (time(8, 0), time(15, 30)),
}


def national_holidays(years: Iterable[int]) -> dict[date, str]:
    """Indonesian public holidays and cuti bersama for the given years, named in Indonesian
    (as the SKB names them), whatever the server's locale."""
    found = holidays_lib.country_holidays(
        "ID", years=sorted(set(years)), categories=("public", "government"), language="id"
    )
    return {day: str(name) for day, name in found.items()}


@dataclass(frozen=True)
class WorkCalendar:
    holidays: Mapping[date, str] = field(default_factory=dict)
    extra_working_days: frozenset[date] = frozenset()
    ramadan: tuple[tuple[date, date], ...] = ()
    accepted_wfa_windows: tuple[tuple[date, date, str], ...] = ()

    def is_working_day(self, day: date) -> bool:
        if day in self.extra_working_days:
            return True
        return day.weekday() in WORKING_WEEKDAYS and day not in self.holidays

    def holiday_name(self, day: date) -> str | None:
        return None if day in self.extra_working_days else self.holidays.get(day)

    def is_ramadan(self, day: date) -> bool:
        return any(start <= day <= end for start, end in self.ramadan)

    def hours(self, day: date) -> tuple[time, time] | None:
        if not self.is_working_day(day):
            return None
        table = RAMADAN_HOURS if self.is_ramadan(day) else NORMAL_HOURS
        return table.get(day.weekday(), table[0])

    def wfa_window(self, day: date) -> str | None:
        for start, end, name in self.accepted_wfa_windows:
            if start <= day <= end:
                return name
        return None

    def working_days(self, start: date, end: date) -> list[date]:
        days, day = [], start
        while day <= end:
            if self.is_working_day(day):
                days.append(day)
            day += timedelta(days=1)
        return days

    def add_working_days(self, start: date, n: int) -> date:
        """The ``n``-th working day after ``start`` (``n`` = 0: ``start`` itself)."""
        day, counted = start, 0
        while counted < n:
            day += timedelta(days=1)
            if self.is_working_day(day):
                counted += 1
        return day
