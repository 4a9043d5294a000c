"""Role administration: BKPSDM assigns and revokes (page, API, command), every change is
audited and kept as effective-dated history the Inspektorat can read."""

from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.urls import reverse

from fleksi.accounts.models import RoleAssignment
from fleksi.accounts.permissions import scope_for
from fleksi.accounts.selectors import role_assignment_list
from fleksi.accounts.services import role_assign, role_revoke
from fleksi.audit.models import AuditEntry
from fleksi.audit.selectors import audit_chain_verify
from fleksi.common.errors import Conflict, NotAllowed, ValidationFailed

pytestmark = pytest.mark.django_db

MONDAY = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # 09:00 in Tenggarong


def test_assign_on_the_page_is_audited_and_gives_the_role(client, world):
    client.force_login(world.user("bkpsdm"))
    response = client.post(
        reverse("accounts:role_assign"),
        {
            "account": world.users["staff_b1"].username,
            "role": "service_manager",
            "unit": world.units["b"].pk,
            "reason": "SK Bupati 800/123",
        },
    )
    assert response.status_code == 302
    staff = world.user("staff_b1")
    assert scope_for(staff).managed_unit_paths == (world.units["b"].path,)
    assignment = RoleAssignment.objects.current().get(user=staff)
    assert assignment.granted_by == world.users["bkpsdm"]
    assert assignment.grant_reason == "SK Bupati 800/123"
    entry = AuditEntry.objects.get(action="accounts.role.assign", object_id=str(assignment.pk))
    assert entry.actor_label == "bkpsdm"
    assert entry.after["role"] == "service_manager"
    assert entry.after["unit"] == world.units["b"].pk
    assert audit_chain_verify()[1] is None


def test_the_page_explains_a_refusal_in_the_form(client, world):
    client.force_login(world.user("bkpsdm"))
    response = client.post(
        reverse("accounts:role_assign"),
        {"account": "diskominfo", "role": "service_manager", "reason": "SK"},
    )
    assert response.status_code == 400
    assert "harus ditetapkan pada satu unit" in response.content.decode()
    response = client.post(
        reverse("accounts:role_assign"), {"account": "nobody", "role": "auditor", "reason": "SK"}
    )
    assert response.status_code == 400
    assert not RoleAssignment.objects.filter(user__username="diskominfo", role="auditor").exists()


def test_revoke_ends_the_assignment_and_keeps_its_history(world):
    bkpsdm = world.user("bkpsdm")
    with time_machine.travel(MONDAY, tick=False):
        assignment = role_assign(
            actor=bkpsdm, user=world.user("staff_b1"), role="auditor", reason="SK 1"
        )
    with time_machine.travel(MONDAY + timedelta(days=30), tick=False):
        role_revoke(actor=bkpsdm, assignment=assignment, reason="Mutasi")
        assert "auditor" not in scope_for(world.user("staff_b1")).roles
    assignment.refresh_from_db()
    assert assignment.valid_from == MONDAY
    assert assignment.valid_until == MONDAY + timedelta(days=30)
    assert assignment.revoked_by == world.users["bkpsdm"]
    held = role_assignment_list(held_at=MONDAY + timedelta(days=10), role="auditor")
    assert world.users["staff_b1"].pk in {a.user_id for a in held}
    later = role_assignment_list(held_at=MONDAY + timedelta(days=31), role="auditor")
    assert world.users["staff_b1"].pk not in {a.user_id for a in later}
    on_day = role_assignment_list(held_on=(MONDAY + timedelta(days=30)).date(), role="auditor")
    assert world.users["staff_b1"].pk in {a.user_id for a in on_day}
    # Held again later: a second row; both periods stay visible.
    with time_machine.travel(MONDAY + timedelta(days=60), tick=False):
        role_assign(actor=bkpsdm, user=world.user("staff_b1"), role="auditor", reason="SK 2")
    rows = RoleAssignment.objects.filter(user=world.users["staff_b1"], role="auditor")
    assert rows.count() == 2
    entries = AuditEntry.objects.filter(object_type="accounts.roleassignment").order_by("id")
    assert [e.action for e in entries][-3:] == [
        "accounts.role.assign",
        "accounts.role.revoke",
        "accounts.role.assign",
    ]


def test_rules_of_assignment(world):
    bkpsdm = world.user("bkpsdm")
    with pytest.raises(NotAllowed):
        role_assign(actor=bkpsdm, user=bkpsdm, role="auditor")
    with pytest.raises(ValidationFailed):
        role_assign(actor=bkpsdm, user=world.user("staff_a1"), role="unit_head")
    with pytest.raises(ValidationFailed):
        role_assign(actor=bkpsdm, user=world.user("staff_a1"), role="unit_admin")
    with pytest.raises(Conflict):
        role_assign(actor=bkpsdm, user=world.user("bupati"), role="bupati")
    inactive = world.user("staff_b1")
    inactive.is_active = False
    inactive.save()
    with pytest.raises(ValidationFailed):
        role_assign(actor=bkpsdm, user=inactive, role="auditor")


def test_the_last_bkpsdm_administrator_stays(world):
    only = RoleAssignment.objects.current().get(role="bkpsdm_admin")
    with pytest.raises(Conflict):
        role_revoke(actor=world.user("auditor"), assignment=only)
    second = role_assign(
        actor=world.user("bkpsdm"), user=world.user("staff_b1"), role="bkpsdm_admin"
    )
    role_revoke(actor=world.user("staff_b1"), assignment=only, reason="Pensiun")
    with pytest.raises(Conflict):
        role_revoke(actor=world.user("staff_b1"), assignment=second)
    with pytest.raises(Conflict):
        role_revoke(actor=world.user("staff_b1"), assignment=only)  # already ended


def test_the_database_holds_one_current_assignment_per_role(world):
    existing = RoleAssignment.objects.current().get(role="bupati")
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleAssignment.objects.create(user=existing.user, role="bupati")
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleAssignment.objects.create(
            user=world.users["layanan"], role="service_manager", unit=world.units["a_bid"]
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleAssignment.objects.create(
            user=existing.user,
            role="auditor",
            valid_from=MONDAY,
            valid_until=MONDAY - timedelta(seconds=1),
        )


def test_history_page_for_the_inspektorat(client, world):
    with time_machine.travel(MONDAY, tick=False):
        assignment = role_assign(
            actor=world.user("bkpsdm"), user=world.user("head_b"), role="auditor", reason="SK 7"
        )
    with time_machine.travel(MONDAY + timedelta(days=3), tick=False):
        role_revoke(actor=world.user("bkpsdm"), assignment=assignment, reason="Selesai")
    client.force_login(world.user("auditor"))
    page = client.get(reverse("accounts:role_history"), {"held_on": "2026-03-03"})
    text = page.content.decode()
    assert page.status_code == 200
    assert "Andi Pratama" in text
    assert "Selesai" in text
    assert world.users["head_b"].username not in text  # no NIP on the page
    page = client.get(reverse("accounts:role_history"), {"held_on": "2026-03-06"})
    assert "Andi Pratama" not in page.content.decode()
    # The auditor reads but does not assign or revoke.
    now = client.get(reverse("accounts:roles")).content.decode()
    assert reverse("accounts:role_assign") not in now
    assert "/revoke/" not in now


def test_api_assign_list_revoke(client, world):
    client.force_login(world.user("bkpsdm"))
    created = client.post(
        reverse("api:role_assignment_create"),
        {
            "account": "diskominfo",
            "role": "unit_admin",
            "unit_id": world.units["b"].pk,
            "reason": "SK 9",
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["role"] == "unit_admin"
    assert body["valid_until"] is None
    again = client.post(
        reverse("api:role_assignment_create"),
        {
            "account": "diskominfo",
            "role": "unit_admin",
            "unit_id": world.units["b"].pk,
            "reason": "SK 9",
        },
        content_type="application/json",
    )
    assert again.status_code == 409
    assert again.json()["code"] == "role_held"
    unknown = client.post(
        reverse("api:role_assignment_create"),
        {"account": "nobody", "role": "auditor", "reason": "x"},
        content_type="application/json",
    )
    assert unknown.status_code == 404
    revoked = client.post(
        reverse("api:role_assignment_revoke", args=[body["id"]]),
        {"reason": "Selesai"},
        content_type="application/json",
    )
    assert revoked.status_code == 200
    assert revoked.json()["valid_until"] is not None
    client.force_login(world.user("auditor"))
    current = client.get(reverse("api:role_assignment_index"), {"role": "unit_admin"}).json()
    assert {i["username"] for i in current["items"]} == {"kepeg_a"}
    history = client.get(
        reverse("api:role_assignment_index"), {"role": "unit_admin", "current": "false"}
    ).json()
    assert {i["username"] for i in history["items"]} == {"kepeg_a", "diskominfo"}


def test_command_assign_list_revoke(world):
    out = StringIO()
    call_command("roles", "assign", "diskominfo", "auditor", "--reason", "SK 5", stdout=out)
    call_command("roles", "list", stdout=out)
    assert "diskominfo\tauditor" in out.getvalue()
    entry = AuditEntry.objects.filter(action="accounts.role.assign").last()
    assert entry.actor_label.startswith("cli:")
    call_command("roles", "revoke", "diskominfo", "auditor", "--reason", "Selesai", stdout=out)
    assert not RoleAssignment.objects.current().filter(user__username="diskominfo", role="auditor")
    history = StringIO()
    call_command("roles", "list", "--history", "--account", "diskominfo", stdout=history)
    assert "auditor" in history.getvalue()
    with pytest.raises(CommandError):
        call_command("roles", "revoke", "diskominfo", "auditor", "--reason", "x")
    with pytest.raises(CommandError):
        call_command("roles", "assign", "diskominfo", "service_manager", "--reason", "x")
