"""The readiness rules at their boundaries (pure)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fleksi.places.domain.connectivity import MEASURED_LEVELS, NETWORK_LEVELS
from fleksi.places.domain.readiness import (
    MAX_NETWORK_POINTS,
    MIN_SAMPLES,
    NETWORK_POINTS,
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
from fleksi.policy.domain.params import PolicyParams, spec_of


def test_the_levels_are_the_policys():
    assert NETWORK_LEVELS == POLICY_LEVELS
    assert NETWORK_LEVELS == ("none", "2g", "4g", "radio_link", "vsat", "fibre")  # no 3G
    assert dict(NETWORK_POINTS) == PolicyParams().network_points()
    for level in NETWORK_LEVELS:
        spec = spec_of(f"readiness_points_{level}")
        assert (spec.low, spec.high, spec.ppk) == (0, MAX_NETWORK_POINTS, True)


def test_the_points_are_the_policy_s_and_decide_the_minimum():
    """Levels are configuration: a policy that gives VSAT fewer points than 4G makes a VSAT
    place miss a 4G minimum, and its score follows the points."""
    points = {**NETWORK_POINTS, "vsat": 30}
    vsat = Survey("vsat", True, False)
    assert desa_readiness(vsat, min_connectivity="4g").ready is True
    strict = desa_readiness(vsat, min_connectivity="4g", points=points)
    assert (strict.score, strict.meets_minimum, strict.ready) == (70, False, False)
    # equal points meet each other's minimum
    assert desa_readiness(Survey("4g", True, False), min_connectivity="vsat").meets_minimum


@pytest.mark.parametrize(
    ("level", "power", "blank", "score"),
    [
        ("none", False, True, 0),
        ("none", True, False, 40),
        ("2g", True, False, 50),
        ("2g", True, True, 35),
        ("4g", False, False, 65),
        ("4g", True, True, 75),
        ("4g", True, False, 90),
        ("radio_link", False, True, 55),
        ("radio_link", True, False, 95),
        ("vsat", False, True, 50),
        ("vsat", True, False, 90),
        ("fibre", False, True, 60),
        ("fibre", True, False, 100),
    ],
)
def test_score(level, power, blank, score):
    assert score_of(level, electricity_24h=power, blank_spot=blank) == score


@pytest.mark.parametrize(
    ("surveyed", "measured", "samples", "expected"),
    [
        ("4g", "2g", MIN_SAMPLES - 1, ("4g", "survey")),  # too few: the survey counts
        ("4g", "2g", MIN_SAMPLES, ("2g", "measured")),  # enough: lowers
        ("none", "2g", MIN_SAMPLES, ("2g", "measured")),  # enough: raises
        ("fibre", "4g", 50, ("fibre", "survey")),  # a browser cannot say more
        ("radio_link", "4g", 50, ("radio_link", "survey")),
        ("vsat", "4g", 50, ("4g", "measured")),  # VSAT earns no more than 4G
        ("fibre", "2g", 50, ("2g", "measured")),
        (None, "2g", MIN_SAMPLES, ("2g", "measured")),
        (None, "2g", MIN_SAMPLES - 1, (None, "")),
        (None, None, 0, (None, "")),
    ],
)
def test_measured_adjustment(surveyed, measured, samples, expected):
    assert network_level_used(surveyed, measured, samples) == expected


@pytest.mark.parametrize(
    ("survey", "measured", "samples", "minimum", "score", "ready"),
    [
        # exactly the threshold, network at the minimum: ready
        (Survey("4g", False, False), None, 0, "4g", READY_MIN_SCORE, True),
        # one point short of the threshold is not possible; the next lower score is 60
        (Survey("fibre", False, True), None, 0, "4g", 60, False),
        (Survey("vsat", True, True), None, 0, "4g", 75, True),
        # score high enough, network below the minimum: not ready
        (Survey("4g", True, False), None, 0, "fibre", 90, False),
        (Survey("2g", True, False), None, 0, "4g", 50, False),
        # measurements lower it below the minimum
        (Survey("4g", True, False), "2g", MIN_SAMPLES, "4g", 50, False),
        # no profile: no score; known not ready when measurements are below the minimum
        (None, "2g", MIN_SAMPLES, "4g", None, False),
        (None, "4g", MIN_SAMPLES, "4g", None, None),
        (None, None, 0, "4g", None, None),
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
# Any points a policy may set (each 0–60), with 2G never above 4G (measurements are read
# as one of those two, and a better reading must not lower a score).
policy_points = st.fixed_dictionaries(
    {level: st.integers(0, MAX_NETWORK_POINTS) for level in NETWORK_LEVELS}
).filter(lambda p: p["2g"] <= p["4g"])


@given(
    surveys,
    st.sampled_from(NETWORK_LEVELS),
    measured,
    st.integers(0, 40),
    st.sampled_from(NETWORK_LEVELS),
    policy_points,
)
def test_a_better_surveyed_network_never_lowers_the_score_or_readiness(
    survey, other, measured_level, samples, minimum, points
):
    """ "Better" is what the policy's points say."""
    a, b = sorted([survey.best_network, other], key=lambda level: points[level])
    worse = desa_readiness(
        Survey(a, survey.electricity_24h, survey.blank_spot),
        measured_level=measured_level,
        samples=samples,
        min_connectivity=minimum,
        points=points,
    )
    better = desa_readiness(
        Survey(b, survey.electricity_24h, survey.blank_spot),
        measured_level=measured_level,
        samples=samples,
        min_connectivity=minimum,
        points=points,
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
    policy_points,
)
def test_better_measurements_never_lower_the_score(survey, m1, m2, samples, minimum, points):
    a, b = sorted([m1, m2], key=MEASURED_LEVELS.index)
    kw = {"samples": samples, "min_connectivity": minimum, "points": points}
    worse = desa_readiness(survey, measured_level=a, **kw)
    better = desa_readiness(survey, measured_level=b, **kw)
    assert better.score is not None
    assert worse.score is not None
    assert better.score >= worse.score
