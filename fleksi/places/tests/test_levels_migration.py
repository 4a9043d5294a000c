"""The mapping of the levels before 3G was switched off (migration places/0003)."""

import importlib

import pytest

from fleksi.places.domain.connectivity import NETWORK_LEVELS
from fleksi.policy.domain.params import PolicyParams

migration = importlib.import_module("fleksi.places.migrations.0003_levels_as_kukar_has_them")


@pytest.mark.parametrize(
    ("source", "level"),
    [
        ("Pendataan BAKTI Kominfo", "vsat"),
        ("Survei 2024: VSAT di kantor desa", "vsat"),
        ("Internet satelit", "vsat"),
        ("Radio link ke kantor desa", "radio_link"),
        ("Fiber optik Telkom", "fibre"),
        ("Serat optik", "fibre"),
        ("Survei Diskominfo 2025", "vsat"),  # unknown link: the one with the fewest points
        ("", "vsat"),
    ],
)
def test_a_fixed_broadband_becomes_the_link_its_source_names(source, level):
    assert migration.fixed_link_of(source) == level


def test_every_new_value_is_a_level_and_no_place_is_called_better_than_before():
    points = PolicyParams().network_points()
    assert migration.PROFILE_3G in NETWORK_LEVELS
    assert migration.MEASURED_3G in NETWORK_LEVELS
    assert set(migration.MIN_CONNECTIVITY.values()) <= set(NETWORK_LEVELS)
    # an unknown fixed link gets the fewest points of the fixed links
    fixed = ("radio_link", "vsat", "fibre")
    assert points[migration.FIXED_UNKNOWN] == min(points[f] for f in fixed)
    # a 3G survey is not raised to a 4G nobody surveyed
    assert points[migration.PROFILE_3G] < points["4g"]
