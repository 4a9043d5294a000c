from dataclasses import replace
from datetime import date

import pytest

from fleksi.policy.domain.params import (
    PolicyParams,
    diff_params,
    param_keys,
    params_to_json,
    parse_params,
    spec_of,
)


def test_defaults_follow_the_brief():
    p = PolicyParams()
    assert p.max_wfa_days_per_week == 2
    assert p.week_cap_exempt_kinds == {"official_duty", "special_circumstances"}
    assert p.exclude_public_service_units is True
    assert p.allowed_location_types == {"office", "home", "approved_place"}
    assert "cpns" not in p.allowed_asn_types


def test_every_parameter_names_its_article():
    for key in param_keys():
        assert spec_of(key).article, key


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
