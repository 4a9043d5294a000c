"""A change of the TPP rules on the whole regency (pure): the month computed under the
version in force and under a draft, from the same facts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from fleksi.policy.domain.params import PolicyParams
from fleksi.tpp.domain.compute import Facts, Result, compute


@dataclass(frozen=True)
class Change:
    employee_id: int
    before: Result
    after: Result

    @property
    def delta(self) -> int:
        return self.after.total - self.before.total


@dataclass(frozen=True)
class Simulation:
    people: int
    total_before: int  # the sum of everyone's total (basis points of one full TPP)
    total_after: int
    lower: int  # people paid less under the draft
    higher: int  # people paid more
    changes: tuple[Change, ...]  # everyone affected, largest change first

    @property
    def affected(self) -> int:
        return len(self.changes)

    @property
    def mean_before(self) -> int:
        return self.total_before // self.people if self.people else 0

    @property
    def mean_after(self) -> int:
        return self.total_after // self.people if self.people else 0


def simulate(facts: Sequence[Facts], before: PolicyParams, after: PolicyParams) -> Simulation:
    total_before = total_after = lower = higher = 0
    changes: list[Change] = []
    for f in facts:
        a, b = compute(f, before), compute(f, after)
        total_before += a.total
        total_after += b.total
        if a.total != b.total:
            changes.append(Change(f.employee_id, a, b))
            lower += b.total < a.total
            higher += b.total > a.total
    changes.sort(key=lambda c: (-abs(c.delta), c.employee_id))
    return Simulation(len(facts), total_before, total_after, lower, higher, tuple(changes))
