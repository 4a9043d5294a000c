"""The desa and kelurahan of the demo: 237 places in the 20 kecamatan (43 kelurahan, 194 desa).

The names are modelled on Kutai Kartanegara place names (Kutai, Banjar, Bugis, Dayak and
Javanese transmigration villages) but the list is synthetic: it is *not* the official
Kemendagri register, and a deployment imports the real one. Codes follow the national
layout ``64.02.KK.1xxx`` (kelurahan) and ``64.02.KK.2xxx`` (desa); coordinates are scattered
near the kecamatan centre (kelurahan closer than desa). The list does not depend on the seed:
the same kecamatan always has the same villages.

It respects the facts of ``shared/domain/kukar-facts.md`` (kept by
``fleksi/demo/tests/test_kukar_facts.py``): Loa Kulu, Loa Janan, Muara Badak, Kota Bangun and
Tenggarong Seberang have no kelurahan; Dondang, Teluk Dalam, Tama Pole and Muara Kembang are
kelurahan of Muara Jawa; the Amborawang, Salok Api, Argosari and Karya Merdeka kelurahan and
Tani Bhakti (the seat) lie in Samboja Barat; "Kuala Samboja" is one place; Tabang includes
Muara Tuboq, Muara Belinau and Umaq Bekuai (no "Gunung Tabur", a kecamatan of Berau).
"""

from __future__ import annotations

import random
from typing import NamedTuple

from fleksi.places.domain.kukar import KECAMATAN


class Village(NamedTuple):
    code: str
    name: str
    kind: str  # "kelurahan" or "desa"
    kecamatan_code: str
    latitude: float
    longitude: float


# One entry per kecamatan and kind; continuation lines are indented, names separated by commas.
_NAMES = """
64.02.01 desa: Muara Muntai Ulu, Muara Muntai Ilir, Batuq, Jantur, Jantur Selatan, Jantur Baru,
    Kayu Batu, Muara Aloh, Muara Leka, Perian, Pulau Harapan, Rebaq Rinding, Tanjung Batuq
    Harapan
64.02.02 desa: Loa Kulu Kota, Jembayan, Jonggon Jaya, Jonggon Desa, Sumber Sari, Rempanga, Lung
    Anai, Margahayu, Ponoragan, Loh Sumber, Sepakat, Jembayan Tengah, Jembayan Dalam, Jongkang,
    Karya Utama
64.02.03 desa: Loa Janan Ulu, Loa Duri Ulu, Loa Duri Ilir, Bakungan, Batuah, Tani Bhakti,
    Purwajaya, Tani Harapan
64.02.04 desa: Anggana, Sidomulyo, Sungai Meriam, Kutai Lama, Handil Terusan, Tani Baru, Muara
    Pantuan, Sepatin
64.02.05 desa: Badak Baru, Badak Mekar, Muara Badak Ulu, Muara Badak Ilir, Tanjung Limau, Saliki,
    Salo Palai, Gas Alam Badak Satu, Sungai Bawang, Tanah Datar, Batu-Batu, Suka Damai, Salo Cella
64.02.06 kelurahan: Melayu, Panji, Timbau, Sukarame, Baru, Loa Ipuh, Loa Ipuh Darat, Loa Tebu,
    Maluhu, Mangkurawang, Bukit Biru, Jahab
64.02.06 desa: Rapak Lambur, Bendang Raya
64.02.07 desa: Sebulu Ilir, Sebulu Ulu, Sebulu Modern, Beloro, Lekaq Kidau, Manunggal Daya,
    Mekar Jaya, Selerong, Senoni, Tanjung Harapan, Sanggulan, Segihan, Giri Agung, Sumber Sari
64.02.08 desa: Kota Bangun Ilir, Kota Bangun Ulu, Kota Bangun Seberang, Liang, Liang Ulu,
    Sangkuliman, Pela, Muhuran, Benua Baru, Curug, Loleng
64.02.09 desa: Kahala, Kahala Ilir, Lamin Pulut, Lamin Telihan, Semayang, Teluk Bingkai, Tuana
    Tuha, Teluk Muda, Kahala Ulu
64.02.10 desa: Kembang Janggut, Loa Sakoh, Bukit Layang, Hambau, Kelekat, Long Beleh Haloq, Long
    Beleh Modang, Genting Tanah, Perdana, Muai, Pulau Pinang
64.02.11 desa: Muara Kaman Ulu, Muara Kaman Ilir, Sabintulung, Benua Puhun, Bukit Jering, Cipari
    Makmur, Kupang Baru, Liang Buaya, Lebaho Ulak, Menamang Kanan, Menamang Kiri, Muara Siran,
    Panca Jaya, Puan Cepak, Rantau Hempang, Sedulang, Sido Mukti, Teratak, Tunjungan
64.02.12 desa: Tabang Lama, Kampung Baru, Buluq Sen, Gunung Sari, Sidomulyo, Umaq Dian, Umaq
    Tukung, Long Lalang, Muara Pedohon, Muara Ritan, Muara Salung, Muara Tiq, Bila Talang, Ritan
    Baru, Tukung Ritan, Muara Kebaq, Long Ruyung, Muara Tuboq, Muara Belinau, Umaq Bekuai
64.02.13 kelurahan: Sungai Seluang, Kampung Lama, Kuala Samboja, Sanipah, Wonotirto, Karya Jaya,
    Handil Baru, Tanjung Harapan, Muara Sembilang
64.02.13 desa: Beringin Agung, Bukit Raya, Teluk Pemedas
64.02.14 kelurahan: Muara Jawa Ulu, Muara Jawa Ilir, Muara Jawa Tengah, Muara Jawa Pesisir,
    Dondang, Teluk Dalam, Tama Pole, Muara Kembang
64.02.15 kelurahan: Sanga-Sanga Dalam, Sanga-Sanga Muara, Jawa, Pendingin, Sarijaya
64.02.16 desa: Bukit Pariaman, Bukit Raya, Embalut, Kerta Buana, Loa Lepu, Loa Raya, Manunggal
    Jaya, Mulawarman, Perjiwa, Bangun Rejo, Buana Jaya, Separi, Sukamaju, Tanjung Batu, Teluk Dalam,
    Karang Tunggal, Bhakti Jaya
64.02.17 desa: Sebuntal, Bunga Putih, Kersik, Santan Ilir, Santan Tengah, Santan Ulu, Perangat
    Baru, Perangat Selatan, Makarti, Sambera Baru, Himba Lestari
64.02.18 desa: Muara Wis, Enggelam, Lebak Cilong, Lebak Mantan, Melintang, Muara Enggelam,
    Sebemban
64.02.19 desa: Kota Bangun I, Kota Bangun II, Kota Bangun III, Wonosari, Sari Nadi, Kedang Ipil,
    Sebelimbingan, Sumber Sari, Benua Baru Ulu, Karya Mulya
64.02.20 kelurahan: Amborawang Darat, Amborawang Laut, Salok Api Darat, Salok Api Laut, Argosari,
    Karya Merdeka, Sungai Merdeka, Bukit Merdeka, Margo Mulyo
64.02.20 desa: Tani Bhakti, Tanah Merah, Giri Rejo
"""


def _parse(text: str) -> dict[tuple[str, str], list[str]]:
    entries: dict[tuple[str, str], str] = {}
    key: tuple[str, str] | None = None
    for line in text.strip().splitlines():
        if line.startswith(" "):
            if key is None:
                raise ValueError("village list starts with a continuation line")
            entries[key] += " " + line.strip()
            continue
        head, names = line.split(":", 1)
        code, kind = head.split()
        key = (code, kind)
        entries[key] = names.strip()
    return {k: [n.strip() for n in v.split(",")] for k, v in entries.items()}


# How far from the kecamatan centre a village may lie, in degrees (~1 km per 0.009°).
KELURAHAN_SPREAD = 0.03
DESA_SPREAD = 0.12
_PARSED = _parse(_NAMES)


def villages() -> list[Village]:
    """All 237 villages, in code order. Coordinates are fixed (they do not follow the seed)."""
    result: list[Village] = []
    for kec in KECAMATAN:
        rng = random.Random(f"villages-{kec.code}")
        for kind, base, spread in (
            ("kelurahan", 1000, KELURAHAN_SPREAD),
            ("desa", 2000, DESA_SPREAD),
        ):
            names = _PARSED.get((kec.code, kind), [])
            for number, name in enumerate(names, start=1):
                result.append(
                    Village(
                        code=f"{kec.code}.{base + number}",
                        name=name,
                        kind=kind,
                        kecamatan_code=kec.code,
                        latitude=round(kec.latitude + rng.uniform(-spread, spread), 5),
                        longitude=round(kec.longitude + rng.uniform(-spread, spread), 5),
                    )
                )
    return result


def villages_by_kecamatan() -> dict[str, list[Village]]:
    grouped: dict[str, list[Village]] = {kec.code: [] for kec in KECAMATAN}
    for village in villages():
        grouped[village.kecamatan_code].append(village)
    return grouped
