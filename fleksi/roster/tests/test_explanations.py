"""Infeasible months are explained (day, rule, group, needed, available), never a crash; each
unmet wish names the rule that was tight; bad inputs raise a coded error."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from fleksi.roster.domain import (
    GroupMinimum,
    Reason,
    RosterEmployee,
    RosterInputError,
    RosterProblem,
    RosterWeights,
    SolveOptions,
    diagnose,
    solve,
)
from fleksi.roster.domain.facts import derive
from fleksi.roster.tests.factories import person, weekdays

DAYS = weekdays(5)
MON, TUE, WED, THU, FRI = DAYS
OPTIONS = SolveOptions(time_limit_s=120, workers=1)  # deterministic, stops at the optimum


def counter_unit(*, relax: bool = False, minimum: int = 2) -> RosterProblem:
    """Three counter staff, one on leave on Tuesday and one with an approved request Thursday."""
    counter = frozenset({"role:counter"})
    return RosterProblem(
        days=DAYS,
        employees=(
            person(1, DAYS, groups=counter, fixed={TUE: "absent"}),
            person(2, DAYS, groups=counter, fixed={TUE: "absent", THU: "wfa"}),
            person(3, DAYS, groups=counter),
            person(4, DAYS),
        ),
        max_offsite_share=1.0,
        minimums=(GroupMinimum("role:counter", minimum),),
        relax_shortfalls=relax,
    )


def test_a_minimum_the_staff_cannot_meet_is_explained_by_day_and_rule():
    result = solve(counter_unit(), OPTIONS)
    assert result.status == "infeasible"
    assert result.assignment == {}
    assert [
        (x.rule, x.day, x.subject, x.needed, x.available, x.blocking) for x in result.explanations
    ] == [
        ("min_onsite", TUE, "role:counter", 2, 1, True),
    ]


def test_relaxed_shortfalls_keep_every_available_member_on_site_and_still_say_so():
    result = solve(counter_unit(relax=True), OPTIONS)
    assert result.status == "optimal"
    assert result.assignment[3][TUE] == "onsite"
    assert [(x.day, x.blocking) for x in result.explanations] == [(TUE, False)]
    tuesday = result.days[1]
    assert (tuesday.absent, tuesday.groups[0].onsite, tuesday.groups[0].minimum) == (2, 1, 2)


def test_the_solver_names_the_rule_when_the_pre_checks_are_bypassed():
    problem = counter_unit(minimum=3)
    named = {(x.rule, x.day, x.subject) for x in diagnose(problem, derive(problem))}
    assert named, "CP-SAT must find a core"
    assert named <= {("min_onsite", d, "role:counter") for d in DAYS}


def test_limits_the_fixed_days_already_break_are_noted_not_blocking():
    problem = RosterProblem(
        days=DAYS,
        employees=(
            person(1, DAYS, fixed={MON: "wfa", TUE: "wfa", WED: "wfa"}, cap_exempt=False),
            person(2, DAYS, fixed={MON: "wfa"}),
        ),
        weekly_cap=2,
        max_offsite_share=0.5,
    )
    result = solve(problem, OPTIONS)
    assert result.feasible
    notes = {(x.rule, x.subject, x.needed, x.available, x.blocking) for x in result.explanations}
    assert notes == {("weekly_cap", "employee:1", 2, 3, False), ("daily_quota", "", 1, 2, False)}
    assert result.wfa_days(1) == (MON, TUE, WED)


def wish(day: date, **kw: object) -> RosterEmployee:
    return person(1, DAYS, wished={day: "care"}, **kw)


# One wish of employee 1 on Friday, and the one rule that keeps it from being granted (the
# weekly cap is 5 unless the case says otherwise, so that it is not tight as well).
UNMET_CASES: dict[str, tuple[dict[str, Any], dict[str, Any], list[Reason]]] = {
    "fixed": ({"fixed": {FRI: "onsite"}}, {}, [Reason("fixed")]),
    "not_allowed": ({"allowed": frozenset(DAYS[:4])}, {}, [Reason("not_allowed")]),
    "blackout": ({}, {"blackout": frozenset({FRI})}, [Reason("blackout")]),
    "weekly_cap": (
        {"fixed": {MON: "wfa", TUE: "wfa"}},
        {"weekly_cap": 2},
        [Reason("weekly_cap", "2026-W37")],
    ),
    "daily_quota": ({}, {"offsite_caps": {FRI: 0}}, [Reason("daily_quota")]),
    "min_onsite": (
        {"groups": frozenset({"counter"})},
        {"minimums": (GroupMinimum("counter", 1),)},
        [Reason("min_onsite", "counter")],
    ),
}


@pytest.mark.parametrize("name", sorted(UNMET_CASES))
def test_an_unmet_wish_names_the_tight_rule(name):
    employee_kw, problem_kw, reasons = UNMET_CASES[name]
    problem = RosterProblem(
        days=DAYS,
        employees=(wish(FRI, **employee_kw),),
        max_offsite_share=1.0,
        **{"weekly_cap": 5, **problem_kw},
    )
    result = solve(problem, OPTIONS)
    assert result.assignment[1][FRI] == "onsite"
    [unmet] = result.unmet
    assert (unmet.employee, unmet.day, unmet.kind, unmet.reason_code) == (1, FRI, "wish", "care")
    assert list(unmet.reasons) == reasons


def test_a_wish_lost_to_another_persons_stronger_wish_is_a_trade_off():
    problem = RosterProblem(
        days=DAYS,
        employees=(
            person(1, DAYS, wished={FRI: ""}),
            person(2, DAYS, wished={FRI: "care"}),
        ),
        offsite_caps={FRI: 1},
        max_offsite_share=1.0,
        weights=RosterWeights(fairness=0, stability=0, spread=0),
    )
    result = solve(problem, OPTIONS)
    assert result.wfa_days(2) == (FRI,)
    [unmet] = result.unmet
    assert (unmet.employee, unmet.reasons) == (1, (Reason("daily_quota"),))


def test_an_unwanted_day_given_for_fairness_is_a_trade_off():
    # a colleague under the same rules had a WFA day more before: a day apart weighs more
    # than the unwanted day and its price
    problem = RosterProblem(
        days=DAYS[:1],
        employees=(
            person(1, DAYS[:1], unwanted={MON: ""}),
            person(2, DAYS[:1], fixed={MON: "absent"}, prior_wfa_days=1),
        ),
        max_offsite_share=1.0,
        weights=RosterWeights(unwanted=1, fairness=5),
    )
    result = solve(problem, OPTIONS)
    assert result.assignment[1][MON] == "wfa"
    [unmet] = result.unmet
    assert (unmet.kind, unmet.reasons) == ("unwanted", (Reason("trade_off"),))


@pytest.mark.parametrize(
    ("build", "code"),
    [
        (lambda: RosterEmployee(1, fixed={MON: "home"}), "fixed_placement"),  # type: ignore[dict-item]
        (lambda: RosterEmployee(1, prior_wfa_days=-1), "negative_count"),
        (lambda: RosterEmployee(1, wished={MON: ""}, unwanted={MON: ""}), "wished_and_unwanted"),
        (lambda: RosterEmployee(1, usual_weekdays=frozenset({7})), "weekday"),
        (lambda: GroupMinimum("g", -1), "negative_minimum"),
        (lambda: RosterWeights(wish=-1), "negative_weight"),
        (lambda: RosterProblem(days=(TUE, MON), employees=()), "days_not_sorted"),
        (
            lambda: RosterProblem(days=DAYS, employees=(person(1, DAYS), person(1, DAYS))),
            "duplicate_employee",
        ),
        (lambda: RosterProblem(days=DAYS, employees=(), max_offsite_share=1.5), "share_range"),
        (lambda: RosterProblem(days=DAYS, employees=(), weekly_cap=-1), "negative_cap"),
    ],
)
def test_bad_inputs_raise_a_coded_error(build, code):
    with pytest.raises(RosterInputError) as caught:
        build()
    assert caught.value.code == code


def test_inputs_are_frozen():
    e = person(1, DAYS, wished={MON: ""})
    with pytest.raises(TypeError):
        e.wished[TUE] = ""
    problem = RosterProblem(days=list(DAYS), employees=[e])
    assert isinstance(problem.days, tuple)
    assert isinstance(problem.employees, tuple)
    assert replace(problem, weekly_cap=1).weekly_cap == 1
