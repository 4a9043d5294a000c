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
        ("3g", True, "home", "3g", "refuse", Outcome.PASS, "pass"),  # exactly the minimum
        ("2g", False, "home", "3g", "refuse", Outcome.FAIL, "fail"),  # one step below
        ("2g", False, "home", "3g", "warn", Outcome.WARN, "warn"),
        ("broadband", True, "approved_place", "4g", "refuse", Outcome.PASS, "pass"),
        ("4g", True, "home", "broadband", "refuse", Outcome.FAIL, "fail"),
        ("none", False, "home", "2g", "refuse", Outcome.FAIL, "fail"),
        ("none", False, "home", "none", "refuse", Outcome.SKIP, "off"),
        ("3g", False, "home", "3g", "refuse", Outcome.WARN, "not_ready"),
        ("3g", None, "home", "3g", "refuse", Outcome.PASS, "pass"),
        (None, None, "home", "3g", "refuse", Outcome.WARN, "unknown"),
        (None, None, "approved_place", "3g", "warn", Outcome.WARN, "unknown"),
        ("2g", False, "office", "3g", "refuse", Outcome.SKIP, "office"),
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
            "Connectivity at this place: 2G, below the minimum (3G). WFA from there is not "
            "allowed.",
        ),
        (
            "warn",
            Verdict.ALLOWED_WITH_WARNINGS,
            "Connectivity at this place: 2G, below the minimum (3G). Work may be interrupted.",
        ),
    ],
)
def test_the_policy_decides_refuse_or_warn_with_a_reason(mode, verdict, text):
    params = PolicyParams(min_connectivity="3g", connectivity_rule_mode=mode)
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
        facts("3g"),
        params,
    ).trace[0]
    text = trace_message(replace(entry, code=f"location_connectivity.{code}"), "en")
    assert text != f"location_connectivity.{code}"
