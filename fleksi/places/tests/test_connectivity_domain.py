"""One measurement read as a level; the median level (pure)."""

import math

import pytest

from fleksi.places.domain.connectivity import clean_sample, median_level, sample_level


@pytest.mark.parametrize(
    ("effective_type", "rtt", "downlink", "server", "level"),
    [
        ("slow-2g", None, None, None, "2g"),
        ("2g", 50, 50.0, 10, "2g"),  # the browser's own reading wins
        ("3g", None, None, None, "2g"),  # the API's "3g" speed class: 3G is gone
        ("4g", None, None, None, "4g"),
        ("", 1400, None, None, "2g"),
        ("", 1399, None, None, "2g"),
        ("", 270, None, None, "2g"),
        ("", 269, None, None, "4g"),
        ("", None, 0.07, None, "2g"),
        ("", None, 0.071, None, "2g"),
        ("", None, 0.7, None, "2g"),
        ("", None, 0.701, None, "4g"),
        ("", 100, 0.05, None, "2g"),  # the worse of the two
        ("", None, None, 3000, "2g"),
        ("", None, None, 2999, "2g"),
        ("", None, None, 1000, "2g"),
        ("", None, None, 999, "4g"),
        ("", 100, None, 5000, "4g"),  # server time only when the browser says nothing
        ("", None, None, None, ""),
    ],
)
def test_sample_level(effective_type, rtt, downlink, server, level):
    assert sample_level(effective_type, rtt, downlink, server) == level


def test_clean_sample_drops_what_cannot_be_true():
    s = clean_sample(
        effective_type=" 4G ", rtt_ms=-5, downlink_mbps=math.inf, server_latency_ms=10**9
    )
    assert (s.effective_type, s.rtt_ms, s.downlink_mbps, s.server_latency_ms) == (
        "4g",
        None,
        None,
        None,
    )
    s = clean_sample(
        effective_type="wifi", rtt_ms=True, downlink_mbps=1.23456, server_latency_ms=812.6
    )
    assert (s.effective_type, s.rtt_ms, s.downlink_mbps, s.server_latency_ms, s.level) == (
        "",
        None,
        1.235,
        813,
        "4g",
    )
    assert (
        clean_sample(
            effective_type=None, rtt_ms=None, downlink_mbps=None, server_latency_ms=None
        ).level
        == ""
    )


@pytest.mark.parametrize(
    ("counts", "level"),
    [
        ({}, None),
        ({"4g": 1}, "4g"),
        ({"2g": 1, "4g": 1}, "2g"),  # even: the worse middle one
        ({"2g": 1, "3g": 5, "4g": 1}, "2g"),  # a "3g" count is no level: ignored
        ({"2g": 2, "4g": 3}, "4g"),
        ({"2g": 3, "4g": 3}, "2g"),
        ({"2g": 0, "4g": 0}, None),
    ],
)
def test_median_level(counts, level):
    assert median_level(counts) == level
