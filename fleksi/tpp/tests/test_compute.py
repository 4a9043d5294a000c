"""The month's TPP of one person (pure): bands, caps, the split and the predikat."""

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fleksi.policy.domain.params import PolicyParams, parse_params
from fleksi.tpp.domain.compute import (
    ABSENT,
    DISCIPLINE,
    EARLY,
    FULL,
    KINDS,
    LATE,
    MISSING_REPORT,
    UNREPORTED_WFA,
    Facts,
    Incident,
    band_of,
    compute,
    percent,
)

P = PolicyParams()
DAY = date(2026, 4, 6)


@pytest.mark.parametrize(
    ("minutes", "band"), [(1, 1), (30, 1), (31, 2), (60, 2), (61, 3), (90, 3), (91, 4), (480, 4)]
)
def test_minutes_fall_in_their_band(minutes, band):
    assert band_of(minutes, P) == band


def test_the_default_split_is_sixty_forty_and_a_clean_baik_month_pays_everything():
    r = compute(Facts(1, (), "baik"), P)
    assert (r.performance_max, r.attendance_max) == (6000, 4000)
    assert (r.performance, r.attendance, r.total) == (6000, 4000, FULL)
    assert r.lines == ()


def test_an_unrated_month_pays_no_performance_part_yet():
    r = compute(Facts(1, (), ""), P)
    assert (r.rated, r.performance, r.total) == (False, 0, 4000)


def test_the_predikat_sets_the_share_of_the_performance_part():
    assert compute(Facts(1, (), "butuh_perbaikan"), P).performance == 4500  # 75 % of 60 %
    assert compute(Facts(1, (), "sangat_kurang"), P).performance == 1500


def test_each_incident_is_priced_by_its_rule_and_named_in_the_trace():
    facts = Facts(
        1,
        (
            Incident(LATE, DAY, 31),  # band 2: 2 % of the 40 %
            Incident(EARLY, DAY, 15),  # band 1: 1 %
            Incident(ABSENT, DAY + timedelta(days=1)),  # 5 %
            Incident(UNREPORTED_WFA, DAY + timedelta(days=2)),  # 3 %
            Incident(MISSING_REPORT, DAY + timedelta(days=3)),  # 2 %
        ),
        "baik",
    )
    r = compute(facts, P)
    assert [(line.kind, line.rule, line.applied) for line in r.lines] == [
        (LATE, "tpp_late_band2_share", 80),
        (EARLY, "tpp_early_band1_share", 40),
        (ABSENT, "tpp_absent_share", 200),
        (UNREPORTED_WFA, "tpp_unreported_wfa_share", 120),
        (MISSING_REPORT, "tpp_missing_report_share", 80),
    ]
    assert r.deducted == 520
    assert r.total == 6000 + 4000 - 520
    assert percent(r.total) == "94.80"


def test_lateness_stops_at_its_cap_for_the_month():
    late = tuple(Incident(LATE, DAY + timedelta(days=i), 120) for i in range(10))  # 5 % each
    r = compute(Facts(1, late, "baik"), P)
    assert r.deductions[LATE] == 1000  # 25 % of the 40 %
    assert [line.applied for line in r.lines] == [200] * 5 + [0] * 5
    assert r.lines[5].capped
    assert not r.lines[4].capped


def test_the_attendance_part_never_goes_below_zero():
    many = tuple(Incident(ABSENT, DAY + timedelta(days=i)) for i in range(22))
    r = compute(Facts(1, (*many, Incident(DISCIPLINE, None)), "baik"), P)
    assert r.attendance == 0
    assert r.total == 6000


def test_the_bands_must_grow():
    problems = parse_params({"tpp_band1_max_minutes": 60, "tpp_band2_max_minutes": 30})
    assert isinstance(problems, list)
    assert problems[0].code == "band_order"


incidents = st.lists(
    st.builds(
        Incident,
        st.sampled_from(KINDS),
        st.dates(date(2026, 4, 1), date(2026, 4, 30)),
        st.integers(0, 600),
    ),
    max_size=40,
)


@given(incidents, st.sampled_from(["", "sangat_baik", "baik", "kurang"]), st.floats(0, 1))
def test_the_parts_always_add_up_and_stay_within_bounds(found, predikat, share):
    params = replace(P, tpp_performance_share=round(share, 4))
    r = compute(Facts(1, tuple(found), predikat), params)
    assert r.performance_max + r.attendance_max == FULL
    assert r.attendance + r.deducted == r.attendance_max
    assert sum(line.applied for line in r.lines) == r.deducted
    assert 0 <= r.attendance <= r.attendance_max
    assert 0 <= r.total <= FULL
    assert r.total == r.performance + r.attendance_max - sum(r.deductions.values())


@given(incidents)
def test_stricter_deductions_never_pay_more(found):
    stricter = replace(P, tpp_late_band1_share=0.05, tpp_absent_share=0.10)
    facts = Facts(1, tuple(found), "baik")
    assert compute(facts, stricter).total <= compute(facts, P).total
