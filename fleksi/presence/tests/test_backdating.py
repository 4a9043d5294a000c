"""Attendance that cannot be backdated (issue 13 §4): online check-ins take the server's time;
an offline copy's claim counts only inside the bound its evidence gives (the server's signed
last contact plus the phone's monotonic elapsed time); outside it, or without evidence, it is
judged at what the server can prove, flagged, and shown as such."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from fleksi.presence.models import Checkin
from fleksi.presence.services.contact import contact_issue
from fleksi.presence.tests.conftest import payload

WITA = ZoneInfo("Asia/Makassar")
NOW = datetime(2026, 5, 4, 10, 10, tzinfo=WITA)  # a Monday; work starts at 07:30
URL = "/api/v1/presence/checkins"

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]


@pytest.fixture
def rina(client, presence):
    client.force_login(presence.user("staff_a1"))
    client.employee_id = presence.people["staff_a1"].pk
    return client


def at(hh, mm):
    return NOW.replace(hour=hh, minute=mm)


def send(client, **kw):
    body = payload(**kw)
    response = client.post(URL, json.dumps(body), content_type="application/json")
    assert response.status_code == 201, response.content
    return response.json(), Checkin.objects.get(idempotency_key=body["idempotency_key"])


def evidence(client, contact_at, since_contact_min, since_press_min=None, employee_id=None):
    return {
        "contact": contact_issue(employee_id or client.employee_id, contact_at),
        "since_contact_ms": since_contact_min * 60_000,
        "since_press_ms": since_press_min * 60_000 if since_press_min is not None else None,
    }


def test_a_backdated_copy_without_evidence_counts_at_its_arrival_and_is_flagged(rina):
    body, c = send(rina, device_time=at(7, 25).isoformat(), sent_at=NOW.isoformat())
    assert (c.time_proof, c.flagged, c.synced_late) == ("unproven", True, True)
    assert c.checked_at == NOW
    assert c.device_time == at(7, 25)  # the claim is kept for the supervisor
    assert c.late_minutes == 160
    assert "time_proof" in c.flags
    assert body["time_proof"] == "unproven"
    rule = next(r for r in body["rules"] if r["rule"] == "time_proof")
    assert rule["outcome"] == "warn"
    assert "07:25" in rule["message"]
    assert "10:10" in rule["message"]


def test_an_offline_copy_with_evidence_counts_at_its_own_time(rina):
    proof = evidence(rina, at(7, 10), since_contact_min=15, since_press_min=165)
    _, c = send(rina, device_time=at(7, 25).isoformat(), sent_at=NOW.isoformat(), evidence=proof)
    assert (c.time_proof, c.checked_at, c.late_minutes) == ("proven", at(7, 25), 0)
    assert "time_proof" not in c.flags


def test_a_changed_device_clock_does_not_move_the_monotonic_evidence(rina):
    # Contact at 07:10; the phone's monotonic clock says the button was pressed 178 min later.
    proof = evidence(rina, at(7, 10), since_contact_min=178)
    _, c = send(rina, device_time=at(7, 25).isoformat(), sent_at=NOW.isoformat(), evidence=proof)
    assert (c.time_proof, c.checked_at, c.flagged) == ("outside", at(10, 8), True)
    assert c.late_minutes == 158


def test_another_employees_contact_token_is_no_evidence(rina, presence):
    other = presence.people["staff_a2"].pk
    proof = evidence(rina, at(7, 10), since_contact_min=15, employee_id=other)
    _, c = send(rina, device_time=at(7, 25).isoformat(), sent_at=NOW.isoformat(), evidence=proof)
    assert (c.time_proof, c.checked_at) == ("unproven", NOW)


def test_an_online_check_in_takes_the_server_time_whatever_the_device_says(rina):
    _, c = send(rina, device_time=at(7, 0).isoformat(), sent_at=at(7, 0).isoformat())
    assert (c.time_proof, c.synced_late, c.checked_at) == ("server", False, NOW)
    assert c.late_minutes == 160


def test_today_gives_a_contact_token_for_the_phone(rina):
    token = rina.get("/api/v1/presence/today").json()["contact"]
    proof = {"contact": token, "since_contact_ms": 0}
    _, c = send(rina, device_time=at(7, 25).isoformat(), sent_at=NOW.isoformat(), evidence=proof)
    assert c.time_proof == "outside"  # a contact at 10:10 cannot precede a press at 07:25
