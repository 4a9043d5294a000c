"""The readiness rules at their boundaries (pure)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fleksi.places.domain.connectivity import MEASURED_LEVELS, NETWORK_LEVELS
from fleksi.places.domain.readiness import (
    MIN_SAMPLES,
    READY_MIN_SCORE,
    Readiness,
    Survey,
    area_readiness,
    band_of,
    desa_readiness,
    network_level_used,
    score_of,
    unit_readiness,
)
from fleksi.policy.domain.params import NETWORK_LEVELS as POLICY_LEVELS


def test_the_levels_are_the_policys():
    assert NETWORK_LEVELS == POLICY_LEVELS


@pytest.mark.parametrize(
    ("level", "power", "blank", "score"),
    [
        ("none", False, True, 0),
        ("none", True, False, 40),
        ("2g", True, False, 50),
        ("3g", True, False, 75),
        ("3g", False, False, 50),
        ("3g", True, True, 60),
        ("4g", False, False, 65),
        ("4g", True, True, 75),
        ("4g", True, False, 90),
        ("broadband", False, True, 60),
        ("broadband", True, False, 100),
    ],
)
def test_score(level, power, blank, score):
    assert score_of(level, electricity_24h=power, blank_spot=blank) == score


@pytest.mark.parametrize(
    ("surveyed", "measured", "samples", "expected"),
    [
        ("4g", "2g", MIN_SAMPLES - 1, ("4g", "survey")),  # too few: the survey counts
        ("4g", "2g", MIN_SAMPLES, ("2g", "measured")),  # enough: lowers
        ("none", "3g", MIN_SAMPLES, ("3g", "measured")),  # enough: raises
        ("broadband", "4g", 50, ("broadband", "survey")),  # a browser cannot say more
        ("broadband", "3g", 50, ("3g", "measured")),
        (None, "3g", MIN_SAMPLES, ("3g", "measured")),
        (None, "3g", MIN_SAMPLES - 1, (None, "")),
        (None, None, 0, (None, "")),
    ],
)
def test_measured_adjustment(surveyed, measured, samples, expected):
    assert network_level_used(surveyed, measured, samples) == expected


@pytest.mark.parametrize(
    ("survey", "measured", "samples", "minimum", "score", "ready"),
    [
        # exactly the threshold, network at the minimum: ready
        (Survey("4g", False, False), None, 0, "3g", READY_MIN_SCORE, True),
        # one point short of the threshold is not possible; the next lower score is 60
        (Survey("3g", True, True), None, 0, "3g", 60, False),
        (Survey("3g", True, False), None, 0, "3g", 75, True),
        # score high enough, network below the minimum: not ready
        (Survey("3g", True, False), None, 0, "4g", 75, False),
        # measurements lower it below the minimum
        (Survey("4g", True, False), "2g", MIN_SAMPLES, "3g", 50, False),
        # no profile: no score; known not ready when measurements are below the minimum
        (None, "2g", MIN_SAMPLES, "3g", None, False),
        (None, "4g", MIN_SAMPLES, "3g", None, None),
        (None, None, 0, "3g", None, None),
    ],
)
def test_ready(survey, measured, samples, minimum, score, ready):
    r = desa_readiness(survey, measured_level=measured, samples=samples, min_connectivity=minimum)
    assert (r.score, r.ready) == (score, ready)


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (None, "none"),
        (0, "poor"),
        (39, "poor"),
        (40, "weak"),
        (64, "weak"),
        (65, "ready"),
        (79.9, "ready"),
        (80, "good"),
        (100, "good"),
    ],
)
def test_bands(score, band):
    assert band_of(score) == band


def _r(score, ready):
    return Readiness(None, None, 0, None, "", score, None, ready)


def test_kecamatan_mean_of_scored_desa_and_share_of_all():
    area = area_readiness([_r(90, True), _r(50, False), _r(None, None), _r(70, True)])
    assert (area.places, area.scored, area.mean_score, area.ready) == (4, 3, 70.0, 2)
    assert area.ready_share == 0.5
    assert area.band == "ready"
    empty = area_readiness([])
    assert (empty.mean_score, empty.ready_share, empty.band) == (None, None, "none")


def test_unit_share_counts_missing_domiciles_as_not_ready():
    u = unit_readiness([1, 2, None, 1, 3], ready_desa={1, 3})
    assert (u.employees, u.with_domicile, u.ready, u.share) == (5, 4, 3, 0.6)
    assert unit_readiness([], ready_desa={1}).share is None


surveys = st.builds(Survey, st.sampled_from(NETWORK_LEVELS), st.booleans(), st.booleans())
measured = st.one_of(st.none(), st.sampled_from(MEASURED_LEVELS))


@given(
    surveys,
    st.sampled_from(NETWORK_LEVELS),
    measured,
    st.integers(0, 40),
    st.sampled_from(NETWORK_LEVELS),
)
def test_a_better_surveyed_network_never_lowers_the_score_or_readiness(
    survey, other, measured_level, samples, minimum
):
    a, b = sorted([survey.best_network, other], key=NETWORK_LEVELS.index)
    worse = desa_readiness(
        Survey(a, survey.electricity_24h, survey.blank_spot),
        measured_level=measured_level,
        samples=samples,
        min_connectivity=minimum,
    )
    better = desa_readiness(
        Survey(b, survey.electricity_24h, survey.blank_spot),
        measured_level=measured_level,
        samples=samples,
        min_connectivity=minimum,
    )
    assert better.score is not None
    assert worse.score is not None
    assert better.score >= worse.score
    assert better.ready or not worse.ready


@given(
    surveys,
    st.sampled_from(MEASURED_LEVELS),
    st.sampled_from(MEASURED_LEVELS),
    st.integers(0, 40),
    st.sampled_from(NETWORK_LEVELS),
)
def test_better_measurements_never_lower_the_score(survey, m1, m2, samples, minimum):
    a, b = sorted([m1, m2], key=NETWORK_LEVELS.index)
    worse = desa_readiness(survey, measured_level=a, samples=samples, min_connectivity=minimum)
    better = desa_readiness(survey, measured_level=b, samples=samples, min_connectivity=minimum)
    assert better.score is not None
    assert worse.score is not None
    assert better.score >= worse.score
