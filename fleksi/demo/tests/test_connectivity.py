"""The demo connectivity: realistic, fast, and a second call adds nothing."""

import random
from datetime import date

import pytest

from fleksi.demo.domain.kukar import KECAMATAN
from fleksi.demo.services.connectivity import DARTO_VILLAGE, seed_connectivity
from fleksi.places.models import ConnectivityMeasurement, ConnectivityProfile, Desa, Kecamatan
from fleksi.places.selectors import readiness_picture

TODAY = date(2026, 11, 20)


@pytest.fixture
def villages(db):
    from fleksi.demo.domain.villages import villages as demo_villages

    kec = {
        k.code: Kecamatan.objects.create(
            code=k.code, name=k.name, latitude=k.latitude, longitude=k.longitude
        )
        for k in KECAMATAN
    }
    Desa.objects.bulk_create(
        Desa(code=v.code, name=v.name, kind=v.kind, kecamatan=kec[v.kecamatan_code])
        for v in demo_villages()
    )


@pytest.mark.django_db
def test_demo_connectivity(villages, django_assert_max_num_queries):
    with django_assert_max_num_queries(20):
        report = seed_connectivity(rng=random.Random(7), today=TODAY)
    assert report.profiles > 220
    assert report.measurements > 1000
    assert ConnectivityProfile.objects.count() == report.profiles
    again = seed_connectivity(rng=random.Random(8), today=TODAY)
    assert (again.profiles, again.measurements) == (0, 0)
    picture = readiness_picture(day=TODAY)
    mean = {k.name: k.summary.mean_score or 0.0 for k in picture.kecamatan}
    weak = ("Tabang", "Muara Wis", "Kembang Janggut", "Muara Muntai", "Kota Bangun")
    towns = ("Tenggarong", "Loa Janan", "Samboja")
    assert max(mean[k] for k in weak) < min(mean[k] for k in towns)
    blank = ConnectivityProfile.objects.filter(blank_spot=True)
    assert blank.filter(desa__kecamatan__name__in=weak).count() > blank.count() / 2
    assert ConnectivityProfile.objects.filter(electricity_24h=False).exists()
    darto = next(d for d in picture.desa if d.code == DARTO_VILLAGE)
    assert (darto.readiness.surveyed_level, darto.readiness.level) == ("4g", "2g")
    assert darto.readiness.level_source == "measured"
    assert set(ConnectivityMeasurement.objects.values_list("source", flat=True)) == {"demo"}
    # the levels Kukar has: no 3G anywhere, and fixed links where they were built
    levels = set(ConnectivityProfile.objects.values_list("best_network", flat=True))
    assert not levels & {"3g", "broadband"}
    assert {"none", "2g", "4g", "vsat", "fibre"} <= levels
    assert set(ConnectivityMeasurement.objects.values_list("level", flat=True)) <= {"2g", "4g"}
