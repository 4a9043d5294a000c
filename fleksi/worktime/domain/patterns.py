"""Work patterns and the schedule of one day (pure Python).

A **pattern** is how a group of people works: a week (the regency default, a six-day school
week, part-time hours), a cycle of shifts (morning / afternoon / night, 24-hour duty with rest
days) anchored on a date, or shifts planned in a monthly duty roster. A **shift** starts at a
local time and lasts some minutes — a night shift crosses midnight, a 24-hour duty ends at the
same time the next day. The schedule of one day (:class:`DaySchedule`) is a window of naive
local datetimes, so a night shift's end is on the next date.

Definitions are stored as JSON on the pattern (``parse_definition`` checks them)::

    {"kind": "weekly", "holidays_apply": true, "ramadan_applies": true,
     "shifts": {"reg": {"start": "07:30", "end": "16:00", "break": 60}, ...},
     "week": {"mon": "reg", ..., "fri": "fri"}, "ramadan_week": {"mon": "ram", ...},
     "flex_minutes": 90, "weekly_hours": 37.5}
    {"kind": "cycle", "holidays_apply": false, "anchor": "2026-01-05",
     "shifts": {"D24": {"start": "08:00", "end": "08:00"}}, "cycle": ["D24", null, null]}
    {"kind": "roster", "holidays_apply": false, "shifts": {"P": ..., "S": ..., "M": ...}}
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

KINDS = ("weekly", "cycle", "roster")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
SOURCES = ("roster", "person", "asn_type", "unit", "default", "builtin")
MAX_CYCLE = 56
MAX_SHIFTS = 12
DEFAULT_CODE = "default"


@dataclass(frozen=True)
class Shift:
    code: str
    start: time
    minutes: int  # from start to end; may cross midnight (1440: a 24-hour duty)
    break_minutes: int = 0

    @property
    def end(self) -> time:
        return (
            datetime.combine(date(2000, 1, 3), self.start) + timedelta(minutes=self.minutes)
        ).time()

    @property
    def crosses_midnight(self) -> bool:
        return self.start.hour * 60 + self.start.minute + self.minutes > 1440


@dataclass(frozen=True)
class Pattern:
    code: str
    kind: str  # weekly | cycle | roster
    shifts: Mapping[str, Shift]
    week: Mapping[int, str] = field(default_factory=dict)  # weekday -> shift code
    ramadan_week: Mapping[int, str] = field(default_factory=dict)
    cycle: tuple[str | None, ...] = ()
    anchor: date | None = None
    holidays_apply: bool = True
    ramadan_applies: bool = True
    flex_minutes: int = 0  # the start may be this much later than the shift's start
    weekly_minutes: int | None = None  # net minutes a week, checked where the Perbup uses it

    def shift_code_on(self, day: date, *, offset: int = 0, ramadan: bool = False) -> str | None:
        """The shift of ``day`` by the pattern alone (no calendar); None: a day off."""
        if self.kind == "weekly":
            week = (
                self.ramadan_week
                if (ramadan and self.ramadan_applies and self.ramadan_week)
                else self.week
            )
            return week.get(day.weekday())
        if self.kind == "cycle" and self.cycle and self.anchor is not None:
            return self.cycle[((day - self.anchor).days + offset) % len(self.cycle)]
        return None

    def extra_day_shift(self, ramadan: bool) -> str | None:
        """The shift of a weekend day the calendar makes a working day (the first weekday's)."""
        week = (
            self.ramadan_week
            if (ramadan and self.ramadan_applies and self.ramadan_week)
            else self.week
        )
        for weekday in range(7):
            if weekday in week:
                return week[weekday]
        return None


@dataclass(frozen=True)
class DaySchedule:
    """The working window of one person on one day (naive local datetimes)."""

    day: date
    pattern: str
    shift: str
    start: datetime
    end: datetime
    break_minutes: int = 0
    flex_minutes: int = 0
    source: str = "builtin"

    @property
    def latest_start(self) -> datetime:
        return self.start + timedelta(minutes=self.flex_minutes)

    @property
    def gross_minutes(self) -> int:
        return int((self.end - self.start).total_seconds() // 60)

    @property
    def net_minutes(self) -> int:
        return self.gross_minutes - self.break_minutes

    def expected_end(self, arrived: datetime | None) -> datetime:
        """With a flexible start the day's hours count from the actual start (within the
        band); otherwise the fixed end."""
        if not self.flex_minutes or arrived is None:
            return self.end
        began = min(max(arrived, self.start), self.latest_start)
        return began + (self.end - self.start)

    def with_source(self, source: str) -> DaySchedule:
        return DaySchedule(
            self.day,
            self.pattern,
            self.shift,
            self.start,
            self.end,
            self.break_minutes,
            self.flex_minutes,
            source,
        )


@dataclass(frozen=True)
class CalendarDay:
    """What the calendar says of a date (from ``policy.domain.calendar.WorkCalendar``)."""

    holiday: bool = False  # a national holiday, cuti bersama or a local holiday
    extra_working: bool = False  # a weekend day made a working day
    ramadan: bool = False


def window(day: date, shift: Shift) -> tuple[datetime, datetime]:
    start = datetime.combine(day, shift.start)
    return start, start + timedelta(minutes=shift.minutes)


def schedule_of_shift(pattern: Pattern, day: date, code: str, source: str) -> DaySchedule | None:
    shift = pattern.shifts.get(code)
    if shift is None:
        return None
    start, end = window(day, shift)
    return DaySchedule(
        day, pattern.code, code, start, end, shift.break_minutes, pattern.flex_minutes, source
    )


def day_schedule(
    pattern: Pattern, day: date, cal: CalendarDay, *, offset: int = 0, source: str = "unit"
) -> DaySchedule | None:
    """The schedule ``pattern`` gives on ``day`` (None: a day off). Roster patterns give
    nothing here: their days come from the published roster."""
    if pattern.kind == "roster":
        return None
    if pattern.holidays_apply and cal.holiday and not cal.extra_working:
        return None
    code = pattern.shift_code_on(day, offset=offset, ramadan=cal.ramadan)
    if code is None and pattern.kind == "weekly" and pattern.holidays_apply and cal.extra_working:
        code = pattern.extra_day_shift(cal.ramadan)
    if code is None:
        return None
    return schedule_of_shift(pattern, day, code, source)


# --- parsing and checking a stored definition ------------------------------------------------


def _parse_time(text: Any) -> time | None:
    if not isinstance(text, str) or len(text) != 5 or text[2] != ":":
        return None
    try:
        h, m = int(text[:2]), int(text[3:])
    except ValueError:
        return None
    if not (0 <= h <= 23 and 0 <= m <= 59):
        return None
    return time(h, m)


def _minutes_between(start: time, end: time) -> int:
    """End at or before the start: the next day (equal: a 24-hour duty)."""
    s, e = start.hour * 60 + start.minute, end.hour * 60 + end.minute
    return e - s if e > s else e - s + 1440


@dataclass(frozen=True)
class Problem:
    where: str
    code: str  # kind | shifts | time | break | week | cycle | anchor | flex | hours


def _parse_shifts(raw: Any, problems: list[Problem]) -> dict[str, Shift]:
    shifts: dict[str, Shift] = {}
    if not isinstance(raw, dict) or not raw or len(raw) > MAX_SHIFTS:
        problems.append(Problem("shifts", "shifts"))
        return shifts
    for code, spec in raw.items():
        where = f"shifts.{code}"
        if not isinstance(code, str) or not 1 <= len(code) <= 10 or not isinstance(spec, dict):
            problems.append(Problem(where, "shifts"))
            continue
        start, end = _parse_time(spec.get("start")), _parse_time(spec.get("end"))
        if start is None or end is None:
            problems.append(Problem(where, "time"))
            continue
        brk = spec.get("break", 0)
        minutes = _minutes_between(start, end)
        if not isinstance(brk, int) or isinstance(brk, bool) or not 0 <= brk < minutes:
            problems.append(Problem(where, "break"))
            continue
        shifts[code] = Shift(code, start, minutes, brk)
    return shifts


def _parse_week(
    raw: Any, shifts: Mapping[str, Shift], where: str, problems: list[Problem]
) -> dict[int, str]:
    week: dict[int, str] = {}
    if raw is None:
        return week
    if not isinstance(raw, dict):
        problems.append(Problem(where, "week"))
        return week
    for name, code in raw.items():
        if name not in WEEKDAYS or (code is not None and code not in shifts):
            problems.append(Problem(f"{where}.{name}", "week"))
        elif code is not None:
            week[WEEKDAYS.index(name)] = code
    return week


def parse_definition(code: str, raw: Any) -> Pattern | list[Problem]:
    """A stored definition as a :class:`Pattern`, or what is wrong with it."""
    problems: list[Problem] = []
    if not isinstance(raw, dict) or raw.get("kind") not in KINDS:
        return [Problem("kind", "kind")]
    kind = raw["kind"]
    shifts = _parse_shifts(raw.get("shifts"), problems)
    week = _parse_week(raw.get("week"), shifts, "week", problems)
    ramadan_week = _parse_week(raw.get("ramadan_week"), shifts, "ramadan_week", problems)
    if kind == "weekly" and not week and not problems:
        problems.append(Problem("week", "week"))
    cycle: tuple[str | None, ...] = ()
    anchor: date | None = None
    if kind == "cycle":
        raw_cycle = raw.get("cycle")
        if (
            not isinstance(raw_cycle, list)
            or not 1 <= len(raw_cycle) <= MAX_CYCLE
            or any(c is not None and c not in shifts for c in raw_cycle)
            or all(c is None for c in raw_cycle)
        ):
            problems.append(Problem("cycle", "cycle"))
        else:
            cycle = tuple(raw_cycle)
        try:
            anchor = date.fromisoformat(str(raw.get("anchor")))
        except ValueError:
            problems.append(Problem("anchor", "anchor"))
    flex = raw.get("flex_minutes", 0)
    if not isinstance(flex, int) or isinstance(flex, bool) or not 0 <= flex <= 240:
        problems.append(Problem("flex_minutes", "flex"))
        flex = 0
    weekly_hours = raw.get("weekly_hours")
    weekly_minutes: int | None = None
    if weekly_hours is not None:
        if (
            not isinstance(weekly_hours, int | float)
            or isinstance(weekly_hours, bool)
            or not 1 <= weekly_hours <= 80
        ):
            problems.append(Problem("weekly_hours", "hours"))
        else:
            weekly_minutes = round(weekly_hours * 60)
    if problems:
        return problems
    return Pattern(
        code=code,
        kind=kind,
        shifts=shifts,
        week=week,
        ramadan_week=ramadan_week,
        cycle=cycle,
        anchor=anchor,
        holidays_apply=bool(raw.get("holidays_apply", kind == "weekly")),
        ramadan_applies=bool(raw.get("ramadan_applies", True)),
        flex_minutes=flex,
        weekly_minutes=weekly_minutes,
    )


def definition_of(pattern: Pattern) -> dict[str, Any]:
    """The JSON form of a pattern (``parse_definition`` reads it back)."""
    out: dict[str, Any] = {
        "kind": pattern.kind,
        "holidays_apply": pattern.holidays_apply,
        "ramadan_applies": pattern.ramadan_applies,
        "shifts": {
            s.code: {
                "start": s.start.strftime("%H:%M"),
                "end": s.end.strftime("%H:%M"),
                "break": s.break_minutes,
            }
            for s in pattern.shifts.values()
        },
    }
    if pattern.week:
        out["week"] = {WEEKDAYS[d]: c for d, c in sorted(pattern.week.items())}
    if pattern.ramadan_week:
        out["ramadan_week"] = {WEEKDAYS[d]: c for d, c in sorted(pattern.ramadan_week.items())}
    if pattern.kind == "cycle":
        out["cycle"] = list(pattern.cycle)
        out["anchor"] = pattern.anchor.isoformat() if pattern.anchor else None
    if pattern.flex_minutes:
        out["flex_minutes"] = pattern.flex_minutes
    if pattern.weekly_minutes:
        out["weekly_hours"] = pattern.weekly_minutes / 60
    return out


# --- the built-in regency default (Perpres 21/2023) ----------------------------------------


def _shift(code: str, start: str, end: str, brk: int) -> Shift:
    s, e = time.fromisoformat(start), time.fromisoformat(end)
    return Shift(code, s, _minutes_between(s, e), brk)


REGENCY_DEFAULT = Pattern(
    code=DEFAULT_CODE,
    kind="weekly",
    shifts={
        "reg": _shift("reg", "07:30", "16:00", 60),
        "fri": _shift("fri", "07:30", "16:30", 90),
        "ram": _shift("ram", "08:00", "15:00", 30),
        "ram_fri": _shift("ram_fri", "08:00", "15:30", 60),
    },
    week={0: "reg", 1: "reg", 2: "reg", 3: "reg", 4: "fri"},
    ramadan_week={0: "ram", 1: "ram", 2: "ram", 3: "ram", 4: "ram_fri"},
    weekly_minutes=2250,
)
