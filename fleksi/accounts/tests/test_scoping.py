"""The one scoping module: roles derived from the organisation, and who sees whom."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from fleksi.accounts.domain.access import Perm, permissions_of
from fleksi.accounts.permissions import (
    access_employee,
    access_unit,
    employees_visible_to,
    scope_for,
    units_visible_to,
)
from fleksi.org.services import acting_assignment_create

pytestmark = pytest.mark.django_db

ALL = {"sekda", "head_a", "head_bidang", "head_seksi", "staff_a1", "staff_a2", "head_b", "staff_b1"}

VISIBLE = {
    "staff_a1": {"staff_a1"},
    "staff_a2": {"staff_a2"},
    "head_seksi": {"head_seksi", "staff_a1", "staff_a2"},
    "head_bidang": {"head_bidang", "head_seksi", "staff_a1", "staff_a2"},
    "head_a": {"head_a", "head_bidang", "head_seksi", "staff_a1", "staff_a2"},
    "head_b": {"head_b", "staff_b1"},
    "staff_b1": {"staff_b1"},
    "sekda": ALL,
    "bkpsdm": ALL,
    "bupati": ALL,
    "auditor": ALL,
    "diskominfo": set(),
    "layanan": {"head_bidang", "head_seksi", "staff_a1", "staff_a2"},
    "kepeg_a": {"head_a", "head_bidang", "head_seksi", "staff_a1", "staff_a2"},
}

ROLES = {
    "staff_a1": {"employee"},
    "head_seksi": {"employee", "supervisor", "unit_head"},
    "head_a": {"employee", "supervisor", "unit_head"},
    "sekda": {"employee", "supervisor", "unit_head", "sekda"},
    "bkpsdm": {"bkpsdm_admin"},
    "bupati": {"bupati"},
    "auditor": {"auditor"},
    "diskominfo": {"diskominfo_admin"},
    "layanan": {"service_manager"},
    "kepeg_a": {"unit_admin"},
}


def names(world, qs):
    by_pk = {e.pk: key for key, e in world.people.items()}
    return {by_pk[pk] for pk in qs.values_list("pk", flat=True)}


@pytest.mark.parametrize(("who", "roles"), ROLES.items())
def test_roles(world, who, roles):
    assert set(scope_for(world.user(who)).roles) == roles


@pytest.mark.parametrize(("who", "expected"), VISIBLE.items())
def test_people_visible(world, who, expected):
    assert names(world, employees_visible_to(world.user(who))) == expected


@pytest.mark.parametrize(("who", "expected"), VISIBLE.items())
def test_access_employee_answers_404_out_of_scope(world, who, expected):
    user = world.user(who)
    for key, employee in world.people.items():
        if key in expected:
            assert access_employee(user, employee.pk).pk == employee.pk
        else:
            with pytest.raises(Http404):
                access_employee(user, employee.pk)


def test_only_bkpsdm_may_change_people(world):
    target = world.people["staff_a1"].pk
    assert access_employee(world.user("bkpsdm"), target, change=True).pk == target
    for who in ("head_a", "sekda", "auditor", "bupati", "head_seksi"):
        with pytest.raises(PermissionDenied):
            access_employee(world.user(who), target, change=True)


def test_units_visible(world):
    u = world.units
    staff_units = set(units_visible_to(world.user("staff_a1")).values_list("pk", flat=True))
    assert staff_units == {u["a_loket"].pk}
    head_units = set(units_visible_to(world.user("head_bidang")).values_list("pk", flat=True))
    assert head_units == {u["a_bid"].pk, u["a_loket"].pk}
    with pytest.raises(Http404):
        access_unit(world.user("head_bidang"), u["b"].pk)
    assert units_visible_to(world.user("diskominfo")).count() == len(u)  # regency view


def test_acting_official_heads_the_unit_only_while_assigned(world):
    today = timezone.localdate()
    acting_assignment_create(
        actor=None,
        unit=world.units["b"],
        employee=world.people["staff_b1"],
        kind="plh",
        start_date=today,
        end_date=today + timedelta(days=3),
    )
    user = world.user("staff_b1")
    assert "unit_head" in scope_for(user).roles
    assert names(world, employees_visible_to(user)) == {"head_b", "staff_b1"}
    later = scope_for(world.user("staff_b1"), today + timedelta(days=4))
    assert "unit_head" not in later.roles
    assert later.headed_unit_paths == ()


def test_inactive_employee_loses_employee_scope(world):
    emp = world.people["staff_a1"]
    emp.is_active = False
    emp.save(update_fields=["is_active"])
    scope = scope_for(world.user("staff_a1"))
    assert scope.roles == frozenset()
    assert employees_visible_to(world.user("staff_a1")).count() == 0


def test_permissions_of_roles_are_additive():
    assert permissions_of(["employee"]) == frozenset()
    assert Perm.PEOPLE_IMPORT in permissions_of(["employee", "bkpsdm_admin"])
    assert Perm.PEOPLE_CHANGE not in permissions_of(["auditor", "bupati", "sekda"])
