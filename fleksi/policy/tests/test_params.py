from dataclasses import replace
from datetime import date

import pytest

from fleksi.policy.domain.params import (
    PolicyParams,
    basis_of,
    diff_params,
    param_keys,
    params_to_json,
    parse_params,
)


def test_defaults_follow_the_brief():
    p = PolicyParams()
    assert p.max_wfa_days_per_week == 2
    assert p.week_cap_exempt_kinds == {"official_duty", "special_circumstances"}
    assert p.exclude_public_service_units is True
    assert p.allowed_location_types == {"office", "home", "approved_place"}
    assert "cpns" not in p.allowed_asn_types


NATIONAL = {
    "PermenPANRB 4/2025 Pasal 11",
    "PermenPANRB 4/2025 Pasal 13",
    "PermenPANRB 4/2025 Pasal 13 ayat (1)",
    "PermenPANRB 4/2025 Pasal 14",
    "PermenPANRB 4/2025 Pasal 23",
    "PermenPANRB 4/2025 Pasal 25",
    "PermenPANRB 4/2025 Pasal 35",
    "Perpres 21/2023 Pasal 8",
    "PermenPANRB 6/2022",
    "UU 25/2009",
    "UU 27/2022 (Pelindungan Data Pribadi)",
}


def test_every_parameter_records_its_basis():
    """A national article that sets the rule, or the PPK's choice in the Perbup (with the
    national article that leaves it to the PPK, when there is one) — from a closed list."""
    for key in param_keys():
        basis = basis_of(key)
        assert basis.ppk or basis.national, key
        assert not basis.national or basis.national in NATIONAL, (key, basis.national)


@pytest.mark.parametrize(
    "key",
    [
        # deadlines are not in Pasal 30; check-ins per day are not in the Perpres; the
        # revocation is not in Pasal 35; probation windows are the PPK's choice; the
        # exclusion of public-service units is not Pasal 14.
        "request_lead_days",
        "approval_deadline_days",
        "report_deadline_days",
        "verification_deadline_days",
        "checkins_per_day",
        "max_unreported_wfa_days",
        "revocation_min_achievement_pct",
        "revocation_max_unreported_days",
        "suspension_days",
        "probation_after_appointment_months",
        "probation_after_rotation_months",
        "exclude_public_service_units",
        "min_last_rating",
        "min_connectivity",
        "place_decider",
    ],
)
def test_the_ppk_s_choices_are_recorded_as_such(key):
    basis = basis_of(key)
    assert basis.ppk
    assert basis.text.startswith("Ditetapkan PPK dalam Perbup")
    assert "Pasal 30" not in basis.text
    assert "Perpres" not in basis.text or key in {"exclude_public_service_units", "min_last_rating"}
    if key.startswith(("revocation", "suspension", "max_unreported")):
        assert "Pasal 35" not in basis.text
    if key == "exclude_public_service_units":
        assert "Pasal 14" not in basis.text


def test_the_perbup_article_joins_the_basis():
    p = PolicyParams(
        articles={"max_wfa_days_per_week": "Pasal 6 ayat (1)", "request_lead_days": "Pasal 9"}
    )
    assert p.article("max_wfa_days_per_week") == (
        "PermenPANRB 4/2025 Pasal 13 ayat (1); Perbup Pasal 6 ayat (1)"
    )
    assert p.article("request_lead_days") == "Ditetapkan PPK dalam Perbup Pasal 9"
    assert p.article("default_max_offsite_share") == (
        "Ditetapkan PPK dalam Perbup (dasar: PermenPANRB 4/2025 Pasal 14)"
    )


def test_json_round_trip():
    p = replace(
        PolicyParams(),
        blackout_dates=(date(2026, 12, 31),),
        extra_duty_criteria=(("sinyal", "Sinyal memadai", "Adequate signal"),),
    )
    assert parse_params(params_to_json(p)) == p


@pytest.mark.parametrize(
    ("raw", "key", "code"),
    [
        ({"max_wfa_days_per_week": 6}, "max_wfa_days_per_week", "range"),
        ({"max_wfa_days_per_week": "dua"}, "max_wfa_days_per_week", "type"),
        ({"max_wfa_days_per_week": True}, "max_wfa_days_per_week", "type"),
        ({"default_max_offsite_share": 1.5}, "default_max_offsite_share", "range"),
        ({"allowed_asn_types": ["pns", "tni"]}, "allowed_asn_types", "choice"),
        ({"allowed_asn_types": "pns"}, "allowed_asn_types", "type"),
        ({"min_last_rating": "luar_biasa"}, "min_last_rating", "choice"),
        ({"checkins_per_day": 3}, "checkins_per_day", "choice"),
        ({"exclude_disciplinary": "yes"}, "exclude_disciplinary", "type"),
        ({"nonsense": 1}, "nonsense", "unknown"),
        (
            {"class_partly_min_share": 0.9, "class_capable_min_share": 0.5},
            "class_partly_min_share",
            "order",
        ),
    ],
)
def test_invalid_values_are_named(raw, key, code):
    problems = parse_params(raw)
    assert isinstance(problems, list)
    assert [(p.key, p.code) for p in problems] == [(key, code)]


def test_diff_says_which_way_each_change_goes():
    before = PolicyParams()
    after = replace(
        before,
        max_wfa_days_per_week=1,
        min_last_rating="sangat_baik",
        allowed_asn_types=frozenset({"pns", "pppk", "pppk_pw", "cpns"}),
        default_max_offsite_share=0.5,
    )
    changes = {c.key: c.direction for c in diff_params(before, after)}
    assert changes == {
        "allowed_asn_types": "looser",
        "min_last_rating": "stricter",
        "max_wfa_days_per_week": "stricter",
        "default_max_offsite_share": "looser",
    }


def test_every_parameter_is_documented():
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[3] / "docs" / "policy.md").read_text()
    missing = [key for key in param_keys() if f"`{key}`" not in doc]
    assert missing == []
