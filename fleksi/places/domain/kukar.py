"""Reference facts of Kabupaten Kutai Kartanegara (regency code 64.02).

The 20 kecamatan with their region codes (see ``docs/glossary.md`` and the domain brief).
Coordinates are approximate centres, good enough for a sketch map and for distances in the
demo data; a deployment replaces them with surveyed data.
"""

from __future__ import annotations

from typing import NamedTuple


class KecamatanFact(NamedTuple):
    code: str
    name: str
    latitude: float
    longitude: float
    weak_signal: bool


REGENCY_CODE = "64.02"
REGENCY_NAME = "Kabupaten Kutai Kartanegara"
CAPITAL = "Tenggarong"

KECAMATAN: tuple[KecamatanFact, ...] = (
    KecamatanFact("64.02.01", "Muara Muntai", -0.370, 116.420, True),
    KecamatanFact("64.02.02", "Loa Kulu", -0.500, 116.950, False),
    KecamatanFact("64.02.03", "Loa Janan", -0.580, 117.100, False),
    KecamatanFact("64.02.04", "Anggana", -0.600, 117.280, False),
    KecamatanFact("64.02.05", "Muara Badak", -0.300, 117.280, False),
    KecamatanFact("64.02.06", "Tenggarong", -0.420, 116.990, False),
    KecamatanFact("64.02.07", "Sebulu", -0.250, 116.980, False),
    KecamatanFact("64.02.08", "Kota Bangun", -0.300, 116.580, True),
    KecamatanFact("64.02.09", "Kenohan", -0.430, 116.300, False),
    KecamatanFact("64.02.10", "Kembang Janggut", 0.050, 116.400, True),
    KecamatanFact("64.02.11", "Muara Kaman", 0.000, 116.720, False),
    KecamatanFact("64.02.12", "Tabang", 0.600, 116.050, True),
    KecamatanFact("64.02.13", "Samboja", -1.030, 117.100, False),
    KecamatanFact("64.02.14", "Muara Jawa", -0.820, 117.220, False),
    KecamatanFact("64.02.15", "Sanga-Sanga", -0.650, 117.220, False),
    KecamatanFact("64.02.16", "Tenggarong Seberang", -0.330, 117.050, False),
    KecamatanFact("64.02.17", "Marang Kayu", -0.100, 117.400, False),
    KecamatanFact("64.02.18", "Muara Wis", -0.150, 116.520, True),
    KecamatanFact("64.02.19", "Kota Bangun Darat", -0.250, 116.700, False),
    KecamatanFact("64.02.20", "Samboja Barat", -0.950, 116.980, False),
)
