"""The connectivity rule of a WFA place, at its boundaries (pure)."""

from dataclasses import replace

import pytest

from fleksi.policy.domain.engine import Outcome, Rule, Verdict, evaluate
from fleksi.policy.domain.location import LocationFacts, location_connectivity
from fleksi.policy.domain.params import PolicyParams
from fleksi.policy.messages import trace_message


def facts(level, ready=True, kind="home"):
    return LocationFacts(
        location_type=kind, desa_code="64.02.12.2001", network_level=level, ready=ready
    )


@pytest.mark.parametrize(
    ("level", "ready", "kind", "minimum", "mode", "outcome", "code"),
    [
        ("4g", True, "home", "4g", "refuse", Outcome.PASS, "pass"),  # exactly the minimum
        ("2g", False, "home", "4g", "refuse", Outcome.FAIL, "fail"),  # one step below
        ("2g", False, "home", "4g", "warn", Outcome.WARN, "warn"),
        ("fibre", True, "approved_place", "4g", "refuse", Outcome.PASS, "pass"),
        ("vsat", True, "home", "4g", "refuse", Outcome.PASS, "pass"),  # as many points as 4G
        ("4g", True, "home", "radio_link", "refuse", Outcome.FAIL, "fail"),
        ("radio_link", True, "home", "fibre", "refuse", Outcome.FAIL, "fail"),
        ("none", False, "home", "2g", "refuse", Outcome.FAIL, "fail"),
        ("none", False, "home", "none", "refuse", Outcome.SKIP, "off"),
        ("4g", False, "home", "4g", "refuse", Outcome.WARN, "not_ready"),
        ("4g", None, "home", "4g", "refuse", Outcome.PASS, "pass"),
        ("3g", None, "home", "4g", "refuse", Outcome.WARN, "unknown"),  # 3G is no level
        (None, None, "home", "4g", "refuse", Outcome.WARN, "unknown"),
        (None, None, "approved_place", "4g", "warn", Outcome.WARN, "unknown"),
        ("2g", False, "office", "4g", "refuse", Outcome.SKIP, "office"),
    ],
)
def test_location_connectivity(level, ready, kind, minimum, mode, outcome, code):
    params = PolicyParams(min_connectivity=minimum, connectivity_rule_mode=mode)
    r = location_connectivity(facts(level, ready, kind), params)
    assert (r.rule, r.param, r.outcome, r.code) == (
        "location_connectivity",
        "min_connectivity",
        outcome,
        f"location_connectivity.{code}",
    )
    assert (r.observed, r.limit) == (level, minimum)
    assert r.details == {"desa": "64.02.12.2001", "ready": ready}


@pytest.mark.parametrize(
    ("mode", "verdict", "text"),
    [
        (
            "refuse",
            Verdict.REFUSED,
            "Connectivity at this place: 2G, below the minimum (4G). WFA from there is not "
            "allowed.",
        ),
        (
            "warn",
            Verdict.ALLOWED_WITH_WARNINGS,
            "Connectivity at this place: 2G, below the minimum (4G). Work may be interrupted.",
        ),
    ],
)
def test_the_policy_decides_refuse_or_warn_with_a_reason(mode, verdict, text):
    params = PolicyParams(min_connectivity="4g", connectivity_rule_mode=mode)
    rules = (Rule("location_connectivity", "min_connectivity", location_connectivity),)
    decision = evaluate(rules, facts("2g", False), params)
    assert decision.verdict == verdict
    entry = decision.trace[0]
    assert entry.article == "Ditetapkan PPK dalam Perbup"
    assert trace_message(entry, "en") == text


@pytest.mark.parametrize("code", ["pass", "fail", "warn", "not_ready", "unknown", "office", "off"])
def test_every_code_has_a_message(code):
    params = PolicyParams()
    entry = evaluate(
        (Rule("location_connectivity", "min_connectivity", location_connectivity),),
        facts("4g"),
        params,
    ).trace[0]
    text = trace_message(replace(entry, code=f"location_connectivity.{code}"), "en")
    assert text != f"location_connectivity.{code}"
