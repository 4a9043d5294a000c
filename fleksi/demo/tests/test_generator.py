"""The demo generator as pure functions (no database): counts, identity, determinism."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

import pytest

from fleksi.demo.domain.catalogue import PERANGKAT_DAERAH, PUSKESMAS
from fleksi.demo.domain.kukar import KECAMATAN
from fleksi.demo.domain.names import _POOLS, FEMALE, MALE
from fleksi.demo.domain.numbers import build_ni_pppk
from fleksi.demo.domain.personas import PERSONAS
from fleksi.demo.domain.plan import generate
from fleksi.demo.domain.records import DemoPlan
from fleksi.demo.domain.villages import villages
from fleksi.org.domain.nip import NipProblem, check_employee_number, parse_nip

TODAY = date(2026, 11, 29)


@pytest.fixture(scope="module")
def small() -> DemoPlan:
    return generate(size="small", seed=2026, today=TODAY)


@pytest.fixture(scope="module")
def kukar() -> DemoPlan:
    return generate(size="kukar", seed=2026, today=TODAY)


def test_catalogue_has_the_59_perangkat_daerah():
    kinds = Counter(pd.kind for pd in PERANGKAT_DAERAH)
    assert kinds == {"opd": 34, "kecamatan": 20, "rsud": 3, "other": 1}
    assert len({pd.key for pd in PERANGKAT_DAERAH}) == 58
    assert len({pd.code for pd in PERANGKAT_DAERAH}) == 58
    names = {pd.name for pd in PERANGKAT_DAERAH}
    for expected in (
        "Sekretariat Daerah",
        "Sekretariat DPRD",
        "Inspektorat Daerah",
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        "Dinas Pendidikan dan Kebudayaan",
        "Dinas Kesehatan",
        "Dinas Pemadam Kebakaran dan Penyelamatan",
        "Dinas Kependudukan dan Pencatatan Sipil",
        "Satuan Polisi Pamong Praja",
        "Dinas Komunikasi dan Informatika",
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        "RSUD A.M. Parikesit",
        "RSUD Aji Batara Agung Dewa Sakti",
        "RSUD Dayaku Raja",
    ):
        assert expected in names
    kecamatan = {pd.kecamatan for pd in PERANGKAT_DAERAH if pd.kind == "kecamatan"}
    assert kecamatan == {k.code for k in KECAMATAN}
    assert len(PUSKESMAS) == 32


def test_villages_are_237_with_national_codes():
    places = villages()
    assert len(places) == 237
    assert Counter(v.kind for v in places) == {"kelurahan": 43, "desa": 194}
    assert len({v.code for v in places}) == 237
    centres = {k.code: k for k in KECAMATAN}
    for v in places:
        digit = "1" if v.kind == "kelurahan" else "2"
        assert re.fullmatch(rf"64\.02\.\d\d\.{digit}\d\d\d", v.code), v.code
        assert v.code.startswith(v.kecamatan_code + ".")
        centre = centres[v.kecamatan_code]
        assert abs(v.latitude - centre.latitude) <= 0.13
        assert abs(v.longitude - centre.longitude) <= 0.13
    assert {k.code for k in KECAMATAN} == {v.kecamatan_code for v in places}


@pytest.mark.parametrize("plan_name", ["small", "kukar"])
def test_every_number_is_valid_and_unique(plan_name, request):
    plan: DemoPlan = request.getfixturevalue(plan_name)
    numbers = [p.nip for p in plan.people]
    assert len(set(numbers)) == len(numbers)
    for p in plan.people:
        assert re.fullmatch(r"\d{18}", p.nip)
        problems = check_employee_number(
            p.nip, asn_type=p.asn_type, birth_date=p.birth_date, sex=p.sex
        )
        assert problems == [], (p.nip, problems)
        if p.asn_type in ("pns", "cpns"):
            parsed = parse_nip(p.nip)
            assert not isinstance(parsed, NipProblem)
            assert (parsed.tmt_year, parsed.tmt_month) == (
                p.tmt_appointment.year,
                p.tmt_appointment.month,
            )
        else:
            # An NI PPPK is never mistaken for a NIP: its "TMT month" digits read 21.
            assert isinstance(parse_nip(p.nip), NipProblem)
            assert p.nip[12:14] == "21"
            assert p.nip[:8] == f"{p.birth_date:%Y%m%d}"
            assert p.nip[8:12] == f"{p.tmt_appointment:%Y}"


def test_ni_pppk_layout():
    number = build_ni_pppk(birth_date=date(1990, 5, 17), tmt_year=2024, sex="2", sequence=7)
    assert number == "199005172024212007"
    assert len(number) == 18
    assert check_employee_number(number, asn_type="pppk", birth_date=None, sex=None) == []
    assert isinstance(parse_nip(number), NipProblem)


def test_same_seed_same_data_other_seed_other_data(small):
    again = generate(size="small", seed=2026, today=TODAY)
    assert [(p.nip, p.name) for p in again.people] == [(p.nip, p.name) for p in small.people]
    other = generate(size="small", seed=7, today=TODAY)
    assert [u.key for u in other.units] == [u.key for u in small.units]  # same tree
    assert {p.nip for p in other.people} != {p.nip for p in small.people}
    assert [p.name for p in other.people] != [p.name for p in small.people]


def test_persona_numbers_do_not_depend_on_seed_or_size(small, kukar):
    other = generate(size="small", seed=99, today=TODAY)
    for plan in (kukar, other):
        for key, index in small.personas.items():
            assert plan.people[plan.personas[key]].nip == small.people[index].nip
    assert set(small.personas) == {p.key for p in PERSONAS if p.is_employee}


def test_kukar_size_and_distribution(kukar):
    total = len(kukar.people)
    assert 18_000 <= total <= 20_000
    pd_of = {u.key: u.pd for u in kukar.units}
    by_pd = Counter(pd_of[p.unit] for p in kukar.people)
    assert 0.42 <= by_pd["disdikbud"] / total <= 0.48
    health = by_pd["dinkes"] + by_pd["rsud-amp"] + by_pd["rsud-abadi"] + by_pd["rsud-dayaku"]
    assert 0.18 <= health / total <= 0.23
    assert by_pd["damkar"] >= 500
    assert by_pd["rsud-amp"] >= 600
    assert by_pd.most_common(3)[0][0] == "disdikbud"
    types = Counter(p.asn_type for p in kukar.people)
    assert 0.53 <= types["pns"] / total <= 0.63
    assert 0.01 <= types["cpns"] / total <= 0.06
    assert 0.25 <= types["pppk"] / total <= 0.35
    assert 0.07 <= types["pppk_pw"] / total <= 0.13
    kinds = Counter(u.kind for u in kukar.units)
    assert kinds["puskesmas"] == 32
    assert kinds["kelurahan"] == 43
    assert kinds["sekolah"] == 540


def test_small_size_has_every_perangkat_daerah_with_a_thin_staff(small):
    assert 600 <= len(small.people) <= 1000
    roots = [u for u in small.units if u.parent is None]
    assert len(roots) == 58
    staffed = Counter(u.pd for u in small.units for _ in range(1 + u.staff))
    assert all(staffed[r.key] >= 3 for r in roots)
    kinds = {u.kind for u in small.units}
    assert {"sekolah", "puskesmas", "kelurahan", "upt", "seksi", "bidang"} <= kinds


@pytest.mark.parametrize("plan_name", ["small", "kukar"])
def test_structure_heads_and_supervisors(plan_name, request):
    plan: DemoPlan = request.getfixturevalue(plan_name)
    heads = Counter(p.unit for p in plan.positions if p.is_head)
    assert set(heads) == {u.key for u in plan.units}
    assert set(heads.values()) == {1}
    head_codes = {p.code for p in plan.positions if p.is_head}
    held = Counter(p.position for p in plan.people if p.position in head_codes)
    assert set(held.values()) == {1}
    without = [p for p in plan.people if p.supervisor is None]
    sekda = plan.people[plan.personas["sekda"]]
    assert without == [sekda]
    head_people = {p.index for p in plan.people if p.position in head_codes}
    assert {p.supervisor for p in plan.people if p.supervisor is not None} <= head_people
    vacant = {u.key for u in plan.units} - {p.unit for p in plan.people if p.index in head_people}
    assert vacant  # some posts are vacant, so that acting officials have cases
    assert {a.unit for a in plan.acting if a.kind == "plt"} <= vacant


def test_public_service_flags(kukar):
    public = {u.key: u.public for u in kukar.units}
    kinds = {u.key: u.kind for u in kukar.units}
    for key, kind in kinds.items():
        if kind in ("sekolah", "puskesmas", "kelurahan", "sekretariat", "subbagian"):
            assert public[key] == (kind not in ("sekretariat", "subbagian")), key
    paten = [k for k in kinds if k.endswith("/paten")]
    assert len(paten) == 20
    assert all(public[k] for k in paten)
    for key in (
        "disdukcapil",
        "disdukcapil/dafduk",
        "disdukcapil/dafduk/identitas",
        "dpmptsp/mpp",
        "damkar",
        "damkar/ops",
        "damkar/ops/pos-12",
        "satpolpp",
        "rsud-amp",
    ):
        assert public[key], key
    for key in ("bappeda", "bappeda/p2epd", "bkpsdm", "setda", "dinkes", "disdikbud"):
        assert not public[key], key


def test_sari_has_six_counter_officers_at_every_size(small, kukar):
    for plan in (small, kukar):
        staff = [
            p for p in plan.people if p.unit == "disdukcapil/dafduk/identitas" and p.supervisor
        ]
        officers = [p for p in staff if p.supervisor == plan.personas["sari"]]
        assert len(officers) == 6
        names = {pos.code: pos.name for pos in plan.positions}
        assert {names[p.position] for p in officers} == {"Petugas Pelayanan"}


def test_domiciles_mostly_local_and_commuters_to_tenggarong(kukar):
    units = {u.key: u for u in kukar.units}
    local = [p for p in kukar.people if units[p.unit].kecamatan != "64.02.06"]
    same = sum(1 for p in local if p.domicile.startswith(units[p.unit].kecamatan + "."))
    assert same / len(local) >= 0.8
    capital = [p for p in kukar.people if units[p.unit].kecamatan == "64.02.06"]
    homes = Counter(p.domicile[:8] for p in capital)
    assert homes["64.02.06"] / len(capital) >= 0.5
    assert homes["64.02.02"] > 0  # Loa Kulu
    assert homes["64.02.16"] > 0  # Tenggarong Seberang
    rina = kukar.people[kukar.personas["rina"]]
    assert rina.domicile.startswith("64.02.02.")


def test_recent_events_discipline_ratings_and_acting(kukar):
    total = len(kukar.people)
    recent = [
        p
        for p in kukar.people
        if p.last_promotion_date and (TODAY - p.last_promotion_date).days <= 180
    ]
    assert 0.02 <= len(recent) / total <= 0.1
    for field in ("last_transfer_date", "last_rotation_date"):
        days = [(TODAY - d).days for p in kukar.people if (d := getattr(p, field))]
        assert any(d <= 180 for d in days), field
    for p in kukar.people:
        for event in (p.last_promotion_date, p.last_transfer_date, p.last_rotation_date):
            assert event is None or p.tmt_appointment < event <= TODAY
    discipline = Counter(p.discipline_status for p in kukar.people)
    assert 0.005 <= (discipline["in_process"] + discipline["serving"]) / total <= 0.03
    assert all(p.discipline_start for p in kukar.people if p.discipline_status != "none")
    ratings = Counter(p.last_rating for p in kukar.people if p.last_rating)
    assert ratings.most_common(1)[0][0] == "baik"
    assert ratings["baik"] / sum(ratings.values()) >= 0.7
    active = [a for a in kukar.acting if a.start_date <= TODAY <= a.end_date]
    assert {a.kind for a in active} == {"plt", "plh"}
    assert any(a.end_date < TODAY for a in kukar.acting)
    assert any(a.start_date > TODAY for a in kukar.acting)


PREFIXES = {"H.", "Hj.", "dr.", "drg.", "apt.", "Ns.", "drh."}


def _first_name(name: str) -> str:
    return next(w for w in name.split(",")[0].split() if w not in PREFIXES)


def test_names_agree_with_sex(small):
    firsts = {
        sex: {n for pools in _POOLS.values() for n in pools[sex][0]} for sex in (MALE, FEMALE)
    }
    for p in small.people:
        if p.index in small.personas.values():
            continue
        assert _first_name(p.name) in firsts[p.sex], p.name
        assert not (p.sex == MALE and p.name.startswith("Hj. "))
        assert not (p.sex == FEMALE and p.name.startswith("H. "))
