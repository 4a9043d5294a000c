"""Issue 16: destructive decisions ask first on a page of their own, which works without
JavaScript (rejecting days, recalling days, cancelling a whole request); "Batal" with nothing
ticked cancels nothing."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from fleksi.schedule.models import ApprovalStep
from fleksi.schedule.services import request_approve
from fleksi.schedule.tests.conftest import wfa_world
from fleksi.schedule.tests.test_pages import submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def w(world):
    with time_machine.travel(
        datetime(2026, 12, 8, 10, tzinfo=ZoneInfo("Asia/Makassar")), tick=False
    ):
        yield wfa_world(world)


def statuses(request):
    return set(request.days.values_list("status", flat=True))


def test_rejecting_days_asks_first_then_rejects(client, w):
    tue = w.monday + timedelta(days=1)
    request = submit(w, "staff_b1", [tue])
    step = ApprovalStep.objects.get(request=request)
    client.force_login(w.user("head_b"))
    url = reverse("schedule:step_decide", args=[step.pk])
    data = {"action": "reject", "comment": "Rapat koordinasi", "days": [str(tue)]}
    asked = client.post(url, data)
    assert asked.status_code == 200
    page = asked.content.decode()
    assert "Ya, tolak" in page
    assert "15 Desember 2026" in page  # the day, in words
    assert statuses(request) == {"pending"}
    client.post(url, {**data, "confirm": "1"})
    assert statuses(request) == {"rejected"}


def test_recalling_asks_first(client, w):
    tue = w.monday + timedelta(days=1)
    request = submit(w, "staff_b1", [tue])
    request_approve(actor=w.user("head_b"), step=ApprovalStep.objects.get(request=request))
    client.force_login(w.user("head_b"))
    url = reverse("schedule:request_recall", args=[request.pk])
    data = {"days": [str(tue)], "reason": "Dua petugas sakit"}
    asked = client.post(url, data)
    assert asked.status_code == 200
    assert "Ya, tarik kembali" in asked.content.decode()
    assert statuses(request) == {"approved"}
    client.post(url, {**data, "confirm": "1"})
    assert statuses(request) == {"recalled"}


def test_batal_with_nothing_ticked_and_the_whole_request_asks(client, w):
    tue = w.monday + timedelta(days=1)
    request = submit(w, "staff_b1", [tue, tue + timedelta(days=1)])
    client.force_login(w.user("staff_b1"))
    url = reverse("schedule:request_cancel", args=[request.pk])
    page = client.post(url, {}, follow=True).content.decode()
    assert "Tidak ada yang dibatalkan" in page
    assert statuses(request) == {"pending"}
    asked = client.post(url, {"scope": "all"})
    assert asked.status_code == 200
    assert "Ya, batalkan semua hari" in asked.content.decode()
    assert statuses(request) == {"pending"}
    client.post(url, {"scope": "all", "confirm": "1"})
    assert statuses(request) == {"cancelled"}
