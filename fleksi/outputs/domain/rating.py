"""The monthly rating (pure): a suggested work-results level, the behaviour level the
supervisor enters, and the predikat from the quadrant of PermenPANRB 6/2022.

There is **no formula and no weight**: the predikat is read from the quadrant table below.
The work-results level is only *suggested*, by comparisons shown to the supervisor against
thresholds that are parameters of the policy in force (:class:`Limits`; the constants here are
their defaults, documented in ``docs/outputs.md``); the supervisor confirms the predikat or
changes it with a reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from fleksi.policy.domain.params import PolicyParams

ABOVE, AS_EXPECTED, BELOW = "above", "as", "below"
LEVELS = (ABOVE, AS_EXPECTED, BELOW)

SANGAT_BAIK, BAIK, BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG = (
    "sangat_baik",
    "baik",
    "butuh_perbaikan",
    "kurang",
    "sangat_kurang",
)
PREDIKATS = (SANGAT_BAIK, BAIK, BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG)

# PermenPANRB 6/2022, Lampiran: predikat kinerja pegawai from the work results (rows) and the
# work behaviour (columns). "Kurang" is "Kurang/Misconduct".
QUADRANT: dict[tuple[str, str], str] = {
    (ABOVE, ABOVE): SANGAT_BAIK,
    (ABOVE, AS_EXPECTED): BAIK,
    (ABOVE, BELOW): KURANG,
    (AS_EXPECTED, ABOVE): BAIK,
    (AS_EXPECTED, AS_EXPECTED): BAIK,
    (AS_EXPECTED, BELOW): KURANG,
    (BELOW, ABOVE): BUTUH_PERBAIKAN,
    (BELOW, AS_EXPECTED): BUTUH_PERBAIKAN,
    (BELOW, BELOW): SANGAT_KURANG,
}

# The BerAKHLAK core values (SE MenPANRB 20/2021), in their usual order.
BERAKHLAK = (
    "berorientasi_pelayanan",
    "akuntabel",
    "kompeten",
    "harmonis",
    "loyal",
    "adaptif",
    "kolaboratif",
)

# The default thresholds of the suggestion (percent, and quality on 0–100): the policy's own
# defaults, so that the numbers live in one place.
_DEFAULTS = PolicyParams()
ABOVE_MIN_ACHIEVEMENT = float(_DEFAULTS.rating_above_min_achievement_pct)
ABOVE_MIN_QUALITY = float(_DEFAULTS.rating_above_min_quality)
ABOVE_MIN_ON_TIME = float(_DEFAULTS.rating_above_min_on_time_pct)
AS_MIN_ACHIEVEMENT = float(_DEFAULTS.rating_as_min_achievement_pct)
AS_MIN_QUALITY = float(_DEFAULTS.rating_as_min_quality)


@dataclass(frozen=True)
class Limits:
    """The thresholds of the suggestion (the policy's ``rating_*`` parameters)."""

    above_achievement: float = ABOVE_MIN_ACHIEVEMENT
    above_quality: float = ABOVE_MIN_QUALITY
    above_on_time: float = ABOVE_MIN_ON_TIME
    as_achievement: float = AS_MIN_ACHIEVEMENT
    as_quality: float = AS_MIN_QUALITY


@dataclass(frozen=True)
class Step:
    """One comparison of the suggestion: ``code`` names it, ``met`` says if it held."""

    code: str
    observed: float | None
    limit: float
    met: bool


@dataclass(frozen=True)
class Suggestion:
    level: str | None  # None: no planned output in the month, nothing to suggest from
    steps: tuple[Step, ...]


def _at_least(code: str, observed: float | None, limit: float) -> Step:
    return Step(code, observed, limit, observed is not None and observed >= limit)


def suggest_results(
    achievement_pct: float | None,
    quality_mean: float | None,
    on_time_pct: float | None,
    limits: Limits = Limits(),
) -> Suggestion:
    """Above expectation when all three "above" comparisons hold; as expected when the
    achievement reaches its threshold and the quality (if any was scored) reaches its own;
    below otherwise."""
    if achievement_pct is None:
        return Suggestion(None, ())
    above = (
        _at_least("above.achievement", achievement_pct, limits.above_achievement),
        _at_least("above.quality", quality_mean, limits.above_quality),
        _at_least("above.on_time", on_time_pct, limits.above_on_time),
    )
    if all(s.met for s in above):
        return Suggestion(ABOVE, above)
    quality_ok = quality_mean is None or quality_mean >= limits.as_quality
    as_expected = (
        _at_least("as.achievement", achievement_pct, limits.as_achievement),
        Step("as.quality", quality_mean, limits.as_quality, quality_ok),
    )
    level = AS_EXPECTED if all(s.met for s in as_expected) else BELOW
    return Suggestion(level, above + as_expected)


def predikat(results: str, behaviour: str) -> str:
    """The cell of the quadrant (``KeyError`` for an unknown level)."""
    return QUADRANT[(results, behaviour)]
