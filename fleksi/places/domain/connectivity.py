"""Connectivity levels, and what one measurement from a check-in says about them. Pure.

Levels, as Kukar has them (brief §13; 3G was switched off by the big operators in 2022–23):
``none`` (no signal), ``2g`` (voice, SMS, EDGE), ``4g``, ``radio_link`` (a point-to-point
radio link, usually to the village office), ``vsat`` (a satellite link, e.g. BAKTI's) and
``fibre``. They are the values of the policy parameter ``min_connectivity``. Which level is
better is **configuration**: each level earns the points the policy in force gives it
(``readiness_points_<level>``), and a level meets a minimum when it earns at least the
minimum's points (:func:`at_least`); :data:`NETWORK_LEVELS` is only the order of display.

A browser that implements the Network Information API reports an *effective type*
(``slow-2g``, ``2g``, ``3g``, ``4g``), a round-trip time and a downlink estimate; every
browser lets the page time how long its request took to reach the server. One measurement
is read as one level (:func:`sample_level`):

1. the effective type when the browser gives one (``4g`` → ``4g``; ``slow-2g``, ``2g`` and
   ``3g`` → ``2g``: the API's "3g" is a speed class — round trip ≥ 270 ms or downlink
   ≤ 0.7 Mbit/s —, slower than any working 4G link, and no 3G network is left to name);
2. else the round-trip time and downlink, with the same thresholds the browsers use
   (:data:`RTT_MS`, :data:`DOWNLINK_MBPS`; the worse of the two counts);
3. else the time to reach the server (:data:`SERVER_MS`, a coarser reading);
4. else nothing: the measurement is not kept.

A measurement never says ``none`` (the check-in did arrive) nor a fixed link (a browser
cannot tell a fixed line from a good mobile signal; it reports ``4g`` for both).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

# Same values as ``fleksi.policy.domain.params.NETWORK_LEVELS`` (a test keeps them equal).
NETWORK_LEVELS = ("none", "2g", "4g", "radio_link", "vsat", "fibre")  # order of display
MOBILE_LEVELS = ("none", "2g", "4g")
FIXED_LINKS = ("radio_link", "vsat", "fibre")
EFFECTIVE_TYPES = ("slow-2g", "2g", "3g", "4g")
MEASURED_LEVELS = ("2g", "4g")  # worst first
SLOW_LEVEL = "2g"  # a sample at this level counts as slow

EFFECTIVE_TYPE_LEVEL: Mapping[str, str] = {"slow-2g": "2g", "2g": "2g", "3g": "2g", "4g": "4g"}
# The browsers' effective-connection-type table (WICG Network Information API): a
# round-trip time at or above 270 ms, or a downlink at or below 0.7 Mbit/s, is what the
# API calls "3g" or worse — read here as 2G (see above).
RTT_MS: tuple[tuple[str, float], ...] = (("2g", 270),)
DOWNLINK_MBPS: tuple[tuple[str, float], ...] = (("2g", 0.7),)
# Time for the check-in request to reach the server, when the browser says nothing else.
SERVER_MS: tuple[tuple[str, float], ...] = (("2g", 1000),)

# Values outside these bounds are not network measurements (a clock jump, a request that
# waited offline) and are dropped.
MAX_RTT_MS = 60_000
MAX_DOWNLINK_MBPS = 10_000.0
MAX_SERVER_MS = 60_000


def level_rank(level: str) -> int:
    """The place of a level in the order of display; ``ValueError`` for an unknown level."""
    return NETWORK_LEVELS.index(level)


def at_least(level: str, minimum: str, points: Mapping[str, int]) -> bool:
    """Whether ``level`` meets ``minimum``: it earns at least the minimum's points (the
    points are the policy's, ``readiness_points_<level>``). ``KeyError`` for an unknown
    level."""
    return points[level] >= points[minimum]


def worst(*levels: str) -> str:
    """The worse of measured levels (``2g`` before ``4g``)."""
    return min(levels, key=MEASURED_LEVELS.index)


def _by_threshold(
    value: float, table: tuple[tuple[str, float], ...], *, higher_is_worse: bool
) -> str:
    for level, limit in table:
        if (value >= limit) if higher_is_worse else (value <= limit):
            return level
    return "4g"


@dataclass(frozen=True)
class Sample:
    """One measurement as kept: impossible values already dropped (``None``)."""

    effective_type: str  # one of EFFECTIVE_TYPES or ""
    rtt_ms: int | None
    downlink_mbps: float | None
    server_latency_ms: int | None
    level: str  # one of MEASURED_LEVELS, or "" when the sample says nothing


def _bounded_int(value: float | int | None, high: int) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    number = float(value)
    if not math.isfinite(number) or number < 0 or number > high:
        return None
    return round(number)


def _bounded_float(value: float | int | None, high: float) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    number = float(value)
    if not math.isfinite(number) or number < 0 or number > high:
        return None
    return round(number, 3)


def sample_level(
    effective_type: str, rtt_ms: float | None, downlink_mbps: float | None, server_ms: float | None
) -> str:
    """The level one measurement stands for ("" when it gives nothing to go on)."""
    if effective_type in EFFECTIVE_TYPE_LEVEL:
        return EFFECTIVE_TYPE_LEVEL[effective_type]
    found: list[str] = []
    if rtt_ms is not None:
        found.append(_by_threshold(rtt_ms, RTT_MS, higher_is_worse=True))
    if downlink_mbps is not None:
        found.append(_by_threshold(downlink_mbps, DOWNLINK_MBPS, higher_is_worse=False))
    if found:
        return worst(*found)
    if server_ms is not None:
        return _by_threshold(server_ms, SERVER_MS, higher_is_worse=True)
    return ""


def clean_sample(
    *,
    effective_type: str | None,
    rtt_ms: float | int | None,
    downlink_mbps: float | int | None,
    server_latency_ms: float | int | None,
) -> Sample:
    """What a check-in's browser reported, made safe to keep: unknown effective types become
    "", negative, infinite or absurd numbers become ``None``. Never raises: a check-in must
    not fail because of its network reading."""
    kind = (effective_type or "").strip().lower()
    kind = kind if kind in EFFECTIVE_TYPES else ""
    rtt = _bounded_int(rtt_ms, MAX_RTT_MS)
    downlink = _bounded_float(downlink_mbps, MAX_DOWNLINK_MBPS)
    server = _bounded_int(server_latency_ms, MAX_SERVER_MS)
    return Sample(kind, rtt, downlink, server, sample_level(kind, rtt, downlink, server))


def median_level(counts: Mapping[str, int]) -> str | None:
    """The level of the median sample, from the number of samples at each measured level.

    With an even number of samples the lower (worse) of the two middle ones counts: a place
    is not called better than half of its measurements show.
    """
    total = sum(counts.get(level, 0) for level in MEASURED_LEVELS)
    if total == 0:
        return None
    middle = (total + 1) // 2  # the position of the lower median, worst first
    seen = 0
    for level in MEASURED_LEVELS:
        seen += counts.get(level, 0)
        if seen >= middle:
            return level
    return MEASURED_LEVELS[-1]  # pragma: no cover - the loop always returns
