"""Every rule says where it comes from: the basis on the version page and in the OpenAPI
document, the place decider of Pasal 11, and dinas luar without a surat tugas."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from fleksi.policy.domain.engine import RULE_BASIS, evaluate
from fleksi.policy.domain.params import PolicyParams, param_keys
from fleksi.policy.domain.requests import REQUEST_RULES, DayFacts, weekly_cap

DAY = date(2026, 3, 10)


def facts(kind: str, week_days: int, letter: bool) -> DayFacts:
    return DayFacts(
        employee_id=1,
        day=DAY,
        request_kind=kind,
        location_type="home",
        is_working_day=True,
        holiday_name=None,
        lead_working_days=5,
        eligible=True,
        eligibility_failures=(),
        week_wfa_days=week_days,
        duty_letter=letter,
    )


@pytest.mark.parametrize(
    ("kind", "letter", "week_days", "outcome", "code"),
    [
        ("official_duty", True, 5, "skip", "weekly_cap.exempt"),
        ("official_duty", False, 2, "pass", "weekly_cap.pass"),
        ("official_duty", False, 3, "fail", "weekly_cap.no_letter"),
        ("special_circumstances", False, 5, "skip", "weekly_cap.exempt"),
        ("regular", False, 3, "fail", "weekly_cap.fail"),
    ],
)
def test_dinas_luar_without_a_surat_tugas_counts_towards_the_week(
    kind, letter, week_days, outcome, code
):
    r = weekly_cap(facts(kind, week_days, letter), PolicyParams())
    assert (str(r.outcome), r.code) == (outcome, code)


def test_every_rule_of_a_trace_carries_a_basis():
    decision = evaluate(REQUEST_RULES, facts("regular", 1, False), PolicyParams())
    for entry in decision.trace:
        assert entry.article, entry.rule
    assert RULE_BASIS["working_day"] == "Perpres 21/2023"


def test_the_version_page_shows_each_basis(client, world, settings):
    from fleksi.testkit.policy import publish_policy

    version = publish_policy(world)
    client.force_login(world.user("bkpsdm"))
    from django.urls import reverse

    page = client.get(reverse("policy:version_detail", args=[version.pk]))
    body = page.content.decode()
    assert "Ditetapkan PPK dalam Perbup" in body
    assert "PermenPANRB 4/2025 Pasal 13 ayat (1)" in body


def test_the_openapi_document_gives_every_parameter_s_basis(client, world):
    client.force_login(world.user("bkpsdm"))
    doc = client.get("/api/v1/openapi.json").json()
    props = doc["components"]["schemas"]["PolicyParamsOut"]["properties"]
    for key in param_keys():
        assert "Dasar hukum:" in props[key]["description"], key
    assert "ditetapkan PPK dalam Perbup" in props["request_lead_days"]["description"]
    assert "Pasal 13 ayat (1)" in props["max_wfa_days_per_week"]["description"]


def test_the_api_version_detail_lists_the_basis(client, world):
    from fleksi.testkit.policy import publish_policy

    version = publish_policy(world)
    client.force_login(world.user("bkpsdm"))
    body = client.get(f"/api/v1/policy/versions/{version.pk}").json()
    basis = {b["key"]: b["basis"] for b in body["basis"]}
    assert set(basis) == set(param_keys())
    assert basis["checkins_per_day"]["ppk"] is True
    assert basis["max_wfa_days_per_week"] == {
        "ppk": False,
        "national": "PermenPANRB 4/2025 Pasal 13 ayat (1)",
        "perbup": "",
        "text": "PermenPANRB 4/2025 Pasal 13 ayat (1)",
    }


def test_an_unknown_place_decider_is_refused():
    from fleksi.policy.domain.params import parse_params

    problems = parse_params({"place_decider": "lurah"})
    assert [(p.key, p.code) for p in problems] == [("place_decider", "choice")]
    assert replace(PolicyParams(), place_decider="opd_head").place_decider == "opd_head"
