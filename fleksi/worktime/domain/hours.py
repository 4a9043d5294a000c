"""Hours worked against a flexible pattern's weekly hours (pure Python).

PermenPANRB 4/2025 Pasal 17 allows flexibility by time: a start within a band, as long as the
day's or the week's hours are met. Where the Perbup sets weekly hours on a pattern (37.5 h),
a week is **short** when the hours worked (arrival to departure, minus the break) are fewer
than needed. A week with holidays or leave needs less: the need is the smaller of the weekly
hours and the net hours of the week's own working days.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from fleksi.worktime.domain.patterns import DaySchedule


def worked_minutes(schedule: DaySchedule, arrived: datetime | None, left: datetime | None) -> int:
    """Minutes worked on one day (the break taken off); 0 without both check-ins."""
    if arrived is None or left is None or left <= arrived:
        return 0
    gross = int((left - arrived).total_seconds() // 60)
    return max(0, gross - schedule.break_minutes)


@dataclass(frozen=True)
class WeekHours:
    week: date  # its Monday
    needed: int  # minutes
    worked: int  # minutes

    @property
    def short(self) -> int:
        return max(0, self.needed - self.worked)


def week_hours(
    weekly_minutes: int, days: Iterable[tuple[DaySchedule, datetime | None, datetime | None]]
) -> WeekHours:
    """One week: ``days`` are its working days with the arrival and departure (local)."""
    scheduled = worked = 0
    monday: date | None = None
    for schedule, arrived, left in days:
        scheduled += schedule.net_minutes
        worked += worked_minutes(schedule, arrived, left)
        d = schedule.day
        monday = monday or date.fromordinal(d.toordinal() - d.weekday())
    return WeekHours(monday or date.min, min(weekly_minutes, scheduled), worked)
