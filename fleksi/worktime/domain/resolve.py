"""Whose schedule is which (pure Python): the patterns of one policy version, and the order in
which they apply to a person.

First match wins: the published roster's shift of the day → the person's own pattern → the
version's pattern for the person's ASN type (PPPK paruh waktu) → the nearest unit up the tree
with a pattern → the version's default → the built-in regency default (Perpres 21/2023).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from fleksi.worktime.domain.patterns import (
    DEFAULT_CODE,
    REGENCY_DEFAULT,
    CalendarDay,
    DaySchedule,
    Pattern,
    day_schedule,
    schedule_of_shift,
)


@dataclass(frozen=True)
class Plan:
    """The patterns of one version and who follows them (``version_id`` None: no version
    in force, the built-in default for everyone)."""

    version_id: int | None = None
    patterns: Mapping[str, Pattern] = field(default_factory=dict)
    default_code: str = DEFAULT_CODE
    by_asn: Mapping[str, str] = field(default_factory=dict)
    by_unit: Mapping[int, str] = field(default_factory=dict)

    def pattern(self, code: str) -> Pattern | None:
        found = self.patterns.get(code)
        if found is None and code == DEFAULT_CODE:
            return REGENCY_DEFAULT
        return found

    def base(self, unit_chain: Sequence[int], asn_type: str) -> tuple[Pattern, str]:
        """The pattern a person follows without a roster or a pattern of their own."""
        code = self.by_asn.get(asn_type)
        if code is not None and (p := self.patterns.get(code)) is not None:
            return p, "asn_type"
        for unit_id in reversed(unit_chain):
            code = self.by_unit.get(unit_id)
            if code is not None and (p := self.patterns.get(code)) is not None:
                return p, "unit"
        own_default = self.patterns.get(self.default_code)
        if own_default is not None:
            return own_default, "default"
        return REGENCY_DEFAULT, "builtin"


def unit_chain_of(path: str) -> tuple[int, ...]:
    """A materialised path ("12.345.") as unit ids, top first."""
    return tuple(int(part) for part in path.split(".") if part)


@dataclass(frozen=True)
class Personal:
    code: str
    offset: int = 0


@dataclass(frozen=True)
class RosterShift:
    pattern_code: str
    shift_code: str  # "" : a day off in the roster


def resolve(
    plan: Plan,
    day: date,
    cal: CalendarDay,
    *,
    unit_chain: Sequence[int],
    asn_type: str,
    personal: Personal | None = None,
    roster: RosterShift | None = None,
) -> DaySchedule | None:
    """The schedule of one person on ``day`` (None: a day off)."""
    if roster is not None:
        if not roster.shift_code:
            return None
        pattern = plan.pattern(roster.pattern_code)
        if pattern is not None:
            found = schedule_of_shift(pattern, day, roster.shift_code, "roster")
            if found is not None:
                return found
    if personal is not None:
        pattern = plan.pattern(personal.code)
        if pattern is not None:
            return day_schedule(pattern, day, cal, offset=personal.offset, source="person")
    pattern, source = plan.base(unit_chain, asn_type)
    return day_schedule(pattern, day, cal, source=source)
