"""Who is where on a day, counted per unit subtree (pure Python).

A person is *absent* (leave, sick, official travel) before anything else, then *on WFA*
when an approved WFA day exists, else *on site*. A unit's counts include every unit below
it (units are identified by their materialised path, ``"13.124.425."``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Presence(StrEnum):
    ONSITE = "onsite"
    WFA = "wfa"
    ABSENT = "absent"


def presence_of(*, absent: bool, wfa: bool) -> Presence:
    if absent:
        return Presence.ABSENT
    return Presence.WFA if wfa else Presence.ONSITE


@dataclass(frozen=True)
class Tally:
    people: int = 0
    onsite: int = 0
    wfa: int = 0
    absent: int = 0

    def add(self, presence: Presence) -> Tally:
        return Tally(
            self.people + 1,
            self.onsite + (presence == Presence.ONSITE),
            self.wfa + (presence == Presence.WFA),
            self.absent + (presence == Presence.ABSENT),
        )

    @property
    def expected(self) -> int:
        """People expected at work (on site or on WFA)."""
        return self.people - self.absent


def ancestors_of(path: str) -> list[str]:
    """``"1.2.3."`` → ``["1.", "1.2.", "1.2.3."]``."""
    parts = [p for p in path.split(".") if p]
    return [".".join(parts[: i + 1]) + "." for i in range(len(parts))]


def tally_by_unit(
    unit_paths: Iterable[str], people: Iterable[tuple[str, Presence]]
) -> dict[str, Tally]:
    """Counts per unit path: every person counts in their unit and each unit above it that
    is among ``unit_paths``."""
    result = {p: Tally() for p in unit_paths}
    for path, presence in people:
        for prefix in ancestors_of(path):
            if prefix in result:
                result[prefix] = result[prefix].add(presence)
    return result


def shortfall(onsite: int, minimum: int | None) -> int:
    """How many people are missing on site against the minimum (0 when none is missing)."""
    if minimum is None:
        return 0
    return max(0, minimum - onsite)
