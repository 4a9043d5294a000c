"""Demo data of the duty mapping: realistic, consistent with the rules, and fast."""

import random
import time
from collections import Counter
from decimal import Decimal

import pytest
from django.db.models import Sum

from fleksi.demo.services.duties import seed_duty_mapping
from fleksi.jobmap.domain.catalogue import PROFILES, duties_for, profile_for
from fleksi.jobmap.domain.classify import classify_position
from fleksi.jobmap.models import Assessment, AssessmentAnswer, Duty
from fleksi.jobmap.selectors import position_class_map, unit_mapping
from fleksi.org.models import Position
from fleksi.policy.domain.params import PolicyParams


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_every_profile_adds_up_to_100(profile):
    assert sum(w for _d, _o, w, _a in PROFILES[profile][1]) == 100


@pytest.mark.parametrize(
    ("name", "kind", "head", "expected"),
    [
        ("Petugas Pelayanan", "pelaksana", False, "counter"),
        ("Guru Ahli Pertama", "fungsional", False, "teacher"),
        ("Perawat Terampil", "fungsional", False, "health"),
        ("Kepala Puskesmas Tabang", "pengawas", True, "service_head"),
        ("Analis Kebijakan Ahli Muda", "fungsional", False, "analyst"),
        ("Penata Laporan Keuangan", "pelaksana", False, "finance"),
        ("Pengadministrasi Perkantoran", "pelaksana", False, "clerk"),
        ("Kepala Bidang Anggaran", "administrator", True, "manager"),
        ("Pemadam Kebakaran Terampil", "fungsional", False, "field"),
        ("Kepala Bidang Guru dan Tenaga Kependidikan", "administrator", True, "manager"),
        ("Kepala Subbagian Keuangan", "pengawas", True, "manager"),
        ("Camat Tabang", "jpt_pratama", True, "service_head"),
    ],
)
def test_positions_get_the_duties_of_their_kind(name, kind, head, expected):
    assert profile_for(name, kind, head) == expected


def test_demo_classes_follow_the_kind_of_work():
    rng = random.Random(7)
    classes = {}
    for name in (
        "Petugas Pelayanan",
        "Guru Ahli Muda",
        "Bidan Terampil",
        "Analis SDM Aparatur",
        "Pengadministrasi Perkantoran",
    ):
        seen: Counter[str] = Counter()
        for _ in range(200):
            duties = duties_for(name, "pelaksana", False, rng)
            assert sum(d.time_share for d in duties) == Decimal(100)
            seen[
                classify_position([(d.time_share, all(d.answers)) for d in duties], 0.75, 0.25)
            ] += 1
        classes[name] = seen.most_common(1)[0][0]
    assert classes == {
        "Petugas Pelayanan": "onsite",
        "Guru Ahli Muda": "onsite",
        "Bidan Terampil": "onsite",
        "Analis SDM Aparatur": "capable",
        "Pengadministrasi Perkantoran": "capable",
    }


@pytest.mark.django_db
def test_seeding_the_test_world(world):
    report = seed_duty_mapping(actor=None, rng=random.Random(1))
    assert report.positions == Position.objects.count() == 7
    totals = set(
        Duty.objects.values("position").annotate(t=Sum("time_share")).values_list("t", flat=True)
    )
    assert totals == {Decimal(100)}
    for a in Assessment.objects.exclude(status="draft"):
        assert AssessmentAnswer.objects.filter(duty__assessment=a).count() == 5 * a.duties.count()
    rows = unit_mapping(world.units["a"], params=PolicyParams())
    assert not any(r.stale for r in rows)
    again = seed_duty_mapping(actor=None, rng=random.Random(1))
    assert (again.positions, again.duties, again.exceptions) == (0, 0, 0)


@pytest.mark.django_db
def test_seeding_five_thousand_positions_is_quick(world):
    units = list(world.units.values())
    names = [
        "Petugas Pelayanan",
        "Guru Ahli Pertama",
        "Perawat Terampil",
        "Analis Kebijakan",
        "Pengadministrasi Perkantoran",
        "Pengelola Keuangan",
        "Pemadam Kebakaran Pemula",
    ]
    Position.objects.bulk_create(
        Position(
            code=f"D-{i}", name=names[i % len(names)], kind="pelaksana", unit=units[i % len(units)]
        )
        for i in range(5000)
    )
    started = time.perf_counter()
    report = seed_duty_mapping(actor=None, rng=random.Random(3))
    seconds = time.perf_counter() - started
    assert report.positions == 5007
    assert sum(report.states.values()) == 5007
    assert report.states["approved"] > 3500
    assert 0 < report.states["proposed"] < 600
    assert 0 < report.states["returned"] < 400
    classes = Counter(position_class_map(params=PolicyParams()).values())
    assert classes["onsite"] > classes["partly"] > 0
    assert classes["capable"] > 0
    assert seconds < 30, f"seeding took {seconds:.1f} s"
    print(f"bench: jobmap_demo_seed_5000 {seconds:.2f} s")
