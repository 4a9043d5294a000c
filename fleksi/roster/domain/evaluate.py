"""Plain-Python evaluation of a roster: the hard-rule check and the objective.

The CP-SAT model (``model.py``) encodes exactly the objective computed here; the tests compare
the solver's optimum with a brute-force search that uses these functions, and check every
roster the solver returns with :func:`violations`, which reads only the problem (not the
derived facts), so that a mistake in deriving the facts cannot hide itself.

A roster is a grid: ``grid[i][j]`` is the placement of employee ``i`` on day ``j``.

Objective (minimised; weights from :class:`RosterWeights`; kept in integer tenths of a point,
``SCALE``)::

    wish        × factor(reason)  per wished day not rostered WFA (days absent are ignored)
  + unwanted    × factor(reason)  per unwanted day rostered WFA
  + fairness    × Σ_peer groups min_L Σ_i |W_i − L|   (W_i: WFA days over the rolling window)
  + unrequested × WFA days added (not fixed) that the person did not wish for
  + stability   × WFA days (not fixed) off each person's weekly pattern (``patterns.py``)
  + spread      × the busiest day's WFA count (the peak the office must plan for)

The fairness term is the total distance of the peer group's window totals from the group's
level, the level being the best one for the group (any median of the totals): how far the
people of a group are apart, in days, counting everyone (``docs/decisions/0029``).
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from fleksi.roster.domain.facts import Facts
from fleksi.roster.domain.problem import (
    ABSENT,
    ONSITE,
    PLACEMENTS,
    WFA,
    IsoWeek,
    Placement,
    RosterProblem,
    iso_week,
    wfa_minimum,
)

type Grid = Sequence[Sequence[Placement]]
type Assignment = Mapping[int, Mapping[date, Placement]]


@dataclass(frozen=True)
class Violation:
    # placement | fixed | absent | not_allowed | blackout | weekly_cap | daily_quota | min_onsite
    # | min_wfa
    rule: str
    employee: int | None
    day: date | None
    detail: str = ""


SCALE = 10  # the objective is kept in tenths of a point
# With relaxed shortfalls, each WFA day owed (policy minimum) and not given costs this many
# points: more than any other goal, so it is given wherever the quota and minimums allow.
OWED_SHORT = 100


@dataclass(frozen=True)
class ObjectiveTerms:
    """The weighted terms, in tenths of a point (``SCALE``)."""

    wishes: int  # missed wishes
    unwanted: int  # unwanted WFA days
    fairness: int  # distance of the window totals from their peer group's level
    stability: int  # WFA days off the weekly patterns
    spread: int  # people off site on the busiest day
    unrequested: int = 0  # WFA days added that nobody asked for
    owed: int = 0  # relaxed shortfalls: WFA days owed and not given

    @property
    def total(self) -> int:
        return (
            self.owed
            + self.wishes
            + self.unwanted
            + self.fairness
            + self.unrequested
            + self.stability
            + self.spread
        )

    @property
    def points(self) -> float:
        return self.total / SCALE


def grid_of(problem: RosterProblem, assignment: Assignment) -> list[list[Placement]]:
    return [[assignment[e.id][d] for d in problem.days] for e in problem.employees]


def assignment_of(problem: RosterProblem, grid: Grid) -> dict[int, dict[date, Placement]]:
    return {
        e.id: dict(zip(problem.days, grid[i], strict=True)) for i, e in enumerate(problem.employees)
    }


def violations(problem: RosterProblem, grid: Grid) -> list[Violation]:
    """Every hard rule the roster breaks (empty for a valid roster).

    Limits bind what the roster adds to the fixed decisions: a week, day or group whose
    fixed decisions alone already break a limit is not a violation as long as nothing more
    is added there.
    """
    out: list[Violation] = []
    days = problem.days
    wfa_per_day: Counter[int] = Counter()
    added_per_day: Counter[int] = Counter()
    for i, e in enumerate(problem.employees):
        week_total: Counter[IsoWeek] = Counter(e.wfa_outside)
        week_added: Counter[IsoWeek] = Counter()
        for j, d in enumerate(days):
            p = grid[i][j]
            fixed = e.fixed.get(d)
            if p not in PLACEMENTS:
                out.append(Violation("placement", e.id, d, str(p)))
            if fixed is not None and p != fixed:
                out.append(Violation("fixed", e.id, d, f"{fixed} → {p}"))
            if p == ABSENT and fixed != ABSENT:
                out.append(Violation("absent", e.id, d))
            if p == WFA:
                wfa_per_day[j] += 1
                week_total[iso_week(d)] += 1
                if fixed != WFA:
                    added_per_day[j] += 1
                    week_added[iso_week(d)] += 1
                    if d not in e.allowed:
                        out.append(Violation("not_allowed", e.id, d))
                    if d in problem.blackout:
                        out.append(Violation("blackout", e.id, d))
        if not e.cap_exempt:
            for w, n in week_added.items():
                if n and week_total[w] > problem.weekly_cap:
                    out.append(Violation("weekly_cap", e.id, None, f"{w}: {week_total[w]}"))
        # relaxed shortfalls: the days owed are a goal (objective ``owed``), not a rule
        owed, _fixed = (0, 0) if problem.relax_shortfalls else wfa_minimum(problem, e)
        held = sum(grid[i][j] == WFA for j in range(len(days)))
        if held < owed:
            out.append(Violation("min_wfa", e.id, None, f"{held} < {owed}"))
    for j, d in enumerate(days):
        if not added_per_day[j]:
            continue
        present = sum(grid[i][j] != ABSENT for i in range(len(problem.employees)))
        quota = problem.offsite_caps.get(d)
        if quota is None:
            quota = int(problem.max_offsite_share * present + 1e-9)
        if wfa_per_day[j] > quota:
            out.append(Violation("daily_quota", None, d, f"{wfa_per_day[j]} > {quota}"))
    members_of: dict[str, list[int]] = defaultdict(list)
    ruled = {row.group for row in problem.minimums}
    for i, e in enumerate(problem.employees):
        for g in e.groups & ruled:
            members_of[g].append(i)
    for row in problem.minimums:
        members = members_of[row.group]
        for j, d in enumerate(days):
            if not row.applies(d):
                continue
            onsite = sum(grid[i][j] == ONSITE for i in members)
            available = sum(problem.employees[i].fixed.get(d) not in (ABSENT, WFA) for i in members)
            required = min(row.minimum, available) if problem.relax_shortfalls else row.minimum
            if onsite < required:
                out.append(Violation("min_onsite", None, d, f"{row.group}: {onsite} < {required}"))
    return out


def objective_terms(problem: RosterProblem, facts: Facts, grid: Grid) -> ObjectiveTerms:
    w = problem.weights
    days = problem.days
    wishes = unwanted = stability = unrequested = 0
    per_day = [0] * len(days)
    index = {d: j for j, d in enumerate(days)}
    for i, e in enumerate(problem.employees):
        row = grid[i]
        for d, reason in e.wished.items():
            j = index.get(d)
            if j is not None and row[j] not in (WFA, ABSENT):
                wishes += SCALE * w.wish * w.factor(reason)
        for d, reason in e.unwanted.items():
            j = index.get(d)
            if j is not None and row[j] == WFA:
                unwanted += SCALE * w.unwanted * w.factor(reason)
        unrequested += (
            SCALE
            * w.unrequested
            * sum(
                p == WFA and e.fixed.get(days[j]) != WFA and days[j] not in e.wished
                for j, p in enumerate(row)
            )
        )
        pattern = facts.pattern[i]
        stability += (
            SCALE
            * w.stability
            * sum(row[j] == WFA and days[j].weekday() not in pattern for j in facts.free[i])
        )
        for j, p in enumerate(row):
            per_day[j] += p == WFA
    spread = SCALE * w.spread * max(per_day, default=0)
    fairness = SCALE * w.fairness * sum(d for _g, d in peer_distances(problem, facts, grid))
    owed = 0
    if problem.relax_shortfalls:
        for i in range(len(problem.employees)):
            added = sum(grid[i][j] == WFA for j in facts.free[i])
            owed += SCALE * OWED_SHORT * max(0, facts.owed[i] - added)
    return ObjectiveTerms(wishes, unwanted, fairness, stability, spread, unrequested, owed)


def window_totals(problem: RosterProblem, grid: Grid) -> list[int]:
    """WFA days per employee over the rolling window: prior days + this month's."""
    return [
        e.prior_wfa_days + sum(p == WFA for p in grid[i]) for i, e in enumerate(problem.employees)
    ]


def peer_levels(problem: RosterProblem, facts: Facts, grid: Grid) -> dict[str, float]:
    """Each peer group's level: the median of its members' window totals."""
    totals = window_totals(problem, grid)
    return {g: statistics.median(totals[i] for i in members) for g, members in facts.peers}


def peer_distances(problem: RosterProblem, facts: Facts, grid: Grid) -> list[tuple[str, int]]:
    """Per peer group, ``min_L Σ_i |W_i − L|`` in days (reached at any median)."""
    totals = window_totals(problem, grid)
    out = []
    for g, members in facts.peers:
        values = sorted(totals[i] for i in members)
        level = values[(len(values) - 1) // 2]
        out.append((g, sum(abs(v - level) for v in values)))
    return out


def wfa_counts(grid: Grid) -> list[int]:
    """WFA days per employee in the month (fixed ones included)."""
    return [sum(p == WFA for p in row) for row in grid]


def group_onsite(problem: RosterProblem, grid: Grid) -> dict[tuple[str, int], int]:
    """On-site members per (group, day index) for the groups that have a minimum."""
    groups = {row.group for row in problem.minimums}
    out: dict[tuple[str, int], int] = defaultdict(int)
    for i, e in enumerate(problem.employees):
        for g in e.groups & groups:
            for j, p in enumerate(grid[i]):
                out[(g, j)] += p == ONSITE
    return out
