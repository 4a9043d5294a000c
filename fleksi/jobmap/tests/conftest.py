"""Fixtures for the duty-mapping tests (helpers live in ``fleksi.testkit.mapping``)."""

from __future__ import annotations

import pytest

from fleksi.testkit.mapping import add_duties, answers_for, approve_mapping

__all__ = ["add_duties", "answers_for", "approve_mapping"]


@pytest.fixture
def mapped(world):
    """Petugas Loket on site (10 % suitable), Analis Kebijakan capable (80 % suitable)."""
    approve_mapping(world, "loket", (90, 10), suitable={1})
    approve_mapping(world, "analis", (50, 30, 20), suitable={0, 1})
    return world
