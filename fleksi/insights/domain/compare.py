"""Before vs after the adoption of WFA (PermenPANRB 4/2025 Pasal 35: tiered monitoring compares
performance, discipline and infrastructure readiness before and after). Pure.

A month belongs to **before** when it ends before the month in which WFA started, to **after**
from that month on (the month of the start counts as after: WFA was in use in it). The figures
of each side are the sums of its months, and each indicator is the ratio of those sums — a
month with many people weighs more than a month with few.

A change counts as **better** or **worse** only when it is larger than the indicator's
``same_within`` (a point or two of a percentage); otherwise it is "about the same".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from fleksi.insights.domain.figures import INDICATORS, Figures, value_of

BETTER, WORSE, SAME, UNKNOWN = "better", "worse", "same", "unknown"


@dataclass(frozen=True)
class Sides:
    before: Figures
    after: Figures
    months_before: tuple[date, ...]
    months_after: tuple[date, ...]


@dataclass(frozen=True)
class Change:
    key: str
    before: float | None
    after: float | None
    verdict: str  # better | worse | same | unknown ("" when no direction is better)

    @property
    def delta(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return round(self.after - self.before, 1)


def is_after(month: date, start: date | None) -> bool:
    """Whether ``month`` (its first day) counts as after the WFA start."""
    return start is not None and month >= start.replace(day=1)


def split(monthly: Iterable[tuple[date, Figures]], start: date | None) -> Sides:
    before, after = Figures(), Figures()
    mb: list[date] = []
    ma: list[date] = []
    for month, figures in sorted(monthly, key=lambda item: item[0]):
        if is_after(month, start):
            after, ma = after + figures, [*ma, month]
        else:
            before, mb = before + figures, [*mb, month]
    return Sides(before, after, tuple(mb), tuple(ma))


def verdict(key: str, before: float | None, after: float | None) -> str:
    indicator = INDICATORS[key]
    if before is None or after is None:
        return UNKNOWN
    if not indicator.better:
        return ""
    delta = after - before
    if abs(delta) < indicator.same_within:
        return SAME
    up_is_good = indicator.better == "higher"
    return BETTER if (delta > 0) == up_is_good else WORSE


def compare(sides: Sides, keys: Sequence[str]) -> list[Change]:
    out = []
    for key in keys:
        b = value_of(sides.before, key) if sides.months_before else None
        a = value_of(sides.after, key) if sides.months_after else None
        out.append(Change(key, b, a, verdict(key, b, a)))
    return out
