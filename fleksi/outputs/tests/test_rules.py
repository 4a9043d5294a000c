"""The rules added to the engine: the ``suspension`` eligibility rule at its boundaries, and
the ``unreported_outputs`` request rule, alone and on a real request."""

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from fleksi.eligibility.models import WfaSuspension
from fleksi.eligibility.selectors import facts_of
from fleksi.eligibility.services import eligibility_evaluate
from fleksi.outputs.services import report_submit
from fleksi.outputs.tests.conftest import approved_wfa, png, working_days_back
from fleksi.policy.domain.eligibility import ELIGIBILITY_RULES, EmployeeFacts, suspension
from fleksi.policy.domain.engine import Outcome, evaluate
from fleksi.policy.domain.params import PolicyParams
from fleksi.policy.domain.requests import DayFacts, unreported_outputs
from fleksi.policy.messages import trace_message
from fleksi.schedule.services import PlanItemIn, request_submit

DAY = date(2026, 11, 30)
BASE = EmployeeFacts(
    employee_id=1,
    day=DAY,
    asn_type="pns",
    tmt_appointment=date(2015, 3, 1),
    last_promotion_date=None,
    last_transfer_date=None,
    last_rotation_date=None,
    discipline_status="none",
    discipline_start=None,
    discipline_end=None,
    last_rating="baik",
    unit_kind="bidang",
    in_public_service_unit=False,
    position_class="capable",
)
P = PolicyParams()


@pytest.mark.parametrize(
    ("until", "outcome"),
    [
        (None, Outcome.PASS),
        (DAY + timedelta(days=1), Outcome.FAIL),
        (DAY, Outcome.FAIL),  # the last day of the suspension still refuses
        (DAY - timedelta(days=1), Outcome.PASS),  # the day after it ends: allowed
    ],
)
def test_suspension_rule_at_its_boundaries(until, outcome):
    result = suspension(replace(BASE, suspended_until=until), P)
    assert result.outcome == outcome
    assert result.param == "suspension_days"
    if outcome == Outcome.FAIL:
        assert (result.code, result.limit, result.details) == (
            "suspension.fail",
            until,
            {"until": until},
        )


def test_suspension_is_the_last_eligibility_rule_and_says_until_when():
    decision = evaluate(ELIGIBILITY_RULES, replace(BASE, suspended_until=DAY), P)
    assert [t.rule for t in decision.failures] == ["suspension"]
    assert decision.trace[-1].article == P.article("suspension_days")
    with_en = trace_message(decision.failures[0], "en")
    assert with_en.startswith("WFA is suspended until 30 November 2026")


def day_facts(**extra):
    return DayFacts(
        employee_id=1,
        day=DAY,
        request_kind="regular",
        location_type="home",
        is_working_day=True,
        holiday_name=None,
        lead_working_days=3,
        eligible=True,
        eligibility_failures=(),
        week_wfa_days=1,
        extra=extra,
    )


@pytest.mark.parametrize(
    ("extra", "outcome"),
    [
        ({}, Outcome.SKIP),
        ({"unreported_wfa_days": 0}, Outcome.PASS),
        ({"unreported_wfa_days": 2}, Outcome.PASS),  # the maximum itself is allowed
        ({"unreported_wfa_days": 3}, Outcome.FAIL),
        ({"unreported_wfa_days": "3"}, Outcome.SKIP),
    ],
)
def test_unreported_rule_at_its_boundary(extra, outcome):
    result = unreported_outputs(day_facts(**extra), P)
    assert result.outcome == outcome
    if outcome != Outcome.SKIP:
        assert (result.observed, result.limit) == (extra["unreported_wfa_days"], 2)


@pytest.mark.django_db
def test_the_suspension_fact_covers_its_days_until_reinstated(wfa):
    rina = wfa.people["staff_b1"]
    start, end = date(2026, 12, 1), date(2026, 12, 30)
    s = WfaSuspension.objects.create(
        employee=rina,
        month=date(2026, 10, 1),
        start=start,
        end=end,
        trigger="achievement",
        reason="achievement: 40.0 % < 70 %",
        decided_at=timezone.now(),
    )
    facts = {
        d: facts_of(rina, day=d, params=P).suspended_until
        for d in (start - timedelta(days=1), start, end, end + timedelta(days=1))
    }
    assert facts == {
        start - timedelta(days=1): None,
        start: end,
        end: end,
        end + timedelta(days=1): None,
    }
    assert facts_of(wfa.people["staff_b2"], day=start, params=P).suspended_until is None
    s.reinstated_at = timezone.now()
    s.save()
    assert facts_of(rina, day=start, params=P).suspended_until is None


@pytest.mark.django_db
def test_a_request_is_refused_while_too_many_wfa_days_are_unreported(wfa):
    past = working_days_back(6)
    approved_wfa(wfa, "staff_b1", past[:3])  # three WFA days, deadlines long over
    tue = wfa.monday + timedelta(days=1)
    plan = [PlanItemIn("Draf laporan", Decimal(1), "dokumen", tue)]
    request = request_submit(
        actor=wfa.user("staff_b1"), employee=wfa.people["staff_b1"], days=[tue], plan=plan
    )
    day = request.days.get()
    assert day.status == "refused"
    failed = [r for r in day.trace["rules"] if r["outcome"] == "fail"]
    assert [(r["rule"], r["observed"], r["limit"]) for r in failed] == [
        ("unreported_outputs", 3, 2)
    ]
    assert failed[0]["article"] == "Ditetapkan PPK dalam Perbup"
    assert failed[0]["message_en"].startswith("3 past WFA days are still without an output report")
    # Reporting one of them late brings the count to the maximum: the next request passes.
    report_submit(
        actor=wfa.user("staff_b1"),
        employee=wfa.people["staff_b1"],
        day=past[0],
        quantity=Decimal(1),
        description="Notulen rapat",
        unit="dokumen",
        evidence=png(),
    )
    again = request_submit(
        actor=wfa.user("staff_b1"), employee=wfa.people["staff_b1"], days=[tue], plan=plan
    )
    passed = {r["rule"]: r for r in again.days.get().trace["rules"]}["unreported_outputs"]
    assert (passed["outcome"], passed["observed"]) == ("pass", 2)


@pytest.mark.django_db
def test_a_suspended_employee_is_refused_a_request(wfa):
    rina = wfa.people["staff_b1"]
    tue = wfa.monday + timedelta(days=1)
    WfaSuspension.objects.create(
        employee=rina,
        month=date(2026, 10, 1),
        start=timezone.localdate(),
        end=tue,
        trigger="unreported",
        reason="unreported: 5 > 3",
        decided_at=timezone.now(),
    )
    _v, decision = eligibility_evaluate(employee=rina, day=tue)
    assert [t.rule for t in decision.failures] == ["suspension"]
    _v, after = eligibility_evaluate(employee=rina, day=tue + timedelta(days=1))
    assert after.allowed
