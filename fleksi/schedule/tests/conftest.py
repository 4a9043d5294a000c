"""A world where Bappeda (unit b) has three analysts whose duties suit WFA, and a policy in
force that lets half of Bappeda work off-site on a day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from fleksi.accounts.models import User
from fleksi.org.models import Employee
from fleksi.org.services import employee_create
from fleksi.testkit.mapping import approve_mapping
from fleksi.testkit.policy import publish_policy
from fleksi.testkit.world import PASSWORD, make_nip


def next_weekday(start: date, weekday: int, weeks_ahead: int = 1) -> date:
    """The ``weekday`` (0 = Monday) of the week ``weeks_ahead`` after ``start``'s week."""
    monday = start - timedelta(days=start.weekday()) + timedelta(weeks=weeks_ahead)
    return monday + timedelta(days=weekday)


@pytest.fixture
def wfa(world):
    return wfa_world(world)


def wfa_world(world):
    """What the ``wfa`` fixture adds to the test world (also built once per module by
    the access matrix)."""
    approve_mapping(world, "analis", (60, 40), suitable={0, 1})
    birth = date(1992, 2, 2)
    p = world.positions["analis"]
    world.people["staff_b2"] = employee_create(
        actor=None,
        nip=make_nip(birth, "2"),
        name="Nur Aini",
        asn_type="pns",
        sex="2",
        birth_date=birth,
        position=p,
        unit=p.unit,
        tmt_appointment=date(2017, 3, 1),
        domicile=world.desa["melayu"],
        last_rating="baik",
    )
    world.users["staff_b2"] = User.objects.create_user(
        username=world.people["staff_b2"].nip, password=PASSWORD, employee=world.people["staff_b2"]
    )
    Employee.objects.filter(unit__path__startswith=world.units["b"].path).update(last_rating="baik")
    for key in ("staff_b1", "staff_b2", "head_b"):
        world.people[key].refresh_from_db()
    world.policy = publish_policy(world, default_max_offsite_share=0.5)
    world.monday = next_weekday(timezone.localdate(), 0)
    return world
