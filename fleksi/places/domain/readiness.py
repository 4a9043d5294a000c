"""The readiness of a place for WFA: a score from 0 to 100 and a "ready" flag. Pure.

Documented for people in ``docs/places-readiness.md``; the numbers live here only.

**Score of a desa/kelurahan** (from its connectivity profile)::

    score = network points + 25 if electricity 24 hours a day + 15 if not a blank spot

    network points (the policy's ``readiness_points_<level>``; defaults in
    :data:`NETWORK_POINTS`): no signal 0 · 2G 10 · 4G 50 · radio link 55 · VSAT/satellite 50 ·
    fibre 60

**Measured adjustment.** With at least :data:`MIN_SAMPLES` measurements from check-ins in
the last :data:`WINDOW_DAYS` days, the level of the median measurement replaces the surveyed
network level, up or down (see :func:`network_level_used`); electricity and the blank-spot
flag are not changed by measurements. One exception: a browser reports a fixed line as
``4g``, so a measured ``4g`` keeps a surveyed level that earns more points than 4G.

**Ready**: score ≥ :data:`READY_MIN_SCORE` *and* the network level used meets the policy's
``min_connectivity`` (earns at least the minimum's points).

A place without a profile has no score; it is "not ready" when its measurements alone show
a level below the minimum, and "unknown" otherwise.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from fleksi.places.domain.connectivity import at_least

# The default points per level: those of ``PolicyParams()`` (a test keeps them equal); the
# policy in force may give others. At most 60, so that a score stays within 0–100.
NETWORK_POINTS: Mapping[str, int] = {
    "none": 0,
    "2g": 10,
    "4g": 50,
    "radio_link": 55,
    "vsat": 50,
    "fibre": 60,
}
MAX_NETWORK_POINTS = 60
ELECTRICITY_POINTS = 25
NO_BLANK_SPOT_POINTS = 15
READY_MIN_SCORE = 65
MIN_SAMPLES = 10
WINDOW_DAYS = 30
# Colour bands of the map, best first: (band, lowest score in it).
BANDS: tuple[tuple[str, int], ...] = (("good", 80), ("ready", READY_MIN_SCORE), ("weak", 40))
LOWEST_BAND = "poor"
NO_DATA_BAND = "none"


@dataclass(frozen=True)
class Survey:
    """The connectivity profile as surveyed."""

    best_network: str
    electricity_24h: bool
    blank_spot: bool


@dataclass(frozen=True)
class Readiness:
    surveyed_level: str | None  # None: no profile
    measured_level: str | None  # None: no measurements
    samples: int  # measurements in the window
    level: str | None  # the level used: measured when there are enough samples, else surveyed
    level_source: str  # "measured" | "survey" | ""
    score: int | None
    meets_minimum: bool | None  # level used ≥ min_connectivity
    ready: bool | None  # None: not known (no profile, and measurements do not rule it out)

    @property
    def band(self) -> str:
        return band_of(self.score)


def score_of(
    level: str,
    *,
    electricity_24h: bool,
    blank_spot: bool,
    points: Mapping[str, int] = NETWORK_POINTS,
) -> int:
    return (
        points[level]
        + (ELECTRICITY_POINTS if electricity_24h else 0)
        + (0 if blank_spot else NO_BLANK_SPOT_POINTS)
    )


def network_level_used(
    surveyed: str | None,
    measured: str | None,
    samples: int,
    points: Mapping[str, int] = NETWORK_POINTS,
) -> tuple[str | None, str]:
    """The level that counts and where it comes from ("measured", "survey" or "")."""
    if measured is not None and samples >= MIN_SAMPLES:
        if measured == "4g" and surveyed is not None and points[surveyed] > points["4g"]:
            return surveyed, "survey"  # measurements confirm it, and cannot say more
        return measured, "measured"
    if surveyed is not None:
        return surveyed, "survey"
    return None, ""


def desa_readiness(
    survey: Survey | None,
    *,
    measured_level: str | None = None,
    samples: int = 0,
    min_connectivity: str,
    points: Mapping[str, int] = NETWORK_POINTS,
) -> Readiness:
    surveyed = survey.best_network if survey is not None else None
    level, source = network_level_used(surveyed, measured_level, samples, points)
    meets = at_least(level, min_connectivity, points) if level is not None else None
    score: int | None = None
    ready: bool | None = None
    if survey is not None and level is not None:
        score = score_of(
            level,
            electricity_24h=survey.electricity_24h,
            blank_spot=survey.blank_spot,
            points=points,
        )
        ready = score >= READY_MIN_SCORE and bool(meets)
    elif meets is False:
        ready = False
    return Readiness(
        surveyed_level=surveyed,
        measured_level=measured_level,
        samples=samples,
        level=level,
        level_source=source,
        score=score,
        meets_minimum=meets,
        ready=ready,
    )


def band_of(score: float | None) -> str:
    if score is None:
        return NO_DATA_BAND
    for band, lowest in BANDS:
        if score >= lowest:
            return band
    return LOWEST_BAND


@dataclass(frozen=True)
class AreaReadiness:
    """A kecamatan (or the regency): the mean score of its desa that have one, and how many
    of all its desa are ready (a desa without data is not counted as ready)."""

    places: int
    scored: int
    mean_score: float | None
    ready: int

    @property
    def ready_share(self) -> float | None:
        return self.ready / self.places if self.places else None

    @property
    def band(self) -> str:
        return band_of(self.mean_score)


def area_readiness(items: Iterable[Readiness]) -> AreaReadiness:
    places = scored = ready = total = 0
    for r in items:
        places += 1
        if r.score is not None:
            scored += 1
            total += r.score
        if r.ready:
            ready += 1
    mean = round(total / scored, 1) if scored else None
    return AreaReadiness(places=places, scored=scored, mean_score=mean, ready=ready)


@dataclass(frozen=True)
class UnitReadiness:
    """A unit's WFA-capable employees and how many of them live in a ready desa/kelurahan.
    Employees without a recorded domicile, or whose domicile has no readiness yet, count in
    ``employees`` but not in ``ready``."""

    employees: int
    with_domicile: int
    ready: int

    @property
    def share(self) -> float | None:
        return self.ready / self.employees if self.employees else None


def unit_readiness(domiciles: Iterable[int | None], ready_desa: Collection[int]) -> UnitReadiness:
    """``domiciles``: the domicile desa id of each WFA-capable employee (``None`` if not
    recorded); ``ready_desa``: the ids of the desa that are ready."""
    employees = with_domicile = ready = 0
    for desa_id in domiciles:
        employees += 1
        if desa_id is not None:
            with_domicile += 1
            if desa_id in ready_desa:
                ready += 1
    return UnitReadiness(employees=employees, with_domicile=with_domicile, ready=ready)


def why_not_ready(
    readiness: Readiness, survey: Survey | None, points: Mapping[str, int] = NETWORK_POINTS
) -> tuple[str, ...]:
    """Codes of what keeps a place from counting as ready (empty when it is ready):
    ``no_profile``, ``below_minimum``, ``low_score``, ``no_electricity``, ``blank_spot``,
    ``weak_network`` (the network earns fewer than the 4G points)."""
    if readiness.ready:
        return ()
    codes: list[str] = []
    if survey is None:
        codes.append("no_profile")
    if readiness.meets_minimum is False:
        codes.append("below_minimum")
    if readiness.score is not None and readiness.score < READY_MIN_SCORE:
        codes.append("low_score")
        if survey is not None and not survey.electricity_24h:
            codes.append("no_electricity")
        if survey is not None and survey.blank_spot:
            codes.append("blank_spot")
        if readiness.level is not None and points[readiness.level] < points["4g"]:
            codes.append("weak_network")
    return tuple(codes)
