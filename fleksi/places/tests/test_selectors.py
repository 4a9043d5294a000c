"""The readiness picture, the facts for the request rule and the unit figure, on a real
database: exact outcomes and a constant number of queries."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from fleksi.org.models import Employee
from fleksi.places.selectors import (
    location_facts_for_desa,
    readiness_contacts,
    readiness_picture,
    unit_readiness_table,
)
from fleksi.places.services import measurement_record, profile_update
from fleksi.policy.domain.location import LocationFacts
from fleksi.policy.domain.params import PolicyParams
from fleksi.testkit.mapping import approve_mapping
from fleksi.testkit.policy import publish_policy


def profile(desa, network, power=True, blank=False):
    profile_update(
        actor=None,
        desa=desa,
        best_network=network,
        electricity_24h=power,
        blank_spot=blank,
        source="Survei",
        surveyed_on=date(2025, 8, 1),
    )


def measure(desa, kind, n, *, days_ago=1):
    at = timezone.now() - timedelta(days=days_ago)
    for _ in range(n):
        measurement_record(
            desa_id=desa.pk,
            effective_type=kind,
            rtt_ms=None,
            downlink_mbps=None,
            server_latency_ms=None,
            measured_at=at,
            reference=None,
        )


@pytest.fixture
def places(world):
    profile(world.desa["melayu"], "4g")  # 90: ready
    profile(world.desa["tabang"], "vsat", power=False, blank=True)  # 50: not ready
    return world


@pytest.mark.django_db
def test_the_picture_per_desa_and_kecamatan(places, django_assert_max_num_queries):
    w = places
    with django_assert_max_num_queries(9):
        picture = readiness_picture()
    by_code = {d.code: d for d in picture.desa}
    melayu, tabang = by_code["64.02.06.1001"], by_code["64.02.12.2001"]
    assert (melayu.readiness.score, melayu.readiness.ready) == (90, True)
    assert (tabang.readiness.score, tabang.readiness.ready, tabang.evidence) == (50, False, None)
    kec = {k.name: k.summary for k in picture.kecamatan}
    assert (kec["Tenggarong"].mean_score, kec["Tenggarong"].ready) == (90.0, 1)
    assert (kec["Tabang"].mean_score, kec["Tabang"].ready) == (50.0, 0)
    assert picture.ready_desa_ids == {w.desa["melayu"].pk}
    assert picture.rules.min_connectivity == "4g"
    assert picture.rules.regulation_number == ""
    assert picture.rules.points == PolicyParams().network_points()


@pytest.mark.django_db
def test_enough_recent_measurements_replace_the_survey(places):
    w = places
    measure(w.desa["melayu"], "2g", 9)
    assert readiness_picture().desa[0].readiness.level == "4g"  # 9: not enough
    measure(w.desa["melayu"], "2g", 5, days_ago=31)  # outside the 30-day window
    assert readiness_picture().desa[0].readiness.level == "4g"
    measure(w.desa["melayu"], "2g", 1)
    row = next(d for d in readiness_picture().desa if d.code == "64.02.06.1001")
    assert (row.readiness.level, row.readiness.level_source, row.readiness.score) == (
        "2g",
        "measured",
        50,
    )
    assert (row.readiness.ready, row.evidence.samples, row.evidence.slow_share) == (False, 10, 1.0)


@pytest.mark.django_db
def test_the_minimum_comes_from_the_policy_in_force(places):
    publish_policy(places, min_connectivity="fibre", readiness_points_vsat=40)
    picture = readiness_picture()
    assert picture.rules.min_connectivity == "fibre"
    assert picture.rules.regulation_number == "Perbup 1/2026"
    assert next(d for d in picture.desa if d.code == "64.02.06.1001").readiness.ready is False
    # the points are the policy's too
    assert next(d for d in picture.desa if d.code == "64.02.12.2001").readiness.score == 40


@pytest.mark.django_db
def test_location_facts(places):
    w = places
    params = PolicyParams(min_connectivity="4g")
    assert location_facts_for_desa(w.desa["melayu"].pk, params=params) == LocationFacts(
        "home", "64.02.06.1001", "4g", True
    )
    assert location_facts_for_desa(
        w.desa["tabang"].pk, params=params, location_type="approved_place"
    ) == LocationFacts("approved_place", "64.02.12.2001", "vsat", False)
    assert location_facts_for_desa(None, params=params) == LocationFacts("home", None, None, None)
    assert location_facts_for_desa(10**9, params=params) == LocationFacts("home", None, None, None)
    strict = PolicyParams(min_connectivity="fibre")
    assert location_facts_for_desa(w.desa["melayu"].pk, params=strict).ready is False


@pytest.mark.django_db
def test_unit_readiness_counts_every_employee_without_a_policy(places):
    w = places
    Employee.objects.filter(pk=w.people["staff_b1"].pk).update(domicile=w.desa["tabang"])
    Employee.objects.filter(pk=w.people["head_b"].pk).update(domicile=None)
    picture = readiness_picture()
    table = unit_readiness_table(ready_desa=picture.ready_desa_ids)
    rows = {r.name: r.summary for r in table.rows}
    assert table.basis == "all"
    bappeda = rows["Bappeda"]
    assert (bappeda.employees, bappeda.with_domicile, bappeda.ready) == (2, 1, 0)
    a = rows["Dinas Kependudukan dan Pencatatan Sipil"]
    assert (a.employees, a.ready, a.share) == (5, 5, 1.0)
    assert (table.total.employees, table.total.ready) == (8, 6)


@pytest.mark.django_db
def test_unit_readiness_counts_only_wfa_capable_positions_under_a_policy(places):
    w = places
    approve_mapping(w, "analis", (50, 30, 20), suitable={0, 1})  # capable: Yusuf (staff_b1)
    approve_mapping(w, "loket", (90, 10), suitable={1})  # on site
    publish_policy(w)
    picture = readiness_picture()
    table = unit_readiness_table(ready_desa=picture.ready_desa_ids)
    rows = {r.name: r.summary for r in table.rows}
    assert table.basis == "policy"
    assert (rows["Bappeda"].employees, rows["Bappeda"].ready) == (1, 1)
    assert rows["Dinas Kependudukan dan Pencatatan Sipil"].employees == 0
    assert rows["Dinas Kependudukan dan Pencatatan Sipil"].share is None


@pytest.mark.django_db
def test_contacts_are_the_diskominfo_admins(world):
    assert [c.name for c in readiness_contacts()] == ["diskominfo"]


@pytest.mark.django_db
def test_medians_are_computed_for_one_kecamatan_not_for_the_regency(places):
    w = places
    for rtt in (100, 200, 300):
        measurement_record(
            desa_id=w.desa["melayu"].pk,
            effective_type="4g",
            rtt_ms=rtt,
            downlink_mbps=5.0,
            server_latency_ms=400,
            measured_at=timezone.now(),
            reference=None,
        )
    regency = next(d for d in readiness_picture().desa if d.code == "64.02.06.1001")
    assert (regency.evidence.samples, regency.evidence.median_rtt_ms) == (3, None)
    one = readiness_picture(kecamatan_id=w.kecamatan["tgr"].pk).desa[0]
    assert (one.evidence.samples, one.evidence.median_rtt_ms) == (3, 200.0)
