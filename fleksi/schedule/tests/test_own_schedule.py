"""WFA requests follow the person's own schedule: the weekly maximum counts the working days
of their pattern (a six-day school week's Saturday is one), and a day off of their pattern
cannot be asked for (a fire-fighter's rest day), whatever the regency's calendar says."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from fleksi.schedule.domain.planning import PlanMode, PlanSpec
from fleksi.schedule.selectors.planning import plan_days
from fleksi.schedule.services import PlanItemIn, request_submit
from fleksi.worktime.models import WorkPattern
from fleksi.worktime.selectors import worktime_forget
from fleksi.worktime.services import person_work_pattern_assign
from fleksi.worktime.tests.patterns import FIRE_24H, SIX_DAY_SCHOOL

pytestmark = pytest.mark.django_db


@pytest.fixture
def own(wfa):
    for code, definition in (("school6", SIX_DAY_SCHOOL), ("fire24", FIRE_24H)):
        # Set up as data of the version in force (the services freeze a published one).
        WorkPattern.objects.create(
            version=wfa.policy, code=code, name=code, definition=definition, basis="Perbup"
        )
    worktime_forget()
    yield wfa
    worktime_forget()


def submit(world, who, days, **kw):
    return request_submit(
        actor=world.user(who),
        employee=world.people[who],
        days=days,
        plan=[PlanItemIn("Draf laporan", Decimal(1), "dokumen", max(days))],
        **kw,
    )


def rules_of(request, day):
    return {r["rule"]: r for r in request.days.get(day=day).trace["rules"]}


def test_a_six_day_week_counts_its_saturday(own):
    staff = own.people["staff_b1"]
    person_work_pattern_assign(
        actor=own.user("bkpsdm"), employee=staff, code="school6", start=own.monday - timedelta(7)
    )
    tue, wed, sat = (own.monday + timedelta(days=i) for i in (1, 2, 5))
    request = submit(own, "staff_b1", [tue, wed, sat])
    statuses = {d.day: d.status for d in request.days.all()}
    assert statuses == {tue: "pending", wed: "pending", sat: "refused"}
    rules = rules_of(request, sat)
    assert rules["working_day"]["outcome"] == "pass"
    assert (rules["weekly_cap"]["outcome"], rules["weekly_cap"]["observed"]) == ("fail", 3)
    # A week planned by weekdays includes the Saturday of her week, not the regency's.
    spec = PlanSpec(
        mode=PlanMode.WEEKLY,
        start=own.monday,
        end=own.monday + timedelta(days=6),
        weekdays=frozenset({5}),
    )
    assert plan_days(spec, staff.pk).days == (sat,)
    assert plan_days(spec).days == ()


def test_a_rest_day_of_a_duty_cycle_cannot_be_asked_for(own):
    staff = own.people["staff_b1"]
    person_work_pattern_assign(
        actor=own.user("bkpsdm"), employee=staff, code="fire24", start=own.monday - timedelta(7)
    )
    anchor = date(2026, 1, 1)
    days = [own.monday + timedelta(days=i) for i in range(7)]
    duty = [d for d in days if (d - anchor).days % 3 == 0]
    rest = next(d for d in days if (d - anchor).days % 3 and d.weekday() < 5)
    request = submit(own, "staff_b1", [duty[0], rest])
    assert rules_of(request, rest)["working_day"]["outcome"] == "fail"
    assert request.days.get(day=duty[0]).status == "pending"
