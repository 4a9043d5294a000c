"""The solve loop: with or without the greedy start the same optimum; timings and the
bound are consistent; the realistic generator of the benchmark solves quickly."""

from __future__ import annotations

import pytest

from fleksi.roster.domain import SolveOptions, solve
from fleksi.roster.tests.test_brute_force import CASES


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_greedy_start_changes_the_speed_not_the_optimum(name):
    with_hint = solve(CASES[name], SolveOptions(time_limit_s=120, workers=1))
    without = solve(CASES[name], SolveOptions(time_limit_s=120, workers=1, use_hint=False))
    assert (with_hint.status, without.status) == ("optimal", "optimal")
    assert without.source == "cp-sat"
    assert with_hint.objective == without.objective
    for r in (with_hint, without):
        assert r.best_bound == r.objective
        assert r.gap_pct == 0.0
        assert r.first_solution_s is not None
        assert 0 <= r.first_solution_s <= r.seconds


def test_a_realistic_unit_of_fifty_is_solved_to_optimality():
    from bench.bench_roster import realistic_problem

    # A generous limit: the solve stops at the proven optimum (seconds on a quiet machine);
    # its speed is a benchmark figure (make bench BENCH=roster), not a test.
    result = solve(realistic_problem(50), SolveOptions(time_limit_s=300, workers=1))
    assert result.status == "optimal"
    assert result.fairness is not None
    assert result.fairness.employees > 0
    assert len(result.assignment) == 50
    assert result.first_solution_s is not None
