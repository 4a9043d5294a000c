"""Recording measurements and aggregating them per desa (on a real database)."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from fleksi.places.models import ConnectivityMeasurement, Desa, Kecamatan
from fleksi.places.selectors import measured_evidence
from fleksi.places.services import measurement_record

WITA = ZoneInfo("Asia/Makassar")
NOW = datetime(2026, 11, 20, 8, 0, tzinfo=WITA)


@pytest.fixture
def places(db):
    kec = Kecamatan.objects.create(code="64.02.12", name="Tabang")
    return {
        "a": Desa.objects.create(code="64.02.12.2001", name="Tabang Lama", kecamatan=kec),
        "b": Desa.objects.create(code="64.02.12.2002", name="Kampung Baru", kecamatan=kec),
        "c": Desa.objects.create(code="64.02.12.2003", name="Buluq Sen", kecamatan=kec),
    }


def record(desa, *, minutes=0, **values):
    defaults = {
        "effective_type": "",
        "rtt_ms": None,
        "downlink_mbps": None,
        "server_latency_ms": None,
        "reference": None,
    }
    return measurement_record(
        desa_id=desa.pk, measured_at=NOW - timedelta(minutes=minutes), **{**defaults, **values}
    )


def test_one_insert_and_the_level_is_derived(places, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert record(places["a"], effective_type="3g", rtt_ms=300, downlink_mbps=1.5) is True
    m = ConnectivityMeasurement.objects.get()
    # the browser's "3g" is kept as it said; the level is 2G (3G is gone)
    assert (m.level, m.effective_type, m.rtt_ms, m.downlink_mbps, m.source) == (
        "2g",
        "3g",
        300,
        1.5,
        "checkin",
    )


def test_a_reading_that_says_nothing_is_not_kept(places, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert record(places["a"], effective_type="5g", rtt_ms=-1) is False
    assert not ConnectivityMeasurement.objects.exists()


def test_the_same_reference_is_kept_once(places):
    assert record(places["a"], effective_type="2g", reference="checkin:41")
    assert record(places["a"], effective_type="4g", reference="checkin:41")
    assert record(places["a"], effective_type="4g", reference="checkin:42")
    assert record(places["a"], effective_type="4g")
    assert record(places["a"], effective_type="4g")
    assert ConnectivityMeasurement.objects.count() == 4
    assert ConnectivityMeasurement.objects.get(reference="checkin:41").level == "2g"


def test_evidence_per_desa_with_medians_counts_and_window(places, django_assert_num_queries):
    a, b, c = places["a"], places["b"], places["c"]
    for i, rtt in enumerate([100, 300, 2000, 250]):  # even: mean of 250 and 300
        record(a, minutes=i, rtt_ms=rtt, downlink_mbps=[10, 0.5, 0.05, 2][i], server_latency_ms=900)
    for i, rtt in enumerate([1500, 1600, 50]):  # odd: the middle one
        record(b, minutes=i, effective_type="2g" if rtt > 1000 else "4g", rtt_ms=rtt)
    record(c, minutes=60 * 24 * 31, effective_type="4g")  # outside the window
    record(c, server_latency_ms=3500)  # no browser data: from the time to the server
    since = NOW - timedelta(days=30)
    with django_assert_num_queries(4):
        found = measured_evidence(since=since)
    assert set(found) == {a.pk, b.pk, c.pk}
    ea, eb, ec = found[a.pk], found[b.pk], found[c.pk]
    assert (ea.samples, ea.median_rtt_ms, ea.median_downlink_mbps, ea.median_server_latency_ms) == (
        4,
        275.0,
        1.25,
        900.0,
    )
    # levels: 100/10 → 4g; 300/0.5 → 2g; 2000/0.05 → 2g; 250/2 → 4g → lower median 2g
    assert dict(ea.level_counts) == {"2g": 2, "4g": 2}
    assert ea.level == "2g"
    assert (ea.slow, ea.slow_share) == (2, 0.5)
    assert (eb.samples, eb.median_rtt_ms, eb.level, eb.slow) == (3, 1500.0, "2g", 2)
    assert (ec.samples, ec.level, ec.median_rtt_ms, ec.median_server_latency_ms) == (
        1,
        "2g",
        None,
        3500.0,
    )
    assert ea.last_at == NOW
    assert measured_evidence(since=since, desa_ids=[b.pk]).keys() == {b.pk}


def test_no_measurements_no_evidence(places):
    assert measured_evidence(since=timezone.now() - timedelta(days=30)) == {}
