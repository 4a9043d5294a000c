"""Reference facts of Kabupaten Kutai Kartanegara (regency code 64.02) for the demo.

The 20 kecamatan with their region codes, approximate centres, weak signal, population
(thousands, rounded: spreads schools and desks) and whether their puskesmas is an inpatient
one, read from ``fleksi/demo/data/kecamatan.csv`` (see ``docs/glossary.md`` and the domain
brief). The coordinates are good enough for a sketch map and for distances in the demo data;
a deployment imports surveyed data instead.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import NamedTuple

DATA = Path(__file__).resolve().parent.parent / "data"


class KecamatanFact(NamedTuple):
    code: str
    name: str
    latitude: float
    longitude: float
    weak_signal: bool


REGENCY_CODE = "64.02"
REGENCY_NAME = "Kabupaten Kutai Kartanegara"
CAPITAL = "Tenggarong"


def _read() -> list[dict[str, str]]:
    with (DATA / "kecamatan.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


_ROWS = _read()
KECAMATAN: tuple[KecamatanFact, ...] = tuple(
    KecamatanFact(
        r["code"], r["name"], float(r["latitude"]), float(r["longitude"]), r["weak_signal"] == "1"
    )
    for r in _ROWS
)
POPULATION: dict[str, int] = {r["code"]: int(r["population_thousands"]) for r in _ROWS}
INPATIENT_PUSKESMAS: frozenset[str] = frozenset(
    r["code"] for r in _ROWS if r["puskesmas_inpatient"] == "1"
)
