"""Solve one roster problem: pre-checks, a greedy start, CP-SAT, then the explained result.

``solve(problem, options)`` never raises for an impossible month: the result says
``infeasible`` and names the days and rules (pre-checks first, then CP-SAT's sufficient
assumptions if the solver still finds no roster). The roster it returns is checked against
every hard rule first (``evaluate.violations``); a violation would be a defect of this
package and raises ``AssertionError`` rather than hand out a roster that breaks the rules.
"""

from __future__ import annotations

import time
from datetime import date
from statistics import mean
from typing import Literal

from fleksi.roster.domain.cpsat import cp_model
from fleksi.roster.domain.decompose import MIN_PEOPLE, parts, solve_parts
from fleksi.roster.domain.evaluate import (
    SCALE,
    Grid,
    assignment_of,
    objective_terms,
    peer_distances,
    peer_levels,
    violations,
    wfa_counts,
    window_totals,
)
from fleksi.roster.domain.explain import precheck, unmet_preferences
from fleksi.roster.domain.facts import Facts, derive
from fleksi.roster.domain.greedy import greedy
from fleksi.roster.domain.model import add_hint, build
from fleksi.roster.domain.problem import (
    ABSENT,
    ONSITE,
    WFA,
    Placement,
    RosterProblem,
    SolveOptions,
    eligible,
)
from fleksi.roster.domain.result import (
    DayReport,
    Explanation,
    FairnessReport,
    GroupCoverage,
    PeerFairness,
    PersonFairness,
    RosterResult,
    Status,
)


class _FirstSolution(cp_model.CpSolverSolutionCallback):
    def __init__(self, started: float) -> None:
        super().__init__()
        self.started = started
        self.first_s: float | None = None

    def on_solution_callback(self) -> None:
        if self.first_s is None:
            self.first_s = time.perf_counter() - self.started


def solve(problem: RosterProblem, options: SolveOptions | None = None) -> RosterResult:
    options = options or SolveOptions()
    started = time.perf_counter()
    facts = derive(problem)
    notes = precheck(problem, facts)
    fixed = frozenset((e.id, d) for e in problem.employees for d in e.fixed if d in problem.days)
    if any(n.blocking for n in notes):
        return _without_roster(problem, started, fixed, tuple(notes), "infeasible")

    start = greedy(problem, facts) if options.use_hint else None
    greedy_s = time.perf_counter() - started
    # the greedy roster keeps every limit by construction (property-tested) but may miss a WFA
    # minimum on a tight month: then it is a hint, never a result (the roster returned is
    # checked against every rule below in any case)
    start_valid = start is not None and (
        problem.relax_shortfalls
        or all(
            sum(start[i][j] == WFA for j in facts.free[i]) >= facts.owed[i]
            for i in range(len(problem.employees))
        )
    )
    first_valid_s = greedy_s if start_valid else None
    parts_bound: float | None = None
    if options.processes > 1 and len(problem.employees) >= MIN_PEOPLE:
        share = 0.4 * (options.time_limit_s - (time.perf_counter() - started))
        if share > 1 and len(parts(problem, facts)) > 1:
            joined, parts_bound = solve_parts(
                problem, facts, share, options.processes, options.seed
            )
            if joined is not None and (
                not start_valid
                or start is None
                or objective_terms(problem, facts, joined).total
                < objective_terms(problem, facts, start).total
            ):
                start, start_valid = [list(row) for row in joined], True
                if first_valid_s is None:
                    first_valid_s = time.perf_counter() - started
    built = build(problem, facts)
    if start is not None:
        add_hint(built, facts, start)
    solver = cp_model.CpSolver()
    params = solver.parameters
    params.max_time_in_seconds = max(0.01, options.time_limit_s - (time.perf_counter() - started))
    params.num_workers = options.workers
    # The LP of this model is tight (see docs/roster.md); the full LP relaxation solved to the
    # end at the root proves the optimum quickly, where the default portfolio of 2 workers
    # (default_lp + LNS) stalls far from it.
    params.subsolvers.append("max_lp")
    params.root_lp_iterations = 100_000
    params.random_seed = options.seed
    params.relative_gap_limit = options.gap_limit_pct / 100
    params.log_search_progress = False
    callback = _FirstSolution(started)
    code = solver.solve(built.model, callback)

    if code == cp_model.INFEASIBLE:
        notes = [*notes, *diagnose(problem, facts)]
        return _without_roster(problem, started, fixed, tuple(notes), "infeasible")
    solved = code in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    found = _grid(problem, facts, built.x, solver) if solved else None
    if found is not None and (
        start is None
        or not start_valid
        or objective_terms(problem, facts, found).total
        <= objective_terms(problem, facts, start).total
    ):
        grid: Grid = found
        source: Literal["cp-sat", "greedy"] = "cp-sat"
        status: Status = "optimal" if code == cp_model.OPTIMAL else "feasible"
        # the first valid roster in hand: the greedy one when it keeps every rule
        first_s = first_valid_s if first_valid_s is not None else callback.first_s
    elif start is not None and start_valid:  # nothing better in time: the greedy roster stands
        grid, source, status, first_s = start, "greedy", "feasible", first_valid_s
    else:
        return _without_roster(problem, started, fixed, tuple(notes))
    terms = objective_terms(problem, facts, grid)
    bound = solver.best_objective_bound if code != cp_model.UNKNOWN else None
    if parts_bound is not None:  # the parts' bounds (points) bound the whole objective too
        bound = max(bound if bound is not None else 0.0, SCALE * parts_bound)
    if status == "optimal":
        bound = float(terms.total)
    gap = _gap(terms.total, bound)  # in tenths of a point, as the model
    if bound is not None:
        bound /= SCALE
    problems = violations(problem, grid)
    if problems:  # a defect, never a user error: refuse to hand out a broken roster
        raise AssertionError(f"roster breaks hard rules: {problems[:5]}")
    return RosterResult(
        status=status,
        source=source,
        objective=terms.points,
        best_bound=bound,
        gap_pct=gap,
        seconds=time.perf_counter() - started,
        first_solution_s=first_s,
        assignment=assignment_of(problem, grid),
        fixed=fixed,
        days=_day_reports(problem, facts, grid),
        fairness=_fairness(problem, facts, grid),
        terms=terms,
        unmet=unmet_preferences(problem, facts, grid),
        explanations=tuple(notes),
        patterns={e.id: facts.pattern[i] for i, e in enumerate(problem.employees)},
    )


def diagnose(problem: RosterProblem, facts: Facts) -> tuple[Explanation, ...]:
    """Name a sufficient set of rules that make the month infeasible (CP-SAT assumptions)."""
    built = build(problem, facts, diagnose=True)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1  # assumptions need the single-worker search
    solver.parameters.max_time_in_seconds = 10
    if solver.solve(built.model) != cp_model.INFEASIBLE:
        return ()
    core = solver.sufficient_assumptions_for_infeasibility()
    return tuple(
        Explanation(g.rule, g.day, g.subject, g.needed, g.available)
        for g in (built.guards[k] for k in core if k in built.guards)
    )


def _grid(
    problem: RosterProblem,
    facts: Facts,
    x: dict[tuple[int, int], cp_model.IntVar],
    solver: cp_model.CpSolver,
) -> list[list[Placement]]:
    days = problem.days
    grid: list[list[Placement]] = [
        [e.fixed.get(d, ONSITE) for d in days] for e in problem.employees
    ]
    for (i, j), var in x.items():
        if solver.boolean_value(var):
            grid[i][j] = WFA
    return grid


def _gap(objective: int, bound: float | None) -> float | None:
    if bound is None:
        return None
    if objective - bound <= 1e-9:
        return 0.0
    return 100.0 * (objective - bound) / max(1.0, abs(objective))


def _without_roster(
    problem: RosterProblem,
    started: float,
    fixed: frozenset[tuple[int, date]],
    notes: tuple[Explanation, ...],
    status: Status = "unknown",
) -> RosterResult:
    return RosterResult(
        status=status,
        source="",
        objective=None,
        best_bound=None,
        gap_pct=None,
        seconds=time.perf_counter() - started,
        first_solution_s=None,
        assignment={},
        fixed=fixed,
        explanations=notes,
    )


def _day_reports(problem: RosterProblem, facts: Facts, grid: Grid) -> tuple[DayReport, ...]:
    by_day: dict[int, list[GroupCoverage]] = {}
    for c in facts.coverage:
        onsite = sum(grid[i][c.j] == ONSITE for i in c.members)
        by_day.setdefault(c.j, []).append(GroupCoverage(c.group, c.minimum, onsite))
    out = []
    for j, d in enumerate(problem.days):
        column = [row[j] for row in grid]
        out.append(
            DayReport(
                day=d,
                wfa=column.count(WFA),
                onsite=column.count(ONSITE),
                absent=column.count(ABSENT),
                quota=facts.quota[j],
                groups=tuple(by_day.get(j, ())),
            )
        )
    return tuple(out)


def _fairness(problem: RosterProblem, facts: Facts, grid: Grid) -> FairnessReport:
    counts = wfa_counts(grid)
    who = [i for i, e in enumerate(problem.employees) if eligible(problem, e)]
    month = [counts[i] for i in who] or [0]
    totals = window_totals(problem, grid)
    window = [totals[i] for i in who] or [0]
    levels = peer_levels(problem, facts, grid)
    group_of = {i: g for g, members in facts.peers for i in members}
    groups = []
    for g, members in facts.peers:
        values = [totals[i] for i in members]
        groups.append(
            PeerFairness(
                group=g,
                members=len(members),
                level=float(levels[g]),
                min_days=min(values),
                max_days=max(values),
                distance=round(sum(abs(v - levels[g]) for v in values)),
            )
        )
    people = []
    for i in who:
        g = group_of.get(i, "")
        level = float(levels[g]) if g else None
        people.append(
            PersonFairness(
                employee=problem.employees[i].id,
                group=g,
                month_days=counts[i],
                window_days=totals[i],
                level=level,
                difference=totals[i] - level if level is not None else 0.0,
            )
        )
    return FairnessReport(
        employees=len(who),
        min_days=min(month),
        max_days=max(month),
        mean_days=round(mean(month), 3),
        spread=max(month) - min(month),
        window_min=min(window),
        window_max=max(window),
        distance=sum(d for _g, d in peer_distances(problem, facts, grid)),
        groups=tuple(groups),
        people=tuple(people),
    )
