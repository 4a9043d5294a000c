"""The API: upserts through the same services, errors as {code, message}, scoped lists."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from fleksi.servicelevel.models import Complaint, ServiceDaily
from fleksi.servicelevel.services import safeguard_check
from fleksi.servicelevel.tests.conftest import set_wfa_start, write_days

pytestmark = pytest.mark.django_db
Y = timezone.localdate() - timedelta(days=1)


def api(name, *args):
    return reverse(f"api:servicelevel_{name}", args=args)


def send(client, method, url, data):
    return getattr(client, method)(url, json.dumps(data), content_type="application/json")


def test_a_day_is_put_again_without_change(services, client):
    client.force_login(services.user("layanan"))
    target = api("figure_put", services.services["ktp"].pk, str(Y))
    body = {"received": 30, "completed": 29, "median_processing": "41.5"}
    assert send(client, "put", target, body).json() == {"created": 1, "updated": 0, "unchanged": 0}
    assert send(client, "put", target, body).json() == {"created": 0, "updated": 0, "unchanged": 1}
    row = ServiceDaily.objects.get()
    assert (row.source, str(row.median_processing)) == ("api", "41.50")
    listed = client.get(api("figures", services.services["ktp"].pk)).json()
    assert listed["items"][0]["received"] == 30


def test_a_future_day_is_refused(services, client):
    client.force_login(services.user("bkpsdm"))
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = send(
        client,
        "put",
        api("figure_put", services.services["ktp"].pk, str(tomorrow)),
        {"received": 1, "completed": 1},
    )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert not ServiceDaily.objects.exists()


def test_a_batch_of_days(services, client):
    client.force_login(services.user("bkpsdm"))
    items = [
        {
            "service_id": services.services["ktp"].pk,
            "day": str(Y - timedelta(days=i)),
            "received": 10,
            "completed": 10,
        }
        for i in range(5)
    ]
    assert send(client, "post", api("figures_post"), {"items": items}).json()["created"] == 5
    dup = send(client, "post", api("figures_post"), {"items": items + items[:1]})
    assert dup.status_code == 400
    assert ServiceDaily.objects.count() == 5


def test_a_complaint_and_its_update(services, client):
    client.force_login(services.user("layanan"))
    body: dict[str, object] = {
        "external_id": "LPR-77",
        "received_on": str(Y),
        "category": "Prosedur",
        "status": "Baru",
        "service_code": "T-KTP",
    }
    assert send(client, "post", api("complaint_post"), body).json()["created"] == 1
    body = {**body, "status": "Selesai", "resolution_days": 2}
    assert send(client, "post", api("complaint_post"), body).json()["updated"] == 1
    assert Complaint.objects.get().status == "resolved"
    bad = send(client, "post", api("complaint_post"), {**body, "status": "hilang"})
    assert bad.status_code == 400
    listed = client.get(api("complaints")).json()
    assert [c["external_id"] for c in listed["items"]] == ["LPR-77"]


def test_a_survey_returns_its_index_and_grade(services, client):
    client.force_login(services.user("layanan"))
    response = send(
        client,
        "post",
        api("survey_post"),
        {
            "service_id": services.services["ktp"].pk,
            "period_start": str(Y - timedelta(days=60)),
            "period_end": str(Y),
            "respondents": 90,
            "elements": ["3.2"] * 9,
        },
    )
    assert response.status_code == 201
    assert (response.json()["index"], response.json()["grade"]) == ("80.00", "B")
    out_of_range = send(
        client,
        "post",
        api("survey_post"),
        {
            "service_id": services.services["ktp"].pk,
            "period_start": str(Y - timedelta(days=60)),
            "period_end": str(Y),
            "respondents": 90,
            "elements": ["4.2"] * 9,
        },
    )
    assert out_of_range.status_code == 400


def test_alerts_are_scoped(services, client):
    set_wfa_start(timezone.localdate() - timedelta(days=40))
    for svc in services.services.values():
        write_days(svc, timezone.localdate() - timedelta(days=130), 30, processing="2")
        write_days(svc, timezone.localdate() - timedelta(days=19), 20, processing="3")
    assert len(safeguard_check().alerts) == 2
    client.force_login(services.user("head_seksi"))
    items = client.get(api("alerts")).json()["items"]
    assert [a["service_code"] for a in items] == ["T-KTP"]
    assert items[0]["trace"]["metric"] == "processing_time"
    client.force_login(services.user("auditor"))
    assert client.get(api("alerts")).json()["count"] == 2
