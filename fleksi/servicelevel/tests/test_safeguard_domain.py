"""The safeguard's comparison: exactly at the threshold fires, just below does not; minimum
samples; each metric in its bad direction."""

from datetime import date, timedelta
from decimal import Decimal as D
from fractions import Fraction

import pytest

from fleksi.servicelevel.domain.safeguard import (
    COMPLAINT_RATE,
    COMPLETION_RATE,
    IKM,
    PROCESSING_COMPLIANCE,
    PROCESSING_TIME,
    WAITING_TIME,
    DayFigure,
    ServiceFacts,
    SurveyPoint,
    Thresholds,
    degradation,
    evaluate,
    windows_for,
)

START = date(2026, 6, 1)
W = windows_for(day=START + timedelta(days=59), wfa_start=START, baseline_days=90, recent_days=30)


def days(first, n, **kw):
    return [DayFigure(first + timedelta(days=i), **kw) for i in range(n)]


def base_days(n=20, **kw):
    return days(W.baseline_start, n, **kw)


def recent_days(n=20, **kw):
    return days(W.recent_start, n, **kw)


def outcome(facts, metric, threshold=10, min_days=10):
    result = evaluate(facts, W, Thresholds(threshold, min_days))
    return next(o for o in result if o.metric == metric)


def figures(before, after, standard=60):
    return ServiceFacts(standard_max_processing=standard, figures=tuple(before + after))


def test_windows():
    assert (W.baseline_start, W.baseline_end) == (date(2026, 3, 3), date(2026, 5, 31))
    assert (W.recent_start, W.recent_end) == (date(2026, 7, 1), date(2026, 7, 30))
    # the recent window never reaches back before the WFA start
    early = windows_for(
        day=START + timedelta(days=5), wfa_start=START, baseline_days=90, recent_days=30
    )
    assert early.recent_start == START
    assert (
        windows_for(
            day=START - timedelta(days=1), wfa_start=START, baseline_days=90, recent_days=30
        )
        is None
    )


@pytest.mark.parametrize(
    ("recent", "fires"),
    [("22", True), ("21.99", False), ("25", True), ("20", False), ("18", False)],
)
def test_processing_time_fires_exactly_at_the_threshold(recent, fires):
    facts = figures(
        base_days(received=10, completed=10, median_processing=D(20)),
        recent_days(received=10, completed=10, median_processing=D(recent)),
    )
    o = outcome(facts, PROCESSING_TIME)
    assert o.fires is fires
    assert o.degradation_pct == (Fraction(D(recent)) - 20) * 100 / 20


@pytest.mark.parametrize(("completed", "fires"), [(90, True), (91, False)])
def test_completion_rate_fires_exactly_at_the_threshold(completed, fires):
    facts = figures(
        base_days(received=100, completed=100),
        recent_days(received=100, completed=completed),
    )
    o = outcome(facts, COMPLETION_RATE)
    assert o.fires is fires
    assert o.baseline == 1
    assert o.recent == Fraction(completed, 100)


@pytest.mark.parametrize(("late_days", "fires"), [(2, True), (1, False)])
def test_compliance_counts_days_within_the_standard(late_days, fires):
    # 20 recent days, 2 above the standard → 90 % against 100 %: worse by exactly 10 %.
    before = base_days(received=5, completed=5, median_processing=D(60))
    after = recent_days(20 - late_days, received=5, completed=5, median_processing=D(60)) + days(
        W.recent_start + timedelta(days=20 - late_days),
        late_days,
        received=5,
        completed=5,
        median_processing=D("60.01"),
    )
    o = outcome(figures(before, after, standard=60), PROCESSING_COMPLIANCE)
    assert o.fires is fires


def test_compliance_needs_a_standard():
    facts = figures(base_days(received=1, completed=1, median_processing=D(1)), [], standard=None)
    assert outcome(facts, PROCESSING_COMPLIANCE).outcome == "not_applicable"


@pytest.mark.parametrize(("recent", "fires"), [("11", True), ("10.99", False)])
def test_waiting_time(recent, fires):
    facts = figures(
        base_days(received=1, completed=1, median_waiting=D(10)),
        recent_days(received=1, completed=1, median_waiting=D(recent)),
    )
    assert outcome(facts, WAITING_TIME).fires is fires


def test_complaints_per_thousand_requests():
    before = base_days(received=100, completed=100)  # 2,000 requests
    after = recent_days(received=100, completed=100)
    complaints = [W.baseline_start] * 10 + [W.recent_start] * 11  # 5.0 → 5.5 per 1,000
    facts = ServiceFacts(60, tuple(before + after), complaint_days=tuple(complaints))
    o = outcome(facts, COMPLAINT_RATE)
    assert (o.baseline, o.recent) == (5, Fraction(11, 2))
    assert o.fires
    # a complaint outside both windows does not count
    facts = ServiceFacts(60, tuple(before + after), complaint_days=(*complaints[:-1], START))
    assert not outcome(facts, COMPLAINT_RATE).fires


def test_a_zero_baseline_is_not_compared():
    facts = ServiceFacts(
        60,
        tuple(base_days(received=100, completed=100) + recent_days(received=100, completed=100)),
        complaint_days=(W.recent_start,),
    )
    assert outcome(facts, COMPLAINT_RATE).outcome == "no_baseline"


@pytest.mark.parametrize(("n", "expected"), [(10, "fires"), (9, "too_few")])
def test_minimum_days_with_data_in_each_window(n, expected):
    facts = figures(
        base_days(n, received=1, completed=1, median_processing=D(20)),
        recent_days(10, received=1, completed=1, median_processing=D(30)),
    )
    assert outcome(facts, PROCESSING_TIME, min_days=10).outcome == expected
    facts = figures(
        base_days(10, received=1, completed=1, median_processing=D(20)),
        recent_days(n, received=1, completed=1, median_processing=D(30)),
    )
    assert outcome(facts, PROCESSING_TIME, min_days=10).outcome == expected


def test_days_outside_both_windows_do_not_count():
    gap = days(START, 20, received=1, completed=1, median_processing=D(99))  # before recent start
    facts = figures(
        base_days(received=1, completed=1, median_processing=D(20)),
        gap + recent_days(received=1, completed=1, median_processing=D(20)),
    )
    o = outcome(facts, PROCESSING_TIME)
    assert (o.baseline, o.recent, o.outcome) == (20, 20, "holds")


@pytest.mark.parametrize(("recent_index", "fires"), [("81.00", True), ("81.01", False)])
def test_ikm_baseline_surveys_against_surveys_since_wfa(recent_index, fires):
    surveys = (
        SurveyPoint(W.baseline_start, W.baseline_end, D("90.00"), 100),
        SurveyPoint(START, W.recent_end, D(recent_index), 50),
        # started before the WFA start: in neither side
        SurveyPoint(START - timedelta(days=10), W.recent_end, D("30.00"), 500),
    )
    o = outcome(ServiceFacts(60, surveys=surveys), IKM)
    assert o.fires is fires


def test_ikm_is_weighted_by_respondents():
    surveys = (
        SurveyPoint(W.baseline_start, W.baseline_start + timedelta(days=29), D("80.00"), 100),
        SurveyPoint(W.baseline_end - timedelta(days=29), W.baseline_end, D("90.00"), 300),
    )
    o = outcome(ServiceFacts(60, surveys=surveys), IKM)
    assert o.baseline == Fraction(875, 10)
    assert o.outcome == "too_few"  # no survey since the WFA start


@pytest.mark.parametrize(
    ("base", "recent", "worse", "expected"),
    [
        (20, 22, "higher", 10),
        (20, 18, "higher", -10),
        (90, 81, "lower", 10),
        (0, 5, "higher", None),
    ],
)
def test_degradation(base, recent, worse, expected):
    assert degradation(Fraction(base), Fraction(recent), worse) == expected
