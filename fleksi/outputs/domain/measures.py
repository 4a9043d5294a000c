"""The output measures (pure): planned vs delivered, on time, quality, unreported days.

The rules, shown on the pages and in ``docs/outputs.md``:

- **Achievement** of a planned output = delivered ÷ target, **capped at 100 %** (delivering
  twice as much of one output does not hide a missed one). The achievement of a person, unit
  or period is the **mean over planned outputs** (every output counts once, whatever its
  unit of measure: quantities of different units are never added).
- **Delivered** counts reports that were accepted or still await verification (a
  supervisor's delay never counts against the employee); returned and rejected reports
  count 0 until they are accepted.
- Reports without a planned output (unplanned work) are counted, but have no target.
- **On time** = share of reports made by their deadline; **quality** = mean score (0–100)
  of accepted reports.
- **Unreported WFA days** = approved WFA days whose report deadline has passed without any
  report for that day.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

WFA, ONSITE = "wfa", "onsite"
MODES = (WFA, ONSITE)
DELIVERED_STATUSES = frozenset({"accepted", "submitted"})


@dataclass(frozen=True)
class PlannedFact:
    employee_id: int
    day: date
    mode: str
    target: Decimal
    delivered: Decimal  # quantity of the report if it counts as delivered, else 0

    @property
    def ratio(self) -> float:
        return min(float(self.delivered / self.target), 1.0) if self.target > 0 else 0.0


@dataclass(frozen=True)
class ReportFact:
    employee_id: int
    day: date
    mode: str
    late: bool
    status: str  # submitted | accepted | returned | rejected
    quality: int | None
    planned: bool  # against a planned output (else unplanned work)
    overdue: bool = False  # waiting for verification past its deadline


@dataclass
class Tally:
    """Totals that add up across people and days (so units are sums of people)."""

    outputs: int = 0
    ratio_sum: float = 0.0
    delivered_full: int = 0  # outputs delivered in full
    reports: int = 0
    unplanned: int = 0
    on_time: int = 0
    quality_sum: int = 0
    quality_n: int = 0
    awaiting: int = 0
    overdue: int = 0
    returned: int = 0
    rejected: int = 0
    wfa_days: int = 0
    unreported_days: int = 0

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def achievement_pct(self) -> float | None:
        return round(100 * self.ratio_sum / self.outputs, 1) if self.outputs else None

    @property
    def on_time_pct(self) -> float | None:
        return round(100 * self.on_time / self.reports, 1) if self.reports else None

    @property
    def quality_mean(self) -> float | None:
        return round(self.quality_sum / self.quality_n, 1) if self.quality_n else None


@dataclass
class PersonMeasures:
    employee_id: int
    total: Tally = field(default_factory=Tally)
    by_mode: dict[str, Tally] = field(default_factory=lambda: {m: Tally() for m in MODES})

    @property
    def has_both_modes(self) -> bool:
        return all(self.by_mode[m].outputs > 0 for m in MODES)


def _count_planned(t: Tally, p: PlannedFact) -> None:
    t.outputs += 1
    t.ratio_sum += p.ratio
    t.delivered_full += 1 if p.ratio >= 1.0 else 0


def _count_report(t: Tally, r: ReportFact) -> None:
    t.reports += 1
    t.unplanned += 0 if r.planned else 1
    t.on_time += 0 if r.late else 1
    if r.status == "accepted" and r.quality is not None:
        t.quality_sum += r.quality
        t.quality_n += 1
    t.awaiting += 1 if r.status == "submitted" else 0
    t.overdue += 1 if r.overdue else 0
    t.returned += 1 if r.status == "returned" else 0
    t.rejected += 1 if r.status == "rejected" else 0


def person_measures(
    employee_ids: Iterable[int],
    planned: Iterable[PlannedFact],
    reports: Iterable[ReportFact],
    wfa_days: Iterable[tuple[int, date]],
    unreported: Iterable[tuple[int, date]],
) -> dict[int, PersonMeasures]:
    """Measures per employee from the facts of one period."""
    out = {e: PersonMeasures(e) for e in employee_ids}
    for p in planned:
        m = out.setdefault(p.employee_id, PersonMeasures(p.employee_id))
        _count_planned(m.total, p)
        _count_planned(m.by_mode[p.mode], p)
    for r in reports:
        m = out.setdefault(r.employee_id, PersonMeasures(r.employee_id))
        _count_report(m.total, r)
        _count_report(m.by_mode[r.mode], r)
    for emp, _day in wfa_days:
        m = out.setdefault(emp, PersonMeasures(emp))
        m.total.wfa_days += 1
        m.by_mode[WFA].wfa_days += 1
    for emp, _day in unreported:
        m = out.setdefault(emp, PersonMeasures(emp))
        m.total.unreported_days += 1
        m.by_mode[WFA].unreported_days += 1
    return out


@dataclass
class GroupMeasures:
    """A unit (or any group of people): the sum of its people, and the WFA vs on-site
    comparison restricted to the people who have planned outputs in both."""

    people: int
    total: Tally
    same_people: int
    by_mode_same_people: dict[str, Tally]


def group_measures(people: Iterable[PersonMeasures]) -> GroupMeasures:
    total = Tally()
    compared = {m: Tally() for m in MODES}
    n = same = 0
    for person in people:
        n += 1
        total.add(person.total)
        if person.has_both_modes:
            same += 1
            for mode in MODES:
                compared[mode].add(person.by_mode[mode])
    return GroupMeasures(n, total, same, compared)
