"""Facts derived once from a :class:`RosterProblem`: daily quotas, the free cells the solver
decides, the room left under each limit, the peer groups of fairness, the WFA days owed under
the policy's minimum, and every employee's water-filled share.

Cells are addressed by index: ``i`` into ``problem.employees``, ``j`` into ``problem.days``.

**Peer groups.** Fairness compares each person's WFA days over the rolling window
(``base`` = prior WFA days + fixed WFA days of the month, plus the days the roster adds) with
the level of their comparable colleagues (``peer_group_of``); ``peers`` lists the groups of at
least two eligible people.

**Water-filled share.** The WFA days the unit can give are shared by max-min fair
water-filling over the rolling window (``fairshare.py``). It is no longer in the objective: it
sizes the proposed weekly patterns and guides the greedy start (``band``).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from fleksi.roster.domain.fairshare import fair_shares
from fleksi.roster.domain.patterns import propose_patterns
from fleksi.roster.domain.problem import (
    ABSENT,
    WFA,
    IsoWeek,
    RosterProblem,
    eligible,
    iso_week,
    peer_group_of,
    wfa_minimum,
)

EPS = 1e-9
SCALE = 10  # tenths of a day, as in evaluate.SCALE


@dataclass(frozen=True)
class Coverage:
    """One group minimum on one day, after the fixed decisions."""

    group: str
    j: int
    minimum: int
    members: tuple[int, ...]  # every member (index)
    available: int  # members not absent and not fixed WFA
    free: tuple[int, ...]  # members whose cell on day j is free

    @property
    def slack(self) -> int:
        """How many free members may still go off site (negative: a shortfall)."""
        return self.available - self.minimum


@dataclass(frozen=True)
class Facts:
    n_days: int
    week_of: tuple[IsoWeek, ...]  # per day
    weeks: tuple[IsoWeek, ...]
    present: tuple[int, ...]  # per day: people not absent
    quota: tuple[int, ...]  # per day: most people off site
    fixed_wfa: tuple[int, ...]  # per day
    day_room: tuple[int, ...]  # per day: max(0, quota - fixed WFA); 0 on blackout days
    free: tuple[tuple[int, ...], ...]  # per employee: the day indexes the solver decides
    week_room: tuple[dict[IsoWeek, int] | None, ...]  # per employee (None: exempt)
    coverage: tuple[Coverage, ...]
    pattern: tuple[frozenset[int], ...]  # per employee: the weekdays of their weekly pattern
    capacity: tuple[int, ...]  # per employee: most free WFA days (own limits only)
    target: tuple[float, ...]  # per employee: fair share of free WFA days
    band: tuple[tuple[int, int], ...]  # per employee: (floor, ceil) of the target
    share: tuple[int, ...]  # per employee: the target in tenths of a day
    base: tuple[int, ...]  # per employee: prior WFA days + fixed WFA days of the month
    peers: tuple[tuple[str, tuple[int, ...]], ...]  # (peer group, members ≥ 2, eligible)
    owed: tuple[int, ...]  # per employee: WFA days to add to meet the policy minimum

    def free_on(self, j: int) -> list[int]:
        return [i for i, days in enumerate(self.free) if j in days]


def derive(problem: RosterProblem) -> Facts:
    days = problem.days
    index = {d: j for j, d in enumerate(days)}
    week_of = tuple(iso_week(d) for d in days)
    weeks = tuple(dict.fromkeys(week_of))
    employees = problem.employees
    present = [0] * len(days)
    fixed_wfa = [0] * len(days)
    for e in employees:
        for j, d in enumerate(days):
            p = e.fixed.get(d)
            present[j] += p != ABSENT
            fixed_wfa[j] += p == WFA
    quota = []
    for j, d in enumerate(days):
        cap = problem.offsite_caps.get(d)
        quota.append(
            cap if cap is not None else math.floor(problem.max_offsite_share * present[j] + EPS)
        )
    day_room = [
        0 if d in problem.blackout else max(0, quota[j] - fixed_wfa[j]) for j, d in enumerate(days)
    ]

    week_room: list[dict[IsoWeek, int] | None] = []
    share_room: list[dict[IsoWeek, int]] = []  # the cap as if nobody were exempt
    free: list[tuple[int, ...]] = []
    for e in employees:
        used: dict[IsoWeek, int] = defaultdict(int, e.wfa_outside)
        for d, p in e.fixed.items():
            if p == WFA and d in index:
                used[iso_week(d)] += 1
        capped = {w: max(0, problem.weekly_cap - used[w]) for w in weeks}
        room = None if e.cap_exempt else capped
        share_room.append(capped)
        week_room.append(room)
        free.append(
            tuple(
                j
                for j, d in enumerate(days)
                if d not in e.fixed
                and d in e.allowed
                and day_room[j] > 0
                and (room is None or room[week_of[j]] > 0)
            )
        )

    coverage = _coverage(problem, free)
    for c in coverage:  # a day whose minimum leaves no room takes nobody off site
        if c.slack <= 0:
            free = [
                f if i not in c.free else tuple(j for j in f if j != c.j)
                for i, f in enumerate(free)
            ]
    coverage = _coverage(problem, free)

    capacity = []
    for i, f in enumerate(free):
        per_week: dict[IsoWeek, int] = defaultdict(int)
        for j in f:
            per_week[week_of[j]] += 1
        capacity.append(sum(min(n, share_room[i][w]) for w, n in per_week.items()))
    free_count = [0] * len(days)
    for f in free:
        for j in f:
            free_count[j] += 1
    supply = sum(min(day_room[j], free_count[j]) for j in range(len(days)))
    base = [
        e.prior_wfa_days + sum(1 for d, p in e.fixed.items() if p == WFA and d in index)
        for e in employees
    ]
    group_rows: dict[str, tuple[tuple[int, ...], int]] = {}
    for c in coverage:
        members, total = group_rows.get(c.group, (c.members, 0))
        group_rows[c.group] = (members, total + min(max(0, c.slack), len(c.free)))
    target = fair_shares(base, capacity, supply, list(group_rows.values()))
    band = tuple((math.floor(t + EPS), math.ceil(t - EPS)) for t in target)
    group_room: dict[tuple[str, int], int] = {}
    for c in coverage:
        key = (c.group, days[c.j].weekday())
        group_room[key] = min(group_room.get(key, len(employees)), max(0, c.slack))
    pattern = propose_patterns(problem, free, target, quota, group_room)
    by_peer: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(employees):
        if eligible(problem, e):
            by_peer[peer_group_of(problem, e)].append(i)
    owed = []
    for i, e in enumerate(employees):
        need, fixed_wfa_i = wfa_minimum(problem, e)
        owed.append(max(0, need - fixed_wfa_i))
        if problem.relax_shortfalls:  # as far as the quota and the minimums on site allow
            owed[i] = min(owed[i], open_capacity(free[i], week_room[i], week_of))
    return Facts(
        n_days=len(days),
        week_of=week_of,
        weeks=weeks,
        present=tuple(present),
        quota=tuple(quota),
        fixed_wfa=tuple(fixed_wfa),
        day_room=tuple(day_room),
        free=tuple(free),
        week_room=tuple(week_room),
        coverage=coverage,
        pattern=pattern,
        capacity=tuple(capacity),
        target=tuple(target),
        band=band,
        share=tuple(round(SCALE * t) for t in target),
        base=tuple(base),
        peers=tuple((g, tuple(m)) for g, m in sorted(by_peer.items()) if len(m) >= 2),
        owed=tuple(owed),
    )


def _coverage(problem: RosterProblem, free: list[tuple[int, ...]]) -> tuple[Coverage, ...]:
    """The binding minimum per (group, day): the largest of the rows that apply."""
    need: dict[tuple[str, int], int] = {}
    for row in problem.minimums:
        for j, d in enumerate(problem.days):
            if row.applies(d) and row.minimum > need.get((row.group, j), -1):
                need[(row.group, j)] = row.minimum
    ruled = {g for g, _ in need}
    found: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(problem.employees):
        for g in e.groups & ruled:
            found[g].append(i)
    members = {g: tuple(found[g]) for g in ruled}
    free_sets = [frozenset(f) for f in free]
    out = []
    for (g, j), minimum in sorted(need.items()):
        day = problem.days[j]
        ms = members[g]
        available = sum(problem.employees[i].fixed.get(day) not in (ABSENT, WFA) for i in ms)
        out.append(
            Coverage(g, j, minimum, ms, available, tuple(i for i in ms if j in free_sets[i]))
        )
    return tuple(out)


def open_capacity(
    free: tuple[int, ...], room: dict[IsoWeek, int] | None, week_of: tuple[IsoWeek, ...]
) -> int:
    """The most WFA days a person can still be given on their free cells."""
    per_week: dict[IsoWeek, int] = defaultdict(int)
    for j in free:
        per_week[week_of[j]] += 1
    return sum(n if room is None else min(n, room[w]) for w, n in per_week.items())
