"""The request rule ``published_roster`` (pure) and its words."""

from datetime import date

import pytest
from django.utils import translation

from fleksi.policy.domain.engine import Outcome, TraceEntry
from fleksi.policy.domain.params import PolicyParams
from fleksi.policy.domain.requests import DayFacts, published_roster
from fleksi.policy.messages import RULE_LABELS, trace_message


def facts(placement, kind="regular"):
    return DayFacts(
        employee_id=1,
        day=date(2026, 9, 8),
        request_kind=kind,
        location_type="home",
        is_working_day=True,
        holiday_name=None,
        lead_working_days=5,
        eligible=True,
        eligibility_failures=(),
        week_wfa_days=1,
        extra={} if placement is None else {"roster_placement": placement},
    )


@pytest.mark.parametrize(
    ("placement", "kind", "outcome", "code"),
    [
        (None, "regular", Outcome.SKIP, "published_roster.none"),
        ("absent", "regular", Outcome.SKIP, "published_roster.none"),
        ("onsite", "regular", Outcome.FAIL, "published_roster.fail"),
        ("wfa", "regular", Outcome.PASS, "published_roster.pass"),
        ("onsite", "special_circumstances", Outcome.SKIP, "published_roster.exempt"),
        ("onsite", "official_duty", Outcome.SKIP, "published_roster.exempt"),
    ],
)
def test_published_roster(placement, kind, outcome, code):
    result = published_roster(facts(placement, kind), PolicyParams())
    assert (result.outcome, result.code) == (outcome, code)


@pytest.mark.parametrize(
    "code",
    [
        "published_roster.none",
        "published_roster.fail",
        "published_roster.pass",
        "published_roster.exempt",
    ],
)
def test_every_code_has_words(code):
    entry = TraceEntry("published_roster", "", Outcome.PASS, code, "wfa", "wfa", {})
    with translation.override("en"):
        assert trace_message(entry) != code
    assert "published_roster" in RULE_LABELS
