"""A fast greedy roster: valid by construction, used as CP-SAT's starting hint.

It starts from "everyone not fixed is on site" (valid once the pre-checks pass) and adds
WFA days one at a time, only where the weekly cap, the daily quota and every group minimum
still have room:

1. wishes, one per person per round (strongest reason first, then whoever has had the
   fewest WFA days in the window);
2. the WFA days the policy minimum owes each person, round-robin;
3. then, round by round, one day for each person still below their peer group's level (the
   cheapest level for the group given the totals after 1 and 2), picking a day that is not
   unwanted,
   preferably on their weekly pattern (``patterns.py``) and the emptiest day (spread);
4. finally level the days: move a WFA day from a busiest day to an emptier one.
"""

from __future__ import annotations

from collections.abc import Callable

from fleksi.roster.domain.facts import Facts
from fleksi.roster.domain.problem import ONSITE, WFA, Placement, RosterProblem


class _State:
    def __init__(self, problem: RosterProblem, facts: Facts) -> None:
        self.problem = problem
        self.facts = facts
        days = problem.days
        self.grid: list[list[Placement]] = [
            [e.fixed.get(d, ONSITE) for d in days] for e in problem.employees
        ]
        self.day_room = list(facts.day_room)
        self.week_room = [None if r is None else dict(r) for r in facts.week_room]
        self.slack: dict[tuple[str, int], int] = {}
        self.groups_of: dict[tuple[int, int], list[tuple[str, int]]] = {}
        for c in facts.coverage:
            self.slack[(c.group, c.j)] = c.slack
            for i in c.free:
                self.groups_of.setdefault((i, c.j), []).append((c.group, c.j))
        self.added = [0] * len(problem.employees)
        self.count = list(facts.fixed_wfa)  # WFA people per day
        self.free_sets = [frozenset(f) for f in facts.free]

    def can(self, i: int, j: int) -> bool:
        if j not in self.free_sets[i] or self.grid[i][j] == WFA or self.day_room[j] <= 0:
            return False
        room = self.week_room[i]
        if room is not None and room[self.facts.week_of[j]] <= 0:
            return False
        return all(self.slack[k] > 0 for k in self.groups_of.get((i, j), ()))

    def grant(self, i: int, j: int) -> None:
        self.grid[i][j] = WFA
        self.day_room[j] -= 1
        room = self.week_room[i]
        if room is not None:
            room[self.facts.week_of[j]] -= 1
        for k in self.groups_of.get((i, j), ()):
            self.slack[k] -= 1
        self.added[i] += 1
        self.count[j] += 1

    def revoke(self, i: int, j: int) -> None:
        self.grid[i][j] = ONSITE
        self.day_room[j] += 1
        room = self.week_room[i]
        if room is not None:
            room[self.facts.week_of[j]] += 1
        for k in self.groups_of.get((i, j), ()):
            self.slack[k] += 1
        self.added[i] -= 1
        self.count[j] -= 1


def greedy(problem: RosterProblem, facts: Facts) -> list[list[Placement]]:
    s = _State(problem, facts)
    days = problem.days
    employees = problem.employees
    weights = problem.weights

    # 1. Wishes, round-robin.
    queues: list[list[int]] = []
    factor = {r: weights.factor(r) for e in employees for r in set(e.wished.values())}
    for i, e in enumerate(employees):
        strength = {j: factor[e.wished[d]] for j, d in enumerate(days) if d in e.wished}
        queues.append(
            sorted((j for j in strength if j in s.free_sets[i]), key=lambda j: -strength[j])
        )
    order = sorted(
        range(len(employees)),
        key=lambda i: (
            -max((factor[r] for r in employees[i].wished.values()), default=0),
            employees[i].prior_wfa_days,
            i,
        ),
    )
    progress = True
    while progress:
        progress = False
        for i in order:
            while queues[i]:
                j = queues[i].pop(0)
                if s.can(i, j):
                    s.grant(i, j)
                    progress = True
                    break

    # 2. The days the policy minimum owes; 3. raise whoever is below their peer group's level
    # (the lower median of the window totals once wishes and minimums are in): a day nobody
    # asked for costs less than a day of fairness, so the optimum raises them too.
    for goal in (lambda i: facts.owed[i], _peer_goal(s)):
        behind = [i for i in range(len(employees)) if s.added[i] < goal(i)]
        while behind:
            behind.sort(key=lambda i: (s.added[i] + facts.base[i], i))
            still = []
            for i in behind:
                day = _best_day(s, i)
                if day is None:
                    continue
                s.grant(i, day)
                if s.added[i] < goal(i):
                    still.append(i)
            behind = still
    _level(s)
    return s.grid


def _peer_goal(s: _State) -> Callable[[int], int]:
    """Days to add so that each member reaches their peer group's level: the level that is
    cheapest for the group given its totals so far — raising a member costs the price of an
    unrequested day (or, beyond what they can take, a day of fairness), every member above
    the level costs a day of fairness per day (so with the default weights the level sits
    near the upper quartile, not the median)."""
    facts = s.facts
    weights = s.problem.weights
    price, fair = weights.unrequested, weights.fairness
    goal: dict[int, int] = {}
    for _g, members in facts.peers:
        now = {i: facts.base[i] + s.added[i] for i in members}
        room = {i: max(0, facts.capacity[i] - s.added[i]) for i in members}
        best: tuple[int, int] | None = None
        for level in range(min(now.values()), max(now.values()) + 1):
            cost = 0
            for i in members:
                if now[i] > level:
                    cost += fair * (now[i] - level)
                else:
                    up = min(level - now[i], room[i])
                    cost += price * up + fair * (level - now[i] - up)
            if best is None or cost < best[0]:
                best = (cost, level)
        if best is None:
            continue
        for i in members:
            goal[i] = max(0, best[1] - facts.base[i])
    return lambda i: goal.get(i, 0)


def _best_day(s: _State, i: int, *, below_peak: bool = False) -> int | None:
    e = s.problem.employees[i]
    days = s.problem.days
    pattern = s.facts.pattern[i]
    peak = max(s.count, default=0)
    best: tuple[bool, int, int] | None = None
    best_j = None
    for j in s.facts.free[i]:
        if days[j] in e.unwanted or not s.can(i, j) or (below_peak and s.count[j] >= peak):
            continue
        key = (days[j].weekday() not in pattern, s.count[j], j)
        if best is None or key < best:
            best, best_j = key, j
    return best_j


def _level(s: _State, rounds: int = 10_000) -> None:
    """4. Move WFA days from the busiest days to emptier ones (same person, not wished)."""
    days = s.problem.days
    for _ in range(rounds):
        peak = max(s.count, default=0)
        busiest = [j for j, c in enumerate(s.count) if c == peak]
        moved = False
        for p in busiest:
            for i, row in enumerate(s.grid):
                e = s.problem.employees[i]
                if row[p] != WFA or days[p] in e.fixed or days[p] in e.wished:
                    continue
                s.revoke(i, p)
                target = _best_day(s, i)
                pattern = s.facts.pattern[i]
                if (
                    target is not None
                    and s.count[target] < peak - 1
                    and (days[target].weekday() in pattern or days[p].weekday() not in pattern)
                ):
                    s.grant(i, target)
                    moved = True
                    break
                s.grant(i, p)
            if moved:
                break
        if not moved:
            return
