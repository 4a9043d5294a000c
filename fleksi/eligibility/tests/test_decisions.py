"""Eligibility of real records: facts from the organisation and the duty mapping, the
version in force, the stored decision and its trace."""

from datetime import timedelta

import pytest
from django.utils import timezone

from fleksi.eligibility.models import EligibilityDecision
from fleksi.eligibility.selectors import simulation_run, unit_eligibility
from fleksi.eligibility.services import eligibility_decide, eligibility_evaluate
from fleksi.jobmap.services import exception_grant
from fleksi.org.models import Employee
from fleksi.policy.domain.eligibility import ELIGIBILITY_RULES
from fleksi.policy.domain.engine import evaluate
from fleksi.policy.selectors import params_of
from fleksi.testkit.mapping import approve_mapping
from fleksi.testkit.policy import draft_policy, publish_policy

pytestmark = pytest.mark.django_db


@pytest.fixture
def mapped(world):
    approve_mapping(world, "loket", (90, 10), suitable={1})  # on site
    approve_mapping(world, "analis", (50, 30, 20), suitable={0, 1})  # capable
    return world


def failing(world, key, day=None):
    _version, decision = eligibility_evaluate(
        employee=world.people[key], day=day or timezone.localdate()
    )
    return {t.rule for t in decision.failures}


def test_without_a_policy_in_force_nobody_is_eligible(mapped):
    outcome = eligibility_decide(employee=mapped.people["staff_b1"], day=timezone.localdate())
    assert outcome.version is None
    assert outcome.stored.verdict == "refused"
    assert outcome.stored.trace[0]["code"] == "policy_in_force.none"


def test_decision_records_version_trace_and_both_languages(mapped):
    version = publish_policy(mapped)
    Employee.objects.filter(pk=mapped.people["staff_b1"].pk).update(last_rating="baik")
    outcome = eligibility_decide(employee=mapped.people["staff_b1"], day=timezone.localdate())
    assert outcome.stored.verdict == "allowed"
    unrated = eligibility_decide(employee=mapped.people["head_b"], day=timezone.localdate())
    assert [t["code"] for t in unrated.stored.trace if t["outcome"] == "warn"] == ["rating.missing"]
    assert outcome.stored.version_id == version.pk
    rules = [t["rule"] for t in outcome.stored.trace]
    assert rules == [r.id for r in ELIGIBILITY_RULES]
    first = outcome.stored.trace[0]
    assert first["article"] == "PermenPANRB 4/2025 Pasal 25"
    assert first["message_en"] == "Your ASN type (PNS) may use WFA."
    assert first["message_id"]
    assert first["message_id"] != first["message_en"]
    # Asking again the same day refreshes the one stored decision.
    eligibility_decide(employee=mapped.people["staff_b1"], day=timezone.localdate())
    assert EligibilityDecision.objects.filter(employee=mapped.people["staff_b1"]).count() == 1


def test_reasons_come_from_the_organisation_and_the_mapping(mapped):
    publish_policy(mapped)
    assert failing(mapped, "staff_b1") == set()
    assert failing(mapped, "staff_a1") == {"public_service_unit", "position_class"}
    assert failing(mapped, "staff_a2") == {"public_service_unit", "position_class"}
    assert failing(mapped, "head_b") == {"position_class"}  # position not mapped yet


def test_an_exception_lifts_the_exclusion_until_its_last_day(mapped):
    publish_policy(mapped)
    today = timezone.localdate()
    exception_grant(
        actor=mapped.user("bkpsdm"),
        employee=mapped.people["staff_a1"],
        kind="duty_in_public_service",
        reason="Mengelola keuangan loket",
        start=today,
        end=today + timedelta(days=10),
        override_class="partly",
        waives_unit_exclusion=True,
    )
    assert failing(mapped, "staff_a1") == set()
    assert failing(mapped, "staff_a1", today + timedelta(days=10)) == set()
    assert failing(mapped, "staff_a1", today + timedelta(days=11)) == {
        "public_service_unit",
        "position_class",
    }


def test_probation_after_a_promotion_uses_the_employee_record(mapped):
    publish_policy(mapped, probation_after_promotion_months=6)
    Employee.objects.filter(pk=mapped.people["staff_b1"].pk).update(
        last_promotion_date=timezone.localdate() - timedelta(days=30)
    )
    assert failing(mapped, "staff_b1") == {"probation_promotion"}


def test_unit_list_gives_every_person_of_the_subtree(mapped):
    publish_policy(mapped)
    _version, rows = unit_eligibility(mapped.units["b"], day=timezone.localdate())
    assert {(r.name, r.allowed) for r in rows} == {("Andi Pratama", False), ("Yusuf Hidayat", True)}


def test_simulation_counts_equal_one_by_one_decisions(mapped):
    today = timezone.localdate()
    publish_policy(mapped)
    draft = draft_policy(
        mapped,
        start=today + timedelta(days=30),
        exclude_public_service_units=False,
        allowed_position_classes=["capable", "partly", "unassessed"],
    )
    view = simulation_run(version=draft, day=today)
    res = view.result
    expected_after = sum(
        evaluate(ELIGIBILITY_RULES, f, params_of(draft)).allowed
        for f in (eligibility_facts(mapped, k, draft) for k in mapped.people)
    )
    assert res.total.total == len(mapped.people)
    assert res.total.after == expected_after
    gained = {view.people[c.employee_id][0] for c in res.changes if c.gains}
    # Heads whose positions are not mapped now pass; the counter staff stay on site.
    assert "Andi Pratama" in gained
    assert "Rina Kartika" not in gained
    assert all(c.gains for c in res.changes)


def eligibility_facts(world, key, version):
    from fleksi.eligibility.selectors import facts_of

    return facts_of(world.people[key], day=timezone.localdate(), params=params_of(version))
