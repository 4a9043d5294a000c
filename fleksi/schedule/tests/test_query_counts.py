"""The check of a request reads its facts in a fixed number of queries (issue 17), and the
set-based staffing counts agree with the per-unit counts they replace."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fleksi.org.models import Unit
from fleksi.policy.models import PolicyGeneration
from fleksi.schedule.models import Absence
from fleksi.schedule.selectors.facts import SUBMISSION_STATUSES, check_days
from fleksi.schedule.selectors.staffing import headcount, offsite, staffing_counts
from fleksi.schedule.services import PlanItemIn, request_approve, request_submit

pytestmark = pytest.mark.django_db


def _approved_day(wfa, who, day):
    request = request_submit(
        actor=wfa.user(who),
        employee=wfa.people[who],
        days=[day],
        plan=[PlanItemIn("Draf laporan", Decimal(1), "dokumen", day)],
    )
    request_approve(actor=wfa.user("head_b"), step=request.steps.get())


def test_the_check_of_one_day_takes_eight_queries(wfa):
    tue = wfa.monday + timedelta(days=1)
    _approved_day(wfa, "staff_b2", tue)
    employee = wfa.people["staff_b1"]
    check = {
        "employee": employee,
        "days": [tue],
        "kind": "regular",
        "location_type": "home",
        "submitted_on": wfa.monday - timedelta(days=7),
        "statuses": SUBMISSION_STATUSES,
    }
    # The policy's cache needs its token row (migration policy/0003); a database reused
    # after a flush has lost it.
    if not PolicyGeneration.objects.exists():
        PolicyGeneration.objects.create(token=1)
    check_days(**check)  # the policy's cache filled
    with CaptureQueriesContext(connection) as queries:
        [day] = check_days(**check)
    # token, own schedule, weekly days, the person's eligibility row, the position's class,
    # staffing of every unit above, and the two facts other apps add (roster, outputs)
    assert len(queries.captured_queries) <= 8, [q["sql"][:80] for q in queries]
    [share] = [t for t in day.decision.trace if t.rule == "unit_share"]
    assert share.observed == 2  # staff_b2's approved day and this one


def test_staffing_counts_agree_with_the_counts_per_unit(wfa):
    tue = wfa.monday + timedelta(days=1)
    _approved_day(wfa, "staff_b2", tue)
    Absence.objects.create(
        employee=wfa.people["head_b"],
        kind=Absence.Kind.LEAVE,
        start=tue,
        end=tue,
        created_by=wfa.user("head_b"),
    )
    units = list(Unit.objects.order_by("path"))
    for exclude in (None, wfa.people["staff_b1"].pk, wfa.people["staff_b2"].pk):
        got = staffing_counts(units, tue, statuses=["approved"], exclude_employee=exclude)
        for unit in units:
            assert got[unit.pk][:2] == (
                headcount(unit, tue),
                offsite(unit, tue, statuses=["approved"], exclude_employee=exclude),
            ), unit.name
