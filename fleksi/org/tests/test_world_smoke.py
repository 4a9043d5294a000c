import pytest

pytestmark = pytest.mark.django_db


def test_world_builds_with_derived_supervisors(world):
    p = world.people
    assert p["staff_a1"].supervisor_id == p["head_seksi"].pk
    assert p["head_seksi"].supervisor_id == p["head_bidang"].pk
    assert p["head_bidang"].supervisor_id == p["head_a"].pk
    assert p["head_a"].supervisor_id == p["sekda"].pk
    assert p["sekda"].supervisor_id is None
    assert p["staff_b1"].supervisor_id == p["head_b"].pk
