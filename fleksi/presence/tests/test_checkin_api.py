"""``POST /api/v1/presence/checkins``: stored once, decided by the rules, never lost."""

from __future__ import annotations

import json
import threading
import uuid
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from fleksi.accounts.services import api_token_create
from fleksi.places.models import ConnectivityMeasurement
from fleksi.presence.models import Checkin, RefusedCheckin
from fleksi.presence.services import CheckinIn, checkin_record
from fleksi.presence.services.contact import contact_issue
from fleksi.presence.tests.conftest import BAPPEDA, DISDUKCAPIL, payload

URL = "/api/v1/presence/checkins"


def post(client, data, **headers):
    return client.post(URL, json.dumps(data), content_type="application/json", **headers)


@pytest.fixture
def rina(client, presence):
    client.force_login(presence.user("staff_a1"))
    return client


def test_route_name():
    assert reverse("api:presence_checkin_create") == URL


@pytest.mark.django_db
def test_check_in_on_site(rina, presence):
    r = post(rina, payload())
    assert r.status_code == 201, r.content
    body = r.json()
    c = Checkin.objects.get()
    assert body["id"] == c.pk
    assert body["created"] is True
    assert (c.employee_id, c.slot, c.kind, c.mode) == (
        presence.people["staff_a1"].pk,
        1,
        "in",
        "onsite",
    )
    assert (c.source, c.synced_late, c.manual, c.counted) == ("online", False, False, True)
    assert c.policy_version_id == presence.policy.pk
    geofence = next(e for e in c.trace if e["rule"] == "geofence")
    assert geofence["outcome"] == "pass"
    assert geofence["details"]["place"] == "Kantor Disdukcapil"
    assert geofence["message_en"].startswith("Inside the geofence of Kantor Disdukcapil: ")
    assert geofence["message_id"]
    # Coordinates stay in their columns only, never in the trace.
    assert str(DISDUKCAPIL[0]) not in json.dumps(c.trace)
    # The network reading went to the places, once, for the office's desa.
    m = ConnectivityMeasurement.objects.get()
    assert (m.desa_id, m.effective_type, m.reference) == (
        presence.desa["melayu"].pk,
        "3g",
        f"checkin:{c.pk}",
    )


@pytest.mark.django_db
def test_the_same_key_three_times_is_one_record(rina):
    data = payload()
    statuses = [post(rina, data).status_code for _ in range(3)]
    assert statuses == [201, 200, 200]
    assert Checkin.objects.count() == 1
    assert ConnectivityMeasurement.objects.count() == 1
    again = post(rina, data).json()
    assert (again["created"], again["id"]) == (False, Checkin.objects.get().pk)


@pytest.mark.django_db
def test_a_second_check_in_for_the_same_slot_is_refused(rina):
    assert post(rina, payload()).status_code == 201
    r = post(rina, payload())
    assert r.status_code == 409
    assert r.json()["code"] == "checkin_slot_taken"
    assert Checkin.objects.count() == 1
    assert post(rina, payload(slot=2)).status_code == 201


@pytest.mark.django_db
def test_no_position_is_stored_and_flagged(rina):
    r = post(rina, payload(latitude=None, longitude=None, accuracy=None, network=None))
    assert r.status_code == 201
    c = Checkin.objects.get()
    assert (c.latitude, c.flagged, c.counted) == (None, True, True)
    assert c.flags == ["geofence"]
    assert not ConnectivityMeasurement.objects.exists()  # no place reached, no reading kept


@pytest.mark.django_db
def test_outside_the_fence_is_stored_and_flagged(rina):
    r = post(rina, payload(latitude=BAPPEDA[0] + 0.01, longitude=BAPPEDA[1]))
    assert r.status_code == 201
    body = r.json()
    assert body["flagged"] is True
    assert "geofence" in [x["rule"] for x in body["rules"] if x["outcome"] == "fail"]


@pytest.mark.django_db
def test_late_sync_within_the_window(rina, presence):
    now = timezone.now()
    evidence = {  # the phone's last contact 6 hours ago, pressed 1 monotonic hour later
        "contact": contact_issue(presence.people["staff_a1"].pk, now - timedelta(hours=6)),
        "since_contact_ms": 3600 * 1000,
    }
    data = payload(
        device_time=(now - timedelta(hours=5)).isoformat(),
        sent_at=now.isoformat(),
        network=None,
        evidence=evidence,
    )
    r = post(rina, data)
    assert r.status_code == 201
    c = Checkin.objects.get()
    assert (c.synced_late, c.source) == (True, "offline_sync")
    assert abs((c.checked_at - (now - timedelta(hours=5))).total_seconds()) < 5
    assert c.day == timezone.localtime(c.checked_at).date()


@pytest.mark.django_db
def test_after_the_window_refused_and_counted_once(rina):
    now = timezone.now()
    data = payload(device_time=(now - timedelta(hours=73)).isoformat(), sent_at=now.isoformat())
    for _ in range(3):
        r = post(rina, data)
        assert r.status_code == 422
        assert r.json()["code"] == "checkin_too_late"
        assert "72" in r.json()["message"]
    assert not Checkin.objects.exists()
    assert RefusedCheckin.objects.count() == 1


@pytest.mark.django_db
def test_a_copy_stored_in_time_comes_back_even_after_the_window(presence):
    employee = presence.people["staff_a1"]
    key = uuid.uuid4()
    sent = timezone.now() - timedelta(hours=80)
    data = CheckinIn(key, 1, "onsite", device_time=sent - timedelta(minutes=1), sent_at=sent)
    first = checkin_record(employee=employee, data=data, received_at=sent)
    again = checkin_record(employee=employee, data=data)
    assert (first.created, again.created, again.checkin.pk) == (True, False, first.checkin.pk)
    assert not RefusedCheckin.objects.exists()


@pytest.mark.django_db
def test_a_slot_beyond_the_policy_is_refused(rina):
    r = post(rina, payload(slot=3, kind="in"))
    assert r.status_code == 422
    assert r.json()["code"] == "checkin_slot"
    assert post(rina, payload(slot=2, kind="in")).status_code == 400  # slot 2 is a check-out


@pytest.mark.django_db
def test_wrong_person_or_token_is_refused(client, presence):
    assert post(client, payload()).status_code == 401
    assert post(client, payload(), HTTP_AUTHORIZATION="Bearer fk_not-a-token").status_code == 401
    client.force_login(presence.user("bkpsdm"))  # an account without an employee record
    assert post(client, payload()).status_code == 403
    # A key already used by someone else is not theirs to read.
    data = payload()
    client.force_login(presence.user("staff_a1"))
    assert post(client, data).status_code == 201
    client.force_login(presence.user("staff_a2"))
    r = post(client, data)
    assert (r.status_code, r.json()["code"]) == (409, "checkin_key_used")
    assert Checkin.objects.count() == 1


@pytest.mark.django_db
def test_session_writes_need_the_csrf_token(presence):
    client = Client(enforce_csrf_checks=True)
    client.force_login(presence.user("staff_a1"))
    assert post(client, payload()).status_code == 403
    client.get(reverse("presence:checkin"))
    token = client.cookies["csrftoken"].value
    assert post(client, payload(), HTTP_X_CSRFTOKEN=token).status_code == 201


@pytest.mark.django_db
def test_token_checkin_is_for_the_token_owner(client, presence):
    _token, secret = api_token_create(actor=presence.user("staff_b1"), name="HP", scope="checkin")
    r = post(client, payload(), HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert r.status_code == 201
    assert Checkin.objects.get().employee_id == presence.people["staff_b1"].pk


@pytest.mark.django_db
def test_the_hot_path_is_a_handful_of_queries(client, presence, django_assert_max_num_queries):
    _token, secret = api_token_create(actor=presence.user("staff_a1"), name="HP", scope="checkin")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    post(client, payload(slot=1), **auth)  # warms the day's rules and the token's last use
    # token, employee, offices, previous check-in, INSERT check-in, INSERT measurement
    # (+ savepoint statements inside the test's transaction)
    with django_assert_max_num_queries(8):
        assert post(client, payload(slot=2), **auth).status_code == 201


@pytest.mark.django_db(transaction=True)
def test_concurrent_copies_of_one_key_make_one_record(presence):
    """Two copies of one offline check-in arriving at the same instant (PostgreSQL in CI)."""
    employee = presence.people["staff_a1"]
    now = timezone.now()
    data = CheckinIn(uuid.uuid4(), 1, "onsite", device_time=now, sent_at=now)
    barrier = threading.Barrier(4)
    results, errors = [], []

    def send():
        try:
            barrier.wait()
            results.append(checkin_record(employee=employee, data=data).created)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(results) == [False, False, False, True]
    assert Checkin.objects.count() == 1


@pytest.mark.django_db
def test_today_gives_the_slots_and_a_token(rina):
    post(rina, payload())
    r = rina.get(reverse("api:presence_today"))
    assert r.status_code == 200
    body = r.json()
    assert [s["slot"] for s in body["slots"]] == [1, 2]
    assert body["slots"][0]["checkin"]["slot"] == 1
    assert body["next_slot"] == 2
    assert body["csrf_token"]
