"""Fair shares: water-filling over the rolling window, limited by group minimums; and the
weekly patterns proposed before solving."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fleksi.roster.domain import RosterProblem, SolveOptions, solve
from fleksi.roster.domain.facts import derive
from fleksi.roster.domain.fairshare import fair_shares, water_fill
from fleksi.roster.tests.factories import person, weekdays


@pytest.mark.parametrize(
    ("base", "capacity", "total", "expected"),
    [
        ([0, 0, 0], [5, 5, 5], 6, [2, 2, 2]),
        ([0, 2, 4], [9, 9, 9], 6, [4, 2, 0]),  # who had fewer days gets more
        ([0, 2, 4], [9, 9, 9], 9, [5, 3, 1]),
        ([0, 0], [1, 9], 6, [1, 5]),  # capacity caps one, the rest flows on
        ([0, 0], [3, 3], 100, [3, 3]),  # more supply than anyone can take
        ([0, 0], [3, 3], 0, [0, 0]),
        ([5], [0], 4, [0]),
    ],
)
def test_water_fill(base, capacity, total, expected):
    assert water_fill(base, capacity, total) == pytest.approx(expected)


@given(
    st.lists(st.tuples(st.integers(0, 20), st.integers(0, 12)), min_size=1, max_size=30),
    st.integers(0, 300),
)
def test_water_fill_shares_all_it_can_and_levels_the_window(people, total):
    base = [b for b, _ in people]
    capacity = [c for _, c in people]
    shares = water_fill(base, capacity, total)
    assert sum(shares) == pytest.approx(min(total, sum(capacity)), abs=1e-6)
    assert all(-1e-9 <= t <= c + 1e-9 for t, c in zip(shares, capacity, strict=True))
    # nobody strictly inside their range sits above anyone who still has room below the level
    levels = [b + t for b, t in zip(base, shares, strict=True)]
    inner = [lv for lv, t, c in zip(levels, shares, capacity, strict=True) if 1e-6 < t < c - 1e-6]
    assert max(inner, default=0) - min(inner, default=0) < 1e-6


def test_a_group_minimum_limits_its_members_and_frees_supply_for_the_others():
    # two counter staff may take only 4 days together; the other two share the rest
    assert fair_shares([0, 0, 0, 0], [9, 9, 9, 9], 20, [((0, 1), 4)]) == pytest.approx([2, 2, 8, 8])


def test_fair_share_counts_the_rolling_window():
    days = weekdays(10)
    problem = RosterProblem(
        days=days,
        employees=(person(1, days, prior_wfa_days=0), person(2, days, prior_wfa_days=4)),
        max_offsite_share=0.5,  # one person a day ...
        offsite_caps={d: 0 for d in days if d.weekday() < 2},  # ... from Wednesday to Friday
        weekly_cap=2,
    )
    facts = derive(problem)
    assert facts.target == pytest.approx((4, 2))  # 6 days to share: totals 4 and 6
    result = solve(problem, SolveOptions(time_limit_s=120, workers=1))
    # the roster brings both to the same total over the window (4 and 0 + 4): the second one
    # had their days before, and a day nobody asked for has a price (decision 0029)
    assert (len(result.wfa_days(1)), len(result.wfa_days(2))) == (4, 0)
    assert (result.fairness.window_min, result.fairness.window_max) == (4, 4)


def test_exemption_lifts_the_cap_but_not_the_fair_share():
    days = weekdays(5)
    problem = RosterProblem(
        days=days,
        employees=(person(1, days, cap_exempt=True), person(2, days)),
        max_offsite_share=1.0,
        weekly_cap=2,
    )
    assert derive(problem).target == pytest.approx((2, 2))


def test_usual_weekdays_are_kept_and_patterns_are_proposed_on_the_wished_weekday():
    days = weekdays(10)
    fridays = {d: "care" for d in days if d.weekday() == 4}
    problem = RosterProblem(
        days=days,
        employees=(
            person(1, days, usual_weekdays=frozenset({0, 2})),
            person(2, days, wished=fridays),
        ),
        weekly_cap=2,
        max_offsite_share=1.0,
    )
    facts = derive(problem)
    assert facts.pattern[0] == frozenset({0, 2})
    assert 4 in facts.pattern[1]
    result = solve(problem, SolveOptions(time_limit_s=120, workers=1))
    assert {d.weekday() for d in result.wfa_days(1)} == {0, 2}
    assert result.patterns[1] == frozenset({0, 2})
    assert set(fridays) <= set(result.wfa_days(2))
