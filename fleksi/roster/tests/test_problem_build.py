"""The roster problem built from the database: days, people, allowed days from eligibility,
fixed days from requests and absences, minimums and quota from the policy, preferences."""

from datetime import timedelta

import pytest
from django.utils import timezone

from fleksi.common.domain.months import add_months, month_end, month_start
from fleksi.org.models import Employee
from fleksi.policy.models import RoleMinimum, UnitOverride
from fleksi.policy.selectors import work_calendar
from fleksi.roster.domain import GroupMinimum
from fleksi.roster.models import PreferenceDay, RosterPreference
from fleksi.roster.selectors.problem import roster_problem_build
from fleksi.roster.tests.conftest import approved_day
from fleksi.schedule.models import Absence

pytestmark = pytest.mark.django_db


def _employee(problem, world, key):
    return next(e for e in problem.employees if e.id == world.people[key].pk)


def test_days_people_and_allowed_days(bappeda):
    w = bappeda
    built = roster_problem_build(w.units["b"], w.month)
    problem = built.problem
    last = month_end(w.month)
    assert list(problem.days) == work_calendar(w.month, last).working_days(w.month, last)
    assert {e.id for e in problem.employees} == {w.people[k].pk for k in ("head_b", *w.analysts)}
    assert built.version == w.policy
    for key in w.analysts:  # mapped duties, rated, no probation: every working day
        assert _employee(problem, w, key).allowed == frozenset(problem.days)
    # The head's position has no approved duty mapping: never eligible, never rostered WFA.
    assert _employee(problem, w, "head_b").allowed == frozenset()
    assert problem.weekly_cap == 2
    assert problem.max_offsite_share == 0.5
    assert problem.minimums == ()
    assert problem.relax_shortfalls is False


def test_eligibility_is_per_day_and_the_place_matters(bappeda):
    w = bappeda
    days = roster_problem_build(w.units["b"], w.month).problem.days
    # A disciplinary penalty from the middle of the month: no WFA from that day.
    middle = days[len(days) // 2]
    Employee.objects.filter(pk=w.people["staff_b2"].pk).update(
        discipline_status="serving", discipline_start=middle
    )
    # No domicile and no approved place: nowhere to work from.
    Employee.objects.filter(pk=w.people["staff_b3"].pk).update(domicile=None)
    problem = roster_problem_build(w.units["b"], w.month).problem
    assert _employee(problem, w, "staff_b2").allowed == frozenset(d for d in days if d < middle)
    assert _employee(problem, w, "staff_b3").allowed == frozenset()


def test_fixed_days_come_from_requests_and_absences(bappeda):
    w = bappeda
    days = roster_problem_build(w.units["b"], w.month).problem.days
    approved_day(w, "staff_b1", days[0])
    approved_day(w, "staff_b2", days[1], status="pending")
    approved_day(w, "staff_b3", days[2], status="rejected")
    Absence.objects.create(
        employee=w.people["staff_b4"],
        kind="leave",
        start=days[3],
        end=days[4],
        created_by=w.user("head_b"),
    )
    problem = roster_problem_build(w.units["b"], w.month).problem
    assert dict(_employee(problem, w, "staff_b1").fixed) == {days[0]: "wfa"}
    assert dict(_employee(problem, w, "staff_b2").fixed) == {days[1]: "wfa"}  # waiting: held
    assert dict(_employee(problem, w, "staff_b3").fixed) == {}  # rejected: nothing
    assert dict(_employee(problem, w, "staff_b4").fixed) == {days[3]: "absent", days[4]: "absent"}


def test_days_that_have_started_are_facts(bappeda):
    w = bappeda
    days = roster_problem_build(w.units["b"], w.month).problem.days
    problem = roster_problem_build(w.units["b"], w.month, today=days[1]).problem
    assert dict(_employee(problem, w, "staff_b1").fixed) == {days[0]: "onsite", days[1]: "onsite"}


def test_weeks_across_the_month_edge_and_the_rolling_window(bappeda):
    w = bappeda
    first = w.month
    monday = first - timedelta(days=first.weekday())
    before = [monday + timedelta(days=k) for k in range(first.weekday()) if k < 5]
    for day in before:
        approved_day(w, "staff_b1", day)
    approved_day(w, "staff_b1", add_months(first, -1) - timedelta(days=3))
    approved_day(w, "staff_b1", add_months(first, -2) + timedelta(days=1))
    approved_day(w, "staff_b1", add_months(first, -3))  # outside the window
    e = _employee(roster_problem_build(w.units["b"], w.month).problem, w, "staff_b1")
    expected_outside = {first.isocalendar()[:2]: len(before)} if before else {}
    assert dict(e.wfa_outside) == expected_outside
    assert e.prior_wfa_days == 2 + len(before)


def test_minimums_and_quota_come_from_the_policy(bappeda):
    w = bappeda
    b = w.units["b"]
    UnitOverride.objects.create(
        version=w.policy, unit=b, min_onsite_staff=2, max_offsite_share="0.25"
    )
    RoleMinimum.objects.create(version=w.policy, unit=b, role="analyst", min_onsite=1)
    w.positions["analis"].service_role = "analyst"
    w.positions["analis"].save(update_fields=["service_role"])
    problem = roster_problem_build(b, w.month).problem
    assert problem.max_offsite_share == 0.25
    assert set(problem.minimums) == {
        GroupMinimum(f"unit:{b.pk}", 2),
        GroupMinimum(f"unit:{b.pk}/role:analyst", 1),
    }
    assert f"unit:{b.pk}/role:analyst" in _employee(problem, w, "staff_b1").groups
    assert f"unit:{b.pk}/role:analyst" not in _employee(problem, w, "head_b").groups


def test_a_public_service_unit_keeps_the_policy_minimum(world):
    from fleksi.testkit.policy import publish_policy

    publish_policy(world, min_onsite_public_service=2)
    a = world.units["a"]
    problem = roster_problem_build(a, add_months(month_start(timezone.localdate()), 1)).problem
    groups = {m.group: m.minimum for m in problem.minimums}
    assert groups == {f"unit:{world.units['a_bid'].pk}": 2, f"unit:{world.units['a_loket'].pk}": 2}


def test_preferences_become_wishes_and_unwanted_days(bappeda):
    w = bappeda
    days = roster_problem_build(w.units["b"], w.month).problem.days
    pref = RosterPreference.objects.create(employee=w.people["staff_b1"], month=w.month)
    PreferenceDay.objects.create(preference=pref, day=days[0], kind="wish", reason="care")
    PreferenceDay.objects.create(preference=pref, day=days[1], kind="avoid", reason="other")
    e = _employee(roster_problem_build(w.units["b"], w.month).problem, w, "staff_b1")
    assert dict(e.wished) == {days[0]: "care"}
    assert dict(e.unwanted) == {days[1]: "other"}
