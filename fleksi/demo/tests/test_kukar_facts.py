"""The demo respects the Kukar facts a local would check at once
(``shared/domain/kukar-facts.md``): desa vs kelurahan, Tabang's villages, RSUD A.M.
Parikesit, the perangkat daerah, invented people, and a policy that is visibly an example."""

from __future__ import annotations

import random
import re
from datetime import date
from pathlib import Path

import pytest

from fleksi.demo.domain.catalogue import PERANGKAT_DAERAH
from fleksi.demo.domain.kukar import KECAMATAN
from fleksi.demo.domain.personas import PERSONAS
from fleksi.demo.domain.units import build_units
from fleksi.demo.domain.villages import villages
from fleksi.demo.services.connectivity import NAMED_BLANK_SPOTS, _profile
from fleksi.demo.services.policy import AMENDMENT, PERBUP, demo_policy_write

KEC = {k.name: k.code for k in KECAMATAN}
PLACES = villages()


def kinds_in(kecamatan: str) -> dict[str, str]:
    return {v.name: v.kind for v in PLACES if v.kecamatan_code == KEC[kecamatan]}


@pytest.mark.parametrize(
    "kecamatan", ["Loa Kulu", "Loa Janan", "Muara Badak", "Kota Bangun", "Tenggarong Seberang"]
)
def test_these_kecamatan_have_no_kelurahan(kecamatan):
    assert set(kinds_in(kecamatan).values()) == {"desa"}


@pytest.mark.parametrize(
    ("kecamatan", "name"),
    [
        ("Loa Kulu", "Loa Kulu Kota"),
        ("Loa Kulu", "Jembayan"),
        ("Loa Janan", "Loa Janan Ulu"),
        ("Loa Janan", "Loa Duri Ulu"),
        ("Loa Janan", "Loa Duri Ilir"),
        ("Muara Badak", "Badak Baru"),
        ("Muara Badak", "Badak Mekar"),
        ("Kota Bangun", "Kota Bangun Ilir"),
        ("Kota Bangun", "Kota Bangun Ulu"),
        ("Tenggarong Seberang", "Bukit Pariaman"),
        ("Tenggarong Seberang", "Bukit Raya"),
    ],
)
def test_named_desa(kecamatan, name):
    assert kinds_in(kecamatan)[name] == "desa"


@pytest.mark.parametrize(
    ("kecamatan", "name"),
    [
        *(("Muara Jawa", n) for n in ("Dondang", "Teluk Dalam", "Tama Pole", "Muara Kembang")),
        *(
            ("Samboja Barat", n)
            for n in (
                "Amborawang Darat",
                "Amborawang Laut",
                "Salok Api Darat",
                "Salok Api Laut",
                "Argosari",
                "Karya Merdeka",
            )
        ),
    ],
)
def test_named_kelurahan(kecamatan, name):
    assert kinds_in(kecamatan)[name] == "kelurahan"


def test_samboja_and_samboja_barat():
    assert "Tani Bhakti" in kinds_in("Samboja Barat")
    assert "Tani Bhakti" not in kinds_in("Samboja")
    names = [v.name for v in PLACES]
    assert "Samboja Kuala" not in names
    assert names.count("Kuala Samboja") == 1


def test_tabang_villages():
    tabang = kinds_in("Tabang")
    assert {"Muara Tuboq", "Muara Belinau", "Umaq Bekuai"} <= set(tabang)
    assert "Gunung Tabur" not in {v.name for v in PLACES}  # a kecamatan of Berau


def test_rsud_am_parikesit_stands_in_tenggarong_seberang_led_by_a_direktur_utama():
    rsud = next(pd for pd in PERANGKAT_DAERAH if pd.name == "RSUD A.M. Parikesit")
    assert rsud.kecamatan == KEC["Tenggarong Seberang"]
    assert rsud.head_title.startswith("Direktur Utama")
    assert "Teluk Dalam" in kinds_in("Tenggarong Seberang")


def test_rsud_am_parikesit_s_building_is_in_teluk_dalam_of_tenggarong_seberang():
    """Its office is in the desa Teluk Dalam of Tenggarong Seberang (since 2014), not the
    kelurahan Teluk Dalam of Muara Jawa."""
    rsud = next(u for u in build_units("small") if u.name == "RSUD A.M. Parikesit")
    assert rsud.office is not None
    teluk_dalam = next(
        v
        for v in PLACES
        if v.name == "Teluk Dalam" and v.kecamatan_code == KEC["Tenggarong Seberang"]
    )
    assert rsud.office.desa_code == teluk_dalam.code
    assert "Desa Teluk Dalam, Kecamatan Tenggarong Seberang" in rsud.office.address


def test_the_named_blank_spots_of_tabang_are_demo_blank_spots():
    """Muara Belinau and Umaq Bekuai are among the named blank-spot villages: the demo
    survey says so, with no better than 2G or a VSAT link at the village office."""
    tabang = kinds_in("Tabang")
    assert set(NAMED_BLANK_SPOTS) <= set(tabang)
    rng = random.Random(1)
    for v in PLACES:
        if v.name in NAMED_BLANK_SPOTS and v.kecamatan_code == KEC["Tabang"]:
            profile = _profile(v.code, "tabang", False, rng, date(2026, 11, 20))
            assert profile["blank_spot"] is True
            assert profile["best_network"] in {"none", "2g", "vsat"}


def test_the_agency_codes_are_kukar_s():
    codes = {pd.name: pd.code for pd in PERANGKAT_DAERAH}
    assert codes["Dinas Lingkungan Hidup dan Kehutanan"] == "DLHK"


def test_the_perangkat_daerah_carry_kukar_s_names():
    names = {pd.name for pd in PERANGKAT_DAERAH}
    codes = {pd.name: pd.code for pd in PERANGKAT_DAERAH}
    assert "Dinas Perkebunan" in names
    assert "Dinas Lingkungan Hidup dan Kehutanan" in names
    assert "Dinas Kelautan dan Perikanan" in names
    assert codes["Dinas Ketahanan Pangan"] != "DKP"
    assert not any("KORPRI" in n or "PKK" in n for n in names)  # not perangkat daerah
    assert len(PERANGKAT_DAERAH) <= 59


REAL_OFFICE_HOLDERS = ("Sunggono", "Edi Damansyah", "Aulia Rahman", "Rendi Solihin")


def test_no_invented_record_carries_a_real_office_holder_s_name():
    world = Path(__file__).resolve().parents[2] / "testkit" / "world.py"
    texts = [p.name for p in PERSONAS] + [world.read_text(encoding="utf-8")]
    for text in texts:
        for real in REAL_OFFICE_HOLDERS:
            assert real not in text


def test_the_demo_policy_is_visibly_an_example_without_number_or_year():
    for title in (PERBUP, AMENDMENT):
        assert "Contoh" in title
        assert not re.search(r"\bNo\.|\bNomor\b|\bTahun\s+\d{4}|\d+/\d{4}", title)
    source = Path(demo_policy_write.__code__.co_filename).read_text(encoding="utf-8")
    assert not re.search(r"Perbup\s+\d+/\d{4}", source)
