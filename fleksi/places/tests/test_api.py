"""The places API: readiness per kecamatan, desa and unit; profile updates."""

import json
from datetime import date

import pytest
from django.urls import reverse

from fleksi.places.models import ConnectivityProfile
from fleksi.places.services import profile_update


@pytest.fixture
def api_client(client, world):
    profile_update(
        actor=None,
        desa=world.desa["melayu"],
        best_network="4g",
        electricity_24h=True,
        blank_spot=False,
        source="Survei",
        surveyed_on=date(2025, 8, 1),
    )
    client.force_login(world.user("diskominfo"))
    return client


@pytest.mark.django_db
def test_kecamatan_list(api_client, world):
    body = api_client.get(reverse("api:places_kecamatan_list")).json()
    assert body["min_connectivity"] == "4g"
    assert body["network_points"] == {
        "none": 0,
        "2g": 10,
        "4g": 50,
        "radio_link": 55,
        "vsat": 50,
        "fibre": 60,
    }
    assert body["regency"] == {
        "places": 2,
        "scored": 1,
        "mean_score": 90.0,
        "ready": 1,
        "ready_share": 0.5,
        "band": "good",
    }
    assert [k["name"] for k in body["items"]] == ["Tenggarong", "Tabang"]


@pytest.mark.django_db
def test_desa_list_and_detail(api_client, world):
    body = api_client.get(reverse("api:places_desa_list"), {"limit": 1}).json()
    assert (body["count"], body["limit"], len(body["items"])) == (2, 1, 1)
    melayu = body["items"][0]
    assert melayu["code"] == "64.02.06.1001"
    assert melayu["profile"]["best_network"] == "4g"
    assert melayu["readiness"]["score"] == 90
    assert melayu["readiness"]["ready"] is True
    assert melayu["evidence"] is None
    detail = api_client.get(
        reverse("api:places_desa_detail", args=[world.desa["tabang"].pk])
    ).json()
    assert (detail["profile"], detail["readiness"]["ready"]) == (None, None)
    missing = api_client.get(reverse("api:places_desa_detail", args=[10**9]))
    assert missing.status_code == 404


@pytest.mark.django_db
def test_profile_put_and_its_validation(api_client, world):
    url = reverse("api:places_profile_put", args=[world.desa["tabang"].pk])
    good = {
        "best_network": "2g",
        "electricity_24h": False,
        "blank_spot": True,
        "source": "Laporan kepala desa",
        "surveyed_on": "2026-01-10",
    }
    body = api_client.put(url, json.dumps(good), content_type="application/json").json()
    assert (body["profile"]["best_network"], body["readiness"]["score"]) == ("2g", 10)
    bad = api_client.put(
        url, json.dumps({**good, "best_network": "5g"}), content_type="application/json"
    )
    assert bad.status_code == 400
    assert bad.json()["code"] == "profile_invalid"
    assert ConnectivityProfile.objects.get(desa=world.desa["tabang"]).best_network == "2g"


@pytest.mark.django_db
def test_unit_list(api_client, world):
    body = api_client.get(reverse("api:places_unit_list")).json()
    assert body["basis"] == "all"
    assert body["total"]["employees"] == 8
    assert body["total"]["ready"] == 8
    assert {u["name"] for u in body["items"]} >= {"Bappeda", "Sekretariat Daerah"}
