"""What-if simulation: evaluate everyone under two parameter sets and compare (pure)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from fleksi.policy.domain.eligibility import ELIGIBILITY_RULES, EmployeeFacts
from fleksi.policy.domain.engine import Outcome
from fleksi.policy.domain.params import PolicyParams


@dataclass(frozen=True)
class Placement:
    """Where a person counts in the simulation's breakdowns."""

    perangkat_daerah_id: int
    kecamatan_id: int | None
    asn_type: str


@dataclass(frozen=True)
class Change:
    employee_id: int
    gains: bool  # True: becomes eligible; False: loses eligibility
    rules: tuple[str, ...]  # the rules whose outcome differs (failing in the stricter one)


@dataclass(frozen=True)
class Counts:
    total: int = 0
    before: int = 0
    after: int = 0


@dataclass(frozen=True)
class Capacity:
    headcount: int
    eligible_before: int
    eligible_after: int
    capacity_before: int
    capacity_after: int


@dataclass
class SimulationResult:
    by_perangkat_daerah: dict[int, Counts] = field(default_factory=dict)
    by_kecamatan: dict[int | None, Counts] = field(default_factory=dict)
    by_asn_type: dict[str, Counts] = field(default_factory=dict)
    changes: list[Change] = field(default_factory=list)
    capacity: dict[int, Capacity] = field(default_factory=dict)
    total: Counts = field(default_factory=Counts)
    rule_counts_after: Counter[str] = field(default_factory=Counter)


def failing_rules(facts: EmployeeFacts, params: PolicyParams) -> frozenset[str]:
    """The rules that refuse: the same checks as :func:`evaluate`, without building the
    trace (the simulation only counts, for every person of the regency)."""
    failing = []
    for rule in ELIGIBILITY_RULES:
        result = rule.check(facts, params)
        if result.outcome == Outcome.FAIL:
            failing.append(result.rule)
    return frozenset(failing)


def daily_capacity(headcount: int, eligible: int, share: float, min_onsite: int) -> int:
    """The most people of a unit that may be off-site on one day."""
    by_share = math.floor(share * headcount + 1e-9)
    return max(0, min(eligible, by_share, headcount - min_onsite))


def _bump(table: dict[Any, list[int]], key: object, before: bool, after: bool) -> None:
    c = table.get(key)
    if c is None:
        c = table[key] = [0, 0, 0]
    c[0] += 1
    c[1] += before
    c[2] += after


def _counts(table: dict[Any, list[int]]) -> dict[Any, Counts]:
    return {k: Counts(*v) for k, v in table.items()}


def simulate(
    people: Iterable[tuple[EmployeeFacts, EmployeeFacts, Placement]],
    *,
    before: PolicyParams | None,
    after: PolicyParams,
    share_before: Mapping[int, float] | None = None,
    share_after: Mapping[int, float] | None = None,
    min_onsite_before: Mapping[int, int] | None = None,
    min_onsite_after: Mapping[int, int] | None = None,
) -> SimulationResult:
    """Evaluate each person under ``before`` (None: no policy, nobody eligible) and
    ``after``; count per perangkat daerah, kecamatan and ASN type; list who changes and why;
    and each perangkat daerah's daily off-site capacity under both.

    Each person comes as (facts under ``before``, facts under ``after``, placement): the
    facts differ only when the versions classify positions differently.
    """
    result = SimulationResult()
    # Counted in lists, turned into Counts once at the end (two allocations per person
    # and table otherwise).
    by_pd: dict[Any, list[int]] = {}
    by_kec: dict[Any, list[int]] = {}
    by_asn: dict[Any, list[int]] = {}
    total = [0, 0, 0]
    for facts_b, facts, place in people:
        fail_b = failing_rules(facts_b, before) if before is not None else frozenset({"no_policy"})
        fail_a = failing_rules(facts, after)
        ok_b, ok_a = not fail_b, not fail_a
        _bump(by_pd, place.perangkat_daerah_id, ok_b, ok_a)
        _bump(by_kec, place.kecamatan_id, ok_b, ok_a)
        _bump(by_asn, place.asn_type, ok_b, ok_a)
        total[0] += 1
        total[1] += ok_b
        total[2] += ok_a
        result.rule_counts_after.update(fail_a)
        if ok_b != ok_a:
            rules = fail_b if ok_a else fail_a
            result.changes.append(Change(facts.employee_id, ok_a, tuple(sorted(rules))))
    result.by_perangkat_daerah = _counts(by_pd)
    result.by_kecamatan = _counts(by_kec)
    result.by_asn_type = _counts(by_asn)
    result.total = Counts(*total)
    for pd_id, counts in result.by_perangkat_daerah.items():
        sb = (share_before or {}).get(pd_id, before.default_max_offsite_share if before else 0.0)
        sa = (share_after or {}).get(pd_id, after.default_max_offsite_share)
        mb = (min_onsite_before or {}).get(pd_id, 0)
        ma = (min_onsite_after or {}).get(pd_id, 0)
        result.capacity[pd_id] = Capacity(
            headcount=counts.total,
            eligible_before=counts.before,
            eligible_after=counts.after,
            capacity_before=daily_capacity(counts.total, counts.before, sb, mb),
            capacity_after=daily_capacity(counts.total, counts.after, sa, ma),
        )
    return result
