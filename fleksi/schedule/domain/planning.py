"""Expanding a plan into days: single days, a date range, or a weekly pattern (for example
every Tuesday and Thursday of a month). Only working days are kept; the caller says which
days are working days (the regency's calendar) through a predicate.

Pure Python: the pages and the API turn the user's input into a :class:`PlanSpec`, the
schedule's selectors supply ``is_working_day`` from the work calendar.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

MAX_SPAN_DAYS = 92  # the longest range or pattern one plan may cover


class PlanMode(StrEnum):
    DAYS = "days"  # single days, listed
    RANGE = "range"  # every working day from start to end
    WEEKLY = "weekly"  # the chosen weekdays between start and end (or in a month)


class PlanError(ValueError):
    """A plan that cannot be expanded; ``code`` is stable, the text is the caller's."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class PlanSpec:
    mode: PlanMode
    days: tuple[date, ...] = ()
    start: date | None = None
    end: date | None = None
    weekdays: frozenset[int] = frozenset()  # 0 = Monday … 6 = Sunday


@dataclass(frozen=True)
class PlanDays:
    days: tuple[date, ...]  # working days, sorted, no repeats
    skipped: tuple[date, ...] = field(default=())  # asked for, but not working days


def month_bounds(year: int, month: int) -> tuple[date, date]:
    """The first and the last day of a month."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _span(start: date | None, end: date | None) -> tuple[date, date]:
    if start is None or end is None:
        raise PlanError("range_missing")
    if end < start:
        raise PlanError("range_reversed")
    if (end - start).days + 1 > MAX_SPAN_DAYS:
        raise PlanError("range_too_long")
    return start, end


def _each_day(start: date, end: date) -> Iterable[date]:
    for offset in range((end - start).days + 1):
        yield start + timedelta(days=offset)


def _keep_working(candidates: Iterable[date], is_working_day: Callable[[date], bool]) -> PlanDays:
    unique = sorted(set(candidates))
    kept = tuple(d for d in unique if is_working_day(d))
    skipped = tuple(d for d in unique if not is_working_day(d))
    return PlanDays(kept, skipped)


def single_days(days: Iterable[date], is_working_day: Callable[[date], bool]) -> PlanDays:
    listed = list(days)
    if not listed:
        raise PlanError("no_days")
    return _keep_working(listed, is_working_day)


def date_range(start: date, end: date, is_working_day: Callable[[date], bool]) -> PlanDays:
    """Every working day from ``start`` to ``end`` (weekends and holidays are not
    reported as skipped: nobody asked for them one by one)."""
    lo, hi = _span(start, end)
    return PlanDays(tuple(d for d in _each_day(lo, hi) if is_working_day(d)))


def weekly_pattern(
    weekdays: Iterable[int], start: date, end: date, is_working_day: Callable[[date], bool]
) -> PlanDays:
    """The chosen weekdays between ``start`` and ``end``; a chosen weekday that falls on a
    holiday is reported as skipped."""
    wanted = frozenset(weekdays)
    if not wanted:
        raise PlanError("no_weekdays")
    if not wanted <= set(range(7)):
        raise PlanError("bad_weekday")
    lo, hi = _span(start, end)
    return _keep_working((d for d in _each_day(lo, hi) if d.weekday() in wanted), is_working_day)


def expand_plan(spec: PlanSpec, *, is_working_day: Callable[[date], bool]) -> PlanDays:
    """The working days of a plan, sorted."""
    if spec.mode == PlanMode.DAYS:
        return single_days(spec.days, is_working_day)
    if spec.start is None or spec.end is None:
        raise PlanError("range_missing")
    if spec.mode == PlanMode.RANGE:
        return date_range(spec.start, spec.end, is_working_day)
    return weekly_pattern(spec.weekdays, spec.start, spec.end, is_working_day)


def plan_bounds(spec: PlanSpec) -> tuple[date, date] | None:
    """The first and last day a plan can touch (to load the calendar once)."""
    if spec.mode == PlanMode.DAYS:
        return (min(spec.days), max(spec.days)) if spec.days else None
    if spec.start is None or spec.end is None or spec.end < spec.start:
        return None
    return spec.start, spec.end
