"""The stored form of a problem, the check of a hand edit and the figures of an edited roster
(pure: no database)."""

from hypothesis import given, settings

from fleksi.roster.domain import GroupMinimum, RosterProblem, SolveOptions, solve
from fleksi.roster.domain.codec import problem_from_json, problem_to_json, result_summary
from fleksi.roster.domain.evaluate import grid_of
from fleksi.roster.domain.review import check_change, summarise
from fleksi.roster.tests.factories import person, problems, weekdays
from fleksi.testkit.properties import examples


@settings(max_examples=examples(60))
@given(problems())
def test_the_stored_problem_is_the_same_problem(problem):
    assert problem_from_json(problem_to_json(problem)) == problem


def test_the_summary_is_plain_json():
    import json

    days = weekdays(5)
    problem = RosterProblem(
        days=days,
        employees=(
            person(1, days, groups=frozenset({"unit:1"}), wished={days[0]: "care"}),
            person(2, days, groups=frozenset({"unit:1"})),
        ),
        minimums=(GroupMinimum("unit:1", 1),),
        max_offsite_share=0.5,
    )
    result = solve(problem, SolveOptions(time_limit_s=120, workers=1))
    summary = json.loads(json.dumps(result_summary(result)))
    assert summary["status"] == "optimal"
    assert summary["fairness"]["employees"] == 2
    assert summary["patterns"].keys() == {"1", "2"}


def test_an_edit_is_checked_and_the_figures_follow():
    days = weekdays(5)
    problem = RosterProblem(
        days=days,
        employees=(
            person(1, days, groups=frozenset({"unit:1"})),
            person(2, days, groups=frozenset({"unit:1"})),
        ),
        weekly_cap=1,
        max_offsite_share=1.0,
        minimums=(GroupMinimum("unit:1", 1),),
        min_wfa_days=1,  # each is owed one WFA day
    )
    result = solve(problem, SolveOptions(time_limit_s=120, workers=1))
    grid = grid_of(problem, result.assignment)
    assert [row.count("wfa") for row in grid] == [1, 1]
    # A second WFA day in the week for person 1: the weekly maximum.
    j = next(j for j in range(5) if grid[0][j] == grid[1][j] == "onsite")
    assert [v.rule for v in check_change(problem, grid, 0, j, "wfa")] == ["weekly_cap"]
    # Both off site on the same day: the group's minimum.
    k = next(j for j, p in enumerate(grid[1]) if p == "wfa")
    broken = check_change(problem, grid, 0, k, "wfa")
    assert "min_onsite" in {v.rule for v in broken}
    # On site would leave person 2 below the WFA day they are owed.
    assert [v.rule for v in check_change(problem, grid, 1, k, "onsite")] == ["min_wfa"]
    # The figures count the edited grid.
    edited = [list(row) for row in grid]
    edited[1][k] = "onsite"
    review = summarise(problem, edited)
    assert review.days[k].wfa == 0
    assert review.days[k].onsite == 2
    assert review.fairness.min_days == 0
