"""Table-driven tests of each eligibility rule, at the boundaries."""

from dataclasses import replace
from datetime import date

import pytest

from fleksi.policy.domain.eligibility import (
    ELIGIBILITY_RULES,
    EmployeeFacts,
    asn_type,
    discipline,
    position_class,
    probation_appointment,
    probation_promotion,
    probation_rotation,
    probation_transfer,
    public_service_unit,
    rating,
    unit_kind,
)
from fleksi.policy.domain.engine import Outcome, Verdict, evaluate
from fleksi.policy.domain.params import PolicyParams

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


def test_an_ordinary_employee_is_allowed_and_every_rule_is_traced():
    decision = evaluate(ELIGIBILITY_RULES, BASE, P)
    assert decision.verdict == Verdict.ALLOWED
    assert [t.rule for t in decision.trace] == [r.id for r in ELIGIBILITY_RULES]
    assert all(t.article for t in decision.trace)


@pytest.mark.parametrize(
    ("value", "outcome"),
    [
        ("pns", Outcome.PASS),
        ("pppk", Outcome.PASS),
        ("pppk_pw", Outcome.PASS),
        ("cpns", Outcome.FAIL),
    ],
)
def test_asn_type(value, outcome):
    assert asn_type(replace(BASE, asn_type=value), P).outcome == outcome


@pytest.mark.parametrize(
    ("status", "start", "end", "outcome"),
    [
        ("none", None, None, Outcome.PASS),
        ("serving", date(2026, 1, 1), DAY, Outcome.FAIL),  # last day of the penalty
        ("serving", date(2026, 1, 1), date(2026, 11, 29), Outcome.PASS),  # ended yesterday
        ("in_process", date(2026, 11, 1), None, Outcome.FAIL),  # open-ended examination
        ("in_process", date(2026, 12, 1), None, Outcome.PASS),  # starts tomorrow
    ],
)
def test_discipline(status, start, end, outcome):
    facts = replace(BASE, discipline_status=status, discipline_start=start, discipline_end=end)
    assert discipline(facts, P).outcome == outcome


def test_discipline_rule_can_be_switched_off():
    facts = replace(BASE, discipline_status="serving", discipline_start=date(2026, 1, 1))
    assert discipline(facts, replace(P, exclude_disciplinary=False)).outcome == Outcome.SKIP


@pytest.mark.parametrize(
    ("rule", "field", "months_param"),
    [
        (probation_appointment, "tmt_appointment", "probation_after_appointment_months"),
        (probation_promotion, "last_promotion_date", "probation_after_promotion_months"),
        (probation_transfer, "last_transfer_date", "probation_after_transfer_months"),
        (probation_rotation, "last_rotation_date", "probation_after_rotation_months"),
    ],
)
@pytest.mark.parametrize(
    ("since", "outcome"),
    [
        # 12-month window from 1 Dec 2025 covers up to and including 30 Nov 2026.
        (date(2025, 12, 1), Outcome.FAIL),  # DAY is the last day of the window
        (date(2025, 11, 30), Outcome.PASS),  # DAY is the first day after it
    ],
)
def test_probation_window_boundaries(rule, field, months_param, since, outcome):
    params = replace(P, **{months_param: 12})
    result = rule(replace(BASE, **{field: since}), params)
    assert result.outcome == outcome
    if outcome == Outcome.FAIL:
        assert result.details["eligible_from"] == date(2026, 12, 1)


def test_no_date_or_zero_months_means_no_window():
    assert probation_promotion(BASE, P).outcome == Outcome.SKIP
    facts = replace(BASE, last_rotation_date=DAY)
    assert probation_rotation(facts, replace(P, probation_after_rotation_months=0)).outcome == (
        Outcome.SKIP
    )


@pytest.mark.parametrize(
    ("value", "minimum", "outcome"),
    [
        ("baik", "baik", Outcome.PASS),
        ("sangat_baik", "baik", Outcome.PASS),
        ("butuh_perbaikan", "baik", Outcome.FAIL),
        ("baik", "sangat_baik", Outcome.FAIL),
        ("", "baik", Outcome.WARN),
        ("sangat_kurang", "", Outcome.SKIP),
    ],
)
def test_rating(value, minimum, outcome):
    result = rating(replace(BASE, last_rating=value), replace(P, min_last_rating=minimum))
    assert result.outcome == outcome


@pytest.mark.parametrize(
    ("public", "waived", "exclude", "outcome"),
    [
        (False, False, True, Outcome.PASS),
        (True, False, True, Outcome.FAIL),
        (True, True, True, Outcome.PASS),
        (True, False, False, Outcome.SKIP),
    ],
)
def test_public_service_unit(public, waived, exclude, outcome):
    facts = replace(
        BASE,
        in_public_service_unit=public,
        exception_waives_unit=waived,
        exception_until=date(2026, 12, 31) if waived else None,
    )
    assert public_service_unit(facts, replace(P, exclude_public_service_units=exclude)).outcome == (
        outcome
    )


def test_unit_kind():
    params = replace(P, excluded_unit_kinds=frozenset({"puskesmas"}))
    assert unit_kind(replace(BASE, unit_kind="puskesmas"), params).outcome == Outcome.FAIL
    assert unit_kind(replace(BASE, unit_kind="bidang"), params).outcome == Outcome.PASS


@pytest.mark.parametrize(
    ("cls", "outcome", "code"),
    [
        ("capable", Outcome.PASS, "position_class.pass"),
        ("partly", Outcome.PASS, "position_class.pass"),
        ("onsite", Outcome.FAIL, "position_class.onsite"),
        ("unassessed", Outcome.FAIL, "position_class.unassessed"),
    ],
)
def test_position_class(cls, outcome, code):
    result = position_class(replace(BASE, position_class=cls), P)
    assert (result.outcome, result.code) == (outcome, code)


def test_refusal_names_every_failing_rule_with_value_and_limit():
    facts = replace(
        BASE, asn_type="cpns", tmt_appointment=date(2026, 6, 1), position_class="onsite"
    )
    decision = evaluate(ELIGIBILITY_RULES, facts, P)
    assert decision.verdict == Verdict.REFUSED
    failing = {t.rule: (t.observed, t.limit) for t in decision.failures}
    assert failing == {
        "asn_type": ("cpns", ["pns", "pppk", "pppk_pw"]),
        "probation_appointment": (date(2026, 6, 1), 12),
        "position_class": ("onsite", ["capable", "partly"]),
    }


def test_articles_can_be_replaced_by_the_perbup():
    params = replace(P, articles={"allowed_asn_types": "Perbup Kukar 7/2026 Pasal 5"})
    decision = evaluate(ELIGIBILITY_RULES, BASE, params)
    assert decision.trace[0].article == "PermenPANRB 4/2025 Pasal 25; Perbup Pasal 5"
