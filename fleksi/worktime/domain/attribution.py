"""Which day a check-in belongs to, and how late or early it is (pure Python).

A night shift that starts at 21:00 ends at 07:00 the next morning: its check-out is made on
the next date but belongs to the shift's day. A check-in is matched against the schedules of
the day before, the day itself and the day after:

- an **arrival** belongs to the schedule whose start is nearest, among those it falls in
  (from ``ARRIVAL_BEFORE`` before the start until the end);
- a **departure** belongs to the schedule whose end is nearest, among those it falls in
  (from the start until ``DEPARTURE_AFTER`` after the end);
- a check-in in the middle of a day (a four-check-in day) belongs to the schedule it falls in;
- with no such schedule, to its calendar date.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from fleksi.worktime.domain.patterns import DaySchedule

ARRIVAL_BEFORE = timedelta(hours=3)
DEPARTURE_AFTER = timedelta(hours=6)


def _minute(dt: datetime) -> datetime:
    return dt.replace(second=0, microsecond=0)


def attribute(
    at: datetime, kind: str, candidates: Iterable[DaySchedule | None]
) -> tuple[date, DaySchedule | None]:
    """The day ``at`` (naive local) belongs to, and that day's schedule (None: a day off).

    ``kind`` is ``arrival``, ``departure`` or ``middle``; ``candidates`` the schedules of the
    day before, of the date of ``at`` and of the day after (None where a day is off)."""
    scheds = [s for s in candidates if s is not None]
    best: tuple[timedelta, DaySchedule] | None = None
    for s in scheds:
        if kind == "arrival":
            inside = s.start - ARRIVAL_BEFORE <= at <= s.end
            gap = abs(at - s.start)
        elif kind == "departure":
            inside = s.start <= at <= s.end + DEPARTURE_AFTER
            gap = abs(s.end - at)
        else:
            inside = s.start <= at <= s.end
            gap = abs(at - s.start)
        if inside and (best is None or gap < best[0]):
            best = (gap, s)
    if best is not None:
        return best[1].day, best[1]
    today = at.date()
    own = next((s for s in scheds if s.day == today), None)
    return today, own


def late_minutes(schedule: DaySchedule, arrived: datetime) -> int:
    """Minutes after the start (after the end of the band for a flexible start), to the
    minute: 07:30:59 is on time for 07:30, 07:31 is one minute late."""
    late = (_minute(arrived) - schedule.latest_start).total_seconds() // 60
    return max(0, int(late))


def early_minutes(schedule: DaySchedule, left: datetime, arrived: datetime | None = None) -> int:
    """Minutes before the end (with a flexible start: the actual start plus the day's hours).
    15:59 is one minute early for 16:00."""
    end = schedule.expected_end(_minute(arrived) if arrived else None)
    early = (end - _minute(left)).total_seconds() // 60
    return max(0, int(early))
