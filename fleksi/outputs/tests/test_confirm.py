"""Issue 16: the verifier chooses Terima / Kembalikan / Tolak with nothing preselected;
rejecting asks first on a page of its own (no JavaScript needed); the plan of an approved WFA
day shows on that day, even when its output is due later."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from fleksi.outputs.models import OutputReport
from fleksi.outputs.tests.conftest import approved_wfa, png
from fleksi.schedule.tests.conftest import wfa_world

pytestmark = pytest.mark.django_db

TUESDAY = date(2026, 12, 8)


@pytest.fixture
def w(world):
    with time_machine.travel(
        datetime(2026, 12, 8, 10, tzinfo=ZoneInfo("Asia/Makassar")), tick=False
    ):
        yield wfa_world(world)


def reported(client, w):
    request = approved_wfa(
        w, "staff_b1", [TUESDAY], items=[("Draf kajian", 2, "dokumen", TUESDAY + timedelta(days=3))]
    )
    item = request.plan_items.get()
    client.force_login(w.user("staff_b1"))
    url = reverse("outputs:report_new", args=[TUESDAY.isoformat()]) + f"?item={item.pk}"
    client.post(url, {"quantity": "1", "description": "Draf bab 1", "evidence": png()})
    return OutputReport.objects.get()


def test_the_plan_of_a_wfa_day_shows_on_that_day(client, w):
    approved_wfa(
        w, "staff_b1", [TUESDAY], items=[("Draf kajian", 2, "dokumen", TUESDAY + timedelta(days=3))]
    )
    client.force_login(w.user("staff_b1"))
    page = client.get(reverse("outputs:day")).content.decode()
    assert "Draf kajian" in page
    assert "Tidak ada rencana" not in page


def test_the_verifier_chooses_with_nothing_preselected(client, w):
    report = reported(client, w)
    client.force_login(w.user("head_b"))
    page = client.get(reverse("outputs:report_detail", args=[report.pk])).content.decode()
    radios = re.findall(r'<input type="radio" name="decision"[^>]*>', page)
    assert len(radios) == 3
    assert not any("checked" in r for r in radios)
    for word in ("Terima", "Kembalikan", "Tolak"):
        assert word in page
    assert "Ikuti" not in page


def test_rejecting_a_report_asks_first(client, w):
    report = reported(client, w)
    client.force_login(w.user("head_b"))
    url = reverse("outputs:verify", args=[report.pk])
    data = {"decision": "rejected", "comment": "Bukan output rencana"}
    asked = client.post(url, data)
    assert asked.status_code == 200
    page = asked.content.decode()
    assert "Ya, tolak" in page
    assert 'name="confirm" value="1"' in page
    report.refresh_from_db()
    assert report.status == "submitted"
    client.post(url, {**data, "confirm": "1"})
    report.refresh_from_db()
    assert report.status == "rejected"
