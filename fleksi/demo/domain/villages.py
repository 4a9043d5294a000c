"""The desa and kelurahan of the demo: 237 places in the 20 kecamatan (43 kelurahan, 194 desa).

The names (``fleksi/demo/data/villages.txt``) are modelled on Kutai Kartanegara place names
(Kutai, Banjar, Bugis, Dayak and Javanese transmigration villages) but the list is synthetic:
it is *not* the official Kemendagri register, and a deployment imports the real one. Codes
follow the national layout ``64.02.KK.1xxx`` (kelurahan) and ``64.02.KK.2xxx`` (desa);
coordinates are scattered near the kecamatan centre (kelurahan closer than desa). The list does
not depend on the seed: the same kecamatan always has the same villages.

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

from fleksi.demo.domain.kukar import DATA, KECAMATAN


class Village(NamedTuple):
    code: str
    name: str
    kind: str  # "kelurahan" or "desa"
    kecamatan_code: str
    latitude: float
    longitude: float


# One entry per kecamatan and kind; continuation lines are indented, names separated by commas.
_NAMES = (DATA / "villages.txt").read_text(encoding="utf-8")


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
