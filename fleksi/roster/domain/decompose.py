"""Solve a large unit by parts: the groups of people that share no constraint are solved
separately, in parallel processes, and put together; the rules that link them are then
enforced exactly by one solve of the whole model that starts from the parts.

**Parts.** Two people are in the same part when a group minimum or a peer group (fairness)
holds them both; the weekly cap, wishes, the price of days, the weekly pattern and the days
owed are per person. What links the parts is the unit's **daily quota** (a share of everyone
present) and the **busiest day** (the spread term). A part is solved as its own problem with
the whole day's quota as its limit and no spread term, its people's weekly patterns fixed to
those of the whole problem (so its objective is exactly its share of the whole one): that is
a relaxation, so the sum of the parts' proven bounds is a lower bound of the whole optimum.

**Exact linking.** The parts' rosters put together keep every rule except, possibly, the daily
quota. The whole model is then solved once (every rule, the spread term, the quota exactly)
with that roster as its hint when it is valid (else the greedy one), and the result's bound is
the better of the whole solve's bound and the sum of the parts' bounds. Nothing is dropped:
the answer always comes from the whole model, or is the greedy roster.
"""

from __future__ import annotations

import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from datetime import date
from typing import Any

from fleksi.roster.domain.codec import problem_to_json
from fleksi.roster.domain.evaluate import Grid, violations
from fleksi.roster.domain.facts import Facts
from fleksi.roster.domain.problem import Placement, RosterProblem, SolveOptions, peer_group_of

MIN_PEOPLE = 300  # below this the whole model is solved directly
CHUNK = 250  # small parts are solved together up to this many people (one model each)


def parts(problem: RosterProblem, facts: Facts) -> list[list[int]]:
    """Employee indexes grouped by the constraints they share (minimums, peer groups)."""
    parent = list(range(len(problem.employees)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(members: list[int] | tuple[int, ...]) -> None:
        if not members:
            return
        root = find(members[0])
        for i in members[1:]:
            parent[find(i)] = root

    for c in facts.coverage:
        join(c.members)
    for _g, members in facts.peers:
        join(members)
    groups: dict[int, list[int]] = {}
    for i in range(len(problem.employees)):
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values(), key=lambda m: m[0])


def _packed(groups: list[list[int]], size: int) -> list[list[int]]:
    """Small parts packed together (first fit, largest first): parts that share nothing stay
    independent inside one model, and each model's fixed cost is paid once per chunk."""
    chunks: list[list[int]] = []
    for members in sorted(groups, key=len, reverse=True):
        for chunk in chunks:
            if len(chunk) + len(members) <= size:
                chunk.extend(members)
                break
        else:
            chunks.append(list(members))
    return [sorted(c) for c in chunks]


def _subproblem(problem: RosterProblem, facts: Facts, members: list[int]) -> RosterProblem:
    employees = tuple(
        replace(
            problem.employees[i],
            usual_weekdays=facts.pattern[i],
            peer_group=peer_group_of(problem, problem.employees[i]),
        )
        for i in members
    )
    return replace(
        problem,
        employees=employees,
        offsite_caps={d: facts.quota[j] for j, d in enumerate(problem.days)},
        weights=replace(problem.weights, spread=0),
    )


def _solve_batch(
    batch: list[dict[str, Any]], limit_s: float, seed: int
) -> list[tuple[dict[int, dict[date, Placement]], float]]:
    """Solve parts one after the other in this process (one CP-SAT worker each); the parts
    travel as their JSON form (``codec.py``)."""
    from fleksi.roster.domain.codec import problem_from_json
    from fleksi.roster.domain.solve import solve

    out = []
    started = time.perf_counter()
    for k, data in enumerate(batch):
        sub = problem_from_json(data)
        left = max(0.05, (limit_s - (time.perf_counter() - started)) / (len(batch) - k))
        result = solve(sub, SolveOptions(time_limit_s=left, workers=1, seed=seed))
        bound = result.best_bound if result.best_bound is not None else 0.0
        out.append(({e: dict(days) for e, days in result.assignment.items()}, bound))
    return out


def solve_parts(
    problem: RosterProblem, facts: Facts, limit_s: float, processes: int, seed: int = 0
) -> tuple[Grid | None, float]:
    """The parts' rosters put together (None if a part found none) and the sum of their
    bounds in points (a lower bound of the whole objective)."""
    groups = _packed(parts(problem, facts), CHUNK)
    subs = [problem_to_json(_subproblem(problem, facts, m)) for m in groups]
    # Largest first, dealt round-robin: the batches take about the same time.
    order = sorted(range(len(subs)), key=lambda k: -len(groups[k]))
    batches: list[list[int]] = [[] for _ in range(max(1, processes))]
    for n, k in enumerate(order):
        batches[n % len(batches)].append(k)
    batches = [b for b in batches if b]
    results: dict[int, tuple[dict[int, dict[date, Placement]], float]] = {}
    if len(batches) == 1:
        solved = _solve_batch([subs[k] for k in batches[0]], limit_s, seed)
        for k, r in zip(batches[0], solved, strict=True):
            results[k] = r
    else:
        context = multiprocessing.get_context("spawn")  # no fork of a threaded process
        with ProcessPoolExecutor(max_workers=len(batches), mp_context=context) as pool:
            futures = [
                (b, pool.submit(_solve_batch, [subs[k] for k in b], limit_s, seed)) for b in batches
            ]
            for b, future in futures:
                for k, r in zip(b, future.result(), strict=True):
                    results[k] = r
    index = {e.id: i for i, e in enumerate(problem.employees)}
    grid: list[list[Placement]] = [
        [e.fixed.get(d, "onsite") for d in problem.days] for e in problem.employees
    ]
    bound = 0.0
    for k in range(len(subs)):
        assignment, part_bound = results[k]
        bound += part_bound
        if not assignment:
            return None, bound
        for emp_id, days in assignment.items():
            i = index[emp_id]
            for j, d in enumerate(problem.days):
                grid[i][j] = days[d]
    if violations(problem, grid):  # the daily quota: the whole solve repairs it
        return None, bound
    return grid, bound
