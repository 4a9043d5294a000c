"""Bappeda (unit b) with five analysts whose duties suit WFA, a policy in force that lets
half of them work off site on a day, and next month to plan."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.utils import timezone, translation

from fleksi.accounts.models import User
from fleksi.common.domain.months import add_months, month_start
from fleksi.org.models import Employee
from fleksi.org.services import employee_create
from fleksi.roster.models import Roster
from fleksi.roster.services import roster_generate, roster_solve_run
from fleksi.schedule.models import RequestDay, WfaRequest
from fleksi.testkit.mapping import approve_mapping
from fleksi.testkit.policy import publish_policy
from fleksi.testkit.world import PASSWORD, make_nip

ANALYSTS = (("staff_b2", "Nur Aini"), ("staff_b3", "Citra Lestari"), ("staff_b4", "Dewi Sartika"))


@pytest.fixture(autouse=True)
def _short_solves(settings):
    settings.FLEKSI_ROSTER_TIME_LIMIT_S = 5


@pytest.fixture(autouse=True)
def _english():
    """Service messages in English: the assertions read English text."""
    with translation.override("en"):
        yield


@pytest.fixture
def en_client(client):
    client.cookies["django_language"] = "en"  # the assertions read English text
    return client


@pytest.fixture
def bappeda(world):
    return bappeda_world(world)


@pytest.fixture
def bappeda_without_minimum(world):
    """Bappeda under a Perbup that owes no WFA days: for the tests of other rules, whose hand
    edits would otherwise fall below the minimum depending on the solver's days."""
    return bappeda_world(world, min_wfa_days=0)


def bappeda_world(world, min_wfa_days: int = 2):
    """What the ``bappeda`` fixture adds to the test world (also built once per module by
    the access matrix)."""
    approve_mapping(world, "analis", (60, 40), suitable={0, 1})
    p = world.positions["analis"]
    for i, (key, name) in enumerate(ANALYSTS):
        birth = date(1990 + i, 2, 2)
        world.people[key] = employee_create(
            actor=None,
            nip=make_nip(birth, "2"),
            name=name,
            asn_type="pns",
            sex="2",
            birth_date=birth,
            position=p,
            unit=p.unit,
            tmt_appointment=date(2017, 3, 1),
            domicile=world.desa["melayu"],
        )
        world.users[key] = User.objects.create_user(
            username=world.people[key].nip, password=PASSWORD, employee=world.people[key]
        )
    Employee.objects.filter(unit__path__startswith=world.units["b"].path).update(last_rating="baik")
    for key in ("staff_b1", "head_b", *(k for k, _n in ANALYSTS)):
        world.people[key].refresh_from_db()
    # The Perbup owes every eligible employee two WFA days a month (roster_min_wfa_days_per_month):
    # without wishes, a roster gives nobody a WFA day nobody asked for (decision 0029).
    world.policy = publish_policy(
        world, default_max_offsite_share=0.5, roster_min_wfa_days_per_month=min_wfa_days
    )
    world.month = add_months(month_start(timezone.localdate()), 1)
    world.analysts = ["staff_b1", *(k for k, _n in ANALYSTS)]
    return world


def solved(world: Any, unit: str = "b", **kw: Any) -> Roster:
    """A roster of ``unit`` for next month, generated and solved (the background task run
    directly: the tests' transaction never commits)."""
    roster = roster_generate(
        actor=world.user(kw.pop("actor", "head_b")), unit=world.units[unit], month=world.month, **kw
    )
    roster_solve_run(roster_id=roster.pk)
    roster.refresh_from_db()
    return roster


def approved_day(world: Any, key: str, day: date, status: str = "approved") -> RequestDay:
    """A WFA day held by ``key`` (written directly: past days included)."""
    employee = world.people[key]
    request = WfaRequest.objects.create(
        employee=employee, status=status, created_by=world.user(key), policy_version=world.policy
    )
    return RequestDay.objects.create(request=request, employee=employee, day=day, status=status)
