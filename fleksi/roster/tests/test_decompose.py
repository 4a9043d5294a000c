"""Solving by parts: people who share no constraint fall into separate parts; the parts'
roster put together and the whole solve that follows reach the same optimum as one solve,
with the unit-wide daily quota enforced exactly."""

from __future__ import annotations

import importlib

import pytest

from fleksi.roster.domain import GroupMinimum, RosterProblem, SolveOptions, decompose, solve
from fleksi.roster.domain.evaluate import grid_of, violations
from fleksi.roster.domain.facts import derive
from fleksi.roster.tests.factories import person, weekdays

DAYS = weekdays(5)
OPTIONS = SolveOptions(time_limit_s=120, workers=1, seed=0)


def _unit(quota: int) -> RosterProblem:
    a, b = frozenset({"unit:a"}), frozenset({"unit:b"})
    return RosterProblem(
        days=DAYS,
        employees=(
            person(1, DAYS, groups=a, wished={DAYS[0]: "care", DAYS[4]: ""}),
            person(2, DAYS, groups=a, wished={DAYS[0]: ""}),
            person(3, DAYS, groups=a, prior_wfa_days=1),
            person(4, DAYS, groups=b, wished={DAYS[0]: "health"}),
            person(5, DAYS, groups=b, wished={DAYS[0]: "commute"}),
            person(6, DAYS, groups=b),
        ),
        minimums=(GroupMinimum("unit:a", 1), GroupMinimum("unit:b", 1)),
        offsite_caps=dict.fromkeys(DAYS, quota),
        weekly_cap=2,
    )


def test_people_sharing_no_constraint_are_separate_parts():
    problem = _unit(quota=6)
    assert decompose.parts(problem, derive(problem)) == [[0, 1, 2], [3, 4, 5]]


@pytest.mark.parametrize("quota", [6, 2])  # loose, and binding across the parts (Monday)
def test_solving_by_parts_reaches_the_same_optimum(monkeypatch, quota):
    problem = _unit(quota)
    whole = solve(problem, OPTIONS)
    monkeypatch.setattr(importlib.import_module("fleksi.roster.domain.solve"), "MIN_PEOPLE", 0)
    monkeypatch.setattr(decompose, "CHUNK", 1)  # one part per model, two processes
    by_parts = solve(problem, SolveOptions(time_limit_s=120, workers=1, seed=0, processes=2))
    assert (whole.status, by_parts.status) == ("optimal", "optimal")
    assert by_parts.objective == whole.objective
    assert violations(problem, grid_of(problem, by_parts.assignment)) == []


def test_the_parts_bound_the_whole_from_below():
    problem = _unit(quota=2)
    facts = derive(problem)
    joined, bound = decompose.solve_parts(problem, facts, 60, processes=1)
    whole = solve(problem, OPTIONS)
    assert whole.objective is not None
    assert bound <= whole.objective
    # each part may use the whole day's quota: put together they may overrun it (None, the
    # whole solve repairs that); when they do not, the roster keeps every rule
    assert joined is None or violations(problem, joined) == []
