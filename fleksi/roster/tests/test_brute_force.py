"""On tiny instances the solver's optimum equals an exhaustive search.

The search tries every on-site/WFA choice for the cells that are neither fixed nor
forbidden outright (not allowed, blackout), keeps the rosters that break no hard rule
(:func:`violations`, which reads only the problem), and scores them with the same objective
function the model encodes.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings

from fleksi.roster.domain import GroupMinimum, RosterProblem, RosterWeights, SolveOptions, solve
from fleksi.roster.domain.evaluate import objective_terms, violations
from fleksi.roster.domain.facts import derive
from fleksi.roster.tests.factories import person, problems, weekdays
from fleksi.testkit.properties import examples

# Deterministic: one worker, a fixed seed; the limit is only a safety net (tiny instances are
# proven optimal in milliseconds), the solve stops at the proven optimum.
OPTIONS = SolveOptions(time_limit_s=120, workers=1, seed=0)


def brute_force(problem: RosterProblem) -> int | None:
    """The best objective (tenths of a point) over every valid roster, or None."""
    facts = derive(problem)
    days = problem.days
    base = [[e.fixed.get(d, "onsite") for d in days] for e in problem.employees]
    open_cells = [
        (i, j)
        for i, e in enumerate(problem.employees)
        for j, d in enumerate(days)
        if d not in e.fixed and d in e.allowed and d not in problem.blackout
    ]
    assert len(open_cells) <= 16, "keep brute force instances tiny"
    best = None
    for choice in itertools.product(("onsite", "wfa"), repeat=len(open_cells)):
        grid = [row[:] for row in base]
        for (i, j), p in zip(open_cells, choice, strict=True):
            grid[i][j] = p
        if violations(problem, grid):
            continue
        value = objective_terms(problem, facts, grid).total
        best = value if best is None else min(best, value)
    return best


DAYS = weekdays(5)  # one Monday-to-Friday week
TWO_WEEKS = weekdays(6)[1:]  # Tuesday to the next Monday

CASES = {
    "plain": RosterProblem(
        days=DAYS[:4], employees=tuple(person(k, DAYS) for k in range(3)), max_offsite_share=0.5
    ),
    "wishes_and_a_counter": RosterProblem(
        days=DAYS,
        employees=(
            person(1, DAYS, groups=frozenset({"counter"}), wished={DAYS[4]: "care"}),
            person(2, DAYS, groups=frozenset({"counter"}), wished={DAYS[4]: "", DAYS[0]: ""}),
            person(3, DAYS, unwanted={DAYS[1]: "commute"}, prior_wfa_days=3),
        ),
        weekly_cap=2,
        max_offsite_share=1.0,
        minimums=(GroupMinimum("counter", 1),),
    ),
    "fixed_leave_and_limits": RosterProblem(
        days=TWO_WEEKS,
        employees=(
            person(1, TWO_WEEKS, fixed={TWO_WEEKS[0]: "absent", TWO_WEEKS[1]: "wfa"}),
            person(2, TWO_WEEKS, allowed=frozenset(TWO_WEEKS[2:]), wished={TWO_WEEKS[0]: ""}),
            person(3, TWO_WEEKS, cap_exempt=True, usual_weekdays=frozenset({0})),
        ),
        weekly_cap=1,
        max_offsite_share=0.34,
        blackout=frozenset({TWO_WEEKS[3]}),
    ),
    "weights_tilted": RosterProblem(
        days=DAYS,
        employees=tuple(
            person(k, DAYS, wished={DAYS[k]: "health"}, unwanted={DAYS[k + 1]: ""})
            for k in range(3)
        ),
        max_offsite_share=0.4,
        offsite_caps={DAYS[2]: 0},
        weights=RosterWeights(wish=1, unwanted=1, fairness=5, stability=2, spread=3),
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_optimum_equals_brute_force(name):
    problem = CASES[name]
    result = solve(problem, OPTIONS)
    assert result.status == "optimal"
    assert result.terms.total == brute_force(problem)
    assert result.objective == result.terms.total / 10


@settings(max_examples=examples(25))
@given(problems(min_people=2, max_people=3, max_days=5))
def test_optimum_equals_brute_force_on_random_instances(problem):
    open_cells = sum(
        d not in e.fixed and d in e.allowed and d not in problem.blackout
        for e in problem.employees
        for d in problem.days
    )
    if open_cells > 12:
        problem = RosterProblem(
            days=problem.days[:3],
            employees=problem.employees,
            weekly_cap=problem.weekly_cap,
            max_offsite_share=problem.max_offsite_share,
            minimums=problem.minimums,
            relax_shortfalls=problem.relax_shortfalls,
            min_wfa_days=problem.min_wfa_days,
            weights=problem.weights,
        )
    best = brute_force(problem)
    result = solve(problem, OPTIONS)
    if best is None:
        assert result.status == "infeasible"
        assert any(e.blocking for e in result.explanations)
    else:
        assert result.status == "optimal"
        assert result.terms.total == best
