"""The notification pages and API, through the HTTP client."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from fleksi.audit.models import AuditEntry
from fleksi.notify.kinds import all_kinds
from fleksi.notify.models import Notification, NotificationPreference
from fleksi.notify.selectors import notification_unread_count
from fleksi.notify.services import notify
from fleksi.testkit.html import squashed

pytestmark = pytest.mark.django_db


def make(user, title, *, url="/", read=False, age_minutes=0):
    (row,) = notify(recipients=[user], kind="request.approved", title=title, body="", url=url)
    Notification.objects.filter(pk=row.pk).update(
        created_at=timezone.now() - timedelta(minutes=age_minutes),
        read_at=timezone.now() if read else None,
    )
    return row


@pytest.fixture
def ani(client, people):
    client.cookies["django_language"] = "en"  # the assertions read English text
    client.force_login(people["ani"])
    return people["ani"]


def titles(response):
    return [n.title for n, _label in response.context["items"]]


def test_the_list_shows_my_notifications_unread_first(client, ani, people):
    make(ani, "old unread", age_minutes=30)
    make(ani, "new read", read=True, age_minutes=1)
    make(ani, "newest unread")
    make(people["budi"], "not mine")
    response = client.get(reverse("notify:list"))
    assert titles(response) == ["newest unread", "old unread", "new read"]
    assert response.context["unread"] == 2
    assert response["Content-Language"] == "en"
    assert "Notifications (2)" in squashed(response.text)  # the header link
    unread_only = client.get(reverse("notify:list"), {"show": "unread"})
    assert titles(unread_only) == ["newest unread", "old unread"]


def test_the_list_is_paginated(client, ani):
    for i in range(30):
        make(ani, f"n{i:02}", age_minutes=i)
    first = client.get(reverse("notify:list"))
    second = client.get(reverse("notify:list"), {"page": 2})
    assert len(titles(first)) == 25
    assert titles(second) == [f"n{i:02}" for i in range(25, 30)]


def test_the_header_count_is_one_query(ani, django_assert_num_queries):
    make(ani, "a")
    with django_assert_num_queries(1):
        assert notification_unread_count(ani) == 1


def test_opening_marks_read_and_follows_the_link(client, ani):
    row = make(ani, "approved", url="/eligibility/me/?day=2026-03-03")
    response = client.post(reverse("notify:open", args=[row.pk]))
    assert response.status_code == 302
    assert response["Location"] == "/eligibility/me/?day=2026-03-03"
    row.refresh_from_db()
    first_read = row.read_at
    assert first_read is not None
    client.post(reverse("notify:open", args=[row.pk]))
    row.refresh_from_db()
    assert row.read_at == first_read  # the first reading time is kept


def test_a_notification_without_a_link_opens_the_list(client, ani):
    row = make(ani, "no link", url="")
    response = client.post(reverse("notify:open", args=[row.pk]))
    assert response["Location"] == reverse("notify:list")


def test_opening_is_a_post(client, ani):
    row = make(ani, "x")
    assert client.get(reverse("notify:open", args=[row.pk])).status_code == 405
    row.refresh_from_db()
    assert row.read_at is None


def test_nobody_else_opens_or_marks_my_notification(client, people):
    row = make(people["budi"], "budi's")
    client.force_login(people["ani"])
    assert client.post(reverse("notify:open", args=[row.pk])).status_code == 404
    api = client.post(reverse("api:notification_read", args=[row.pk]))
    assert api.status_code == 404
    client.post(reverse("notify:mark_all_read"))
    client.post(reverse("api:notification_read_all"))
    row.refresh_from_db()
    assert row.read_at is None


def test_mark_all_read(client, ani, people):
    make(ani, "a")
    make(ani, "b")
    theirs = make(people["budi"], "c")
    response = client.post(reverse("notify:mark_all_read"), follow=True)
    assert Notification.objects.filter(recipient=ani, read_at__isnull=True).count() == 0
    assert "Notifications (2)" not in squashed(response.text)
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_the_settings_form_stores_only_choices_that_differ_from_the_default(client, ani):
    page = client.get(reverse("notify:settings"))
    assert page.context["form"]["request.approved"].value() is True
    assert page.context["form"]["system"].value() is False
    data = {"request.submitted": "on", "request.rejected": "on", "system": "on"}
    response = client.post(reverse("notify:settings"), data)
    assert response.status_code == 302
    off_by_default = {"request.cancelled"}  # not ticked, default off: no row
    stored = {  # the kinds of notify itself (other apps add theirs)
        kind: email
        for kind, email in NotificationPreference.objects.filter(user=ani).values_list(
            "kind", "email"
        )
        if kind.startswith("request.") or kind == "system"
    }
    assert stored == {
        "request.approved": False,
        "request.returned": False,
        "request.recalled": False,
        "request.escalated": False,
        "system": True,
    }
    assert off_by_default.isdisjoint(stored)
    entry = AuditEntry.objects.get(action="notify.preferences_set")
    assert entry.after["system"] is True
    # Back to the defaults: the rows go.
    defaults = {k.code: "on" for k in all_kinds() if k.default_email}
    client.post(reverse("notify:settings"), defaults)
    assert not NotificationPreference.objects.filter(user=ani).exists()


def test_the_settings_page_warns_without_an_e_mail_address(client, people):
    client.force_login(people["citra"])
    assert client.get(reverse("notify:settings")).context["has_email"] is False


# --- API ----------------------------------------------------------------------------------------


def test_api_list_with_unread_filter_and_paging(client, ani):
    make(ani, "read", read=True, age_minutes=5)
    make(ani, "older", age_minutes=2)
    make(ani, "newer")
    body = client.get(reverse("api:notification_list"), {"limit": 2}).json()
    assert (body["count"], body["unread"], body["limit"], body["offset"]) == (3, 2, 2, 0)
    assert [i["title"] for i in body["items"]] == ["newer", "older"]
    rest = client.get(reverse("api:notification_list"), {"limit": 2, "offset": 2}).json()
    assert [i["title"] for i in rest["items"]] == ["read"]
    unread = client.get(reverse("api:notification_list"), {"unread": "true"}).json()
    assert [i["title"] for i in unread["items"]] == ["newer", "older"]
    assert set(unread["items"][0]) == {
        "id",
        "kind",
        "title",
        "body",
        "url",
        "created_at",
        "read_at",
        "object_type",
        "object_id",
    }


def test_api_mark_read(client, ani):
    a = make(ani, "a")
    make(ani, "b")
    one = client.post(reverse("api:notification_read", args=[a.pk])).json()
    assert one["id"] == a.pk
    assert one["read_at"] is not None
    assert client.post(reverse("api:notification_read_all")).json() == {"marked": 1}
    assert client.post(reverse("api:notification_read_all")).json() == {"marked": 0}


def test_api_preferences(client, ani):
    url = reverse("api:notification_preferences_set")
    before = {p["kind"]: p["email"] for p in client.get(url).json()}
    assert before["request.approved"] is True
    response = client.put(
        url, json.dumps({"email": {"request.approved": False}}), content_type="application/json"
    )
    after = {p["kind"]: p for p in response.json()}
    assert after["request.approved"] == {
        "kind": "request.approved",
        "label": "Your WFA request was approved",
        "email": False,
        "default_email": True,
    }
    assert after["request.submitted"]["email"] is True  # not named: unchanged


def test_api_preferences_refuse_an_unknown_kind(client, ani):
    response = client.put(
        reverse("api:notification_preferences_set"),
        json.dumps({"email": {"request.teleported": True}}),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "unknown_kind"
    assert not NotificationPreference.objects.exists()
