"""The perangkat daerah of the demo: 33 OPD, 20 kecamatan offices, 3 RSUD and 1 other,
plus the repeated public-service units (schools, puskesmas, fire posts, kelurahan offices).

The OPD, the RSUD and the other unit are data (``fleksi/demo/data/perangkat_daerah.json``:
each with its sub-units, technical jobs and headcount target at the ``kukar`` size); the
kecamatan offices share one structure, built here for each kecamatan of ``kecamatan.csv``;
the puskesmas are one per kecamatan plus those of ``puskesmas.csv``.
"""

from __future__ import annotations

import csv
import json
from typing import Any, NamedTuple

from fleksi.demo.domain.jobs import MENUS, Job
from fleksi.demo.domain.kukar import (
    DATA,
    INPATIENT_PUSKESMAS,
    KECAMATAN,
    POPULATION,
    KecamatanFact,
)
from fleksi.demo.domain.specs import PdSpec, SubSpec, sekretariat


def _sub(d: dict[str, Any]) -> SubSpec:
    return SubSpec(
        d["name"],
        d["kind"],
        key=d.get("key", ""),
        children=tuple(_sub(c) for c in d.get("children", ())),
        public=d.get("public", False),
        menu=d.get("menu", ""),
        staff=d.get("staff"),
        head_title=d.get("head_title", ""),
    )


def _pd(d: dict[str, Any]) -> PdSpec:
    extra = {k: d[k] for k in ("kecamatan", "public") if k in d}
    return PdSpec(
        key=d["key"],
        code=d["code"],
        name=d["name"],
        kind=d["kind"],
        head_title=d["head_title"],
        head_kind=d["head_kind"],
        profile=d["profile"],
        jobs=tuple(Job(t, f, p, w) for t, f, p, w in d["jobs"]),
        subs=tuple(_sub(s) for s in d["subs"]),
        target=d["target"],
        extra_managers=tuple(d.get("extra_managers", ())),
        **extra,
    )


def _catalogue() -> dict[str, tuple[PdSpec, ...]]:
    with (DATA / "perangkat_daerah.json").open(encoding="utf-8") as fh:
        data = json.load(fh)
    return {group: tuple(_pd(d) for d in data[group]) for group in ("opd", "rsud", "others")}


_GROUPS = _catalogue()
OPD: tuple[PdSpec, ...] = _GROUPS["opd"]
RSUD: tuple[PdSpec, ...] = _GROUPS["rsud"]
OTHERS: tuple[PdSpec, ...] = _GROUPS["others"]


def kecamatan_code(kec: KecamatanFact) -> str:
    return "KEC-" + kec.name.upper().replace(" ", "-")


def _kecamatan_office(kec: KecamatanFact) -> PdSpec:
    def seksi(
        name: str, key: str = "", *, public: bool = False, menu: str = "kecamatan"
    ) -> SubSpec:
        return SubSpec(name, "seksi", key=key, public=public, menu=menu)

    secretariat = SubSpec(
        "Sekretariat Kecamatan",
        "sekretariat",
        key="sek",
        head_title=f"Sekretaris Kecamatan {kec.name}",
        menu="umum",
        children=sekretariat().children,
    )
    return PdSpec(
        key=f"kec{kec.code[-2:]}",
        code=kecamatan_code(kec),
        name=f"Kecamatan {kec.name}",
        kind="kecamatan",
        head_title=f"Camat {kec.name}",
        head_kind="administrator",
        profile="admin",
        jobs=MENUS["kecamatan"],
        subs=(
            secretariat,
            seksi("Seksi Pemerintahan", "pem"),
            seksi("Seksi Ketenteraman dan Ketertiban Umum"),
            seksi("Seksi Pemberdayaan Masyarakat dan Desa"),
            seksi("Seksi Kesejahteraan Sosial"),
            seksi("Seksi Pelayanan Umum (PATEN)", "paten", public=True, menu="paten"),
        ),
        target=48 if kec.name == "Tenggarong" else 38,
        kecamatan=kec.code,
    )


KECAMATAN_OFFICES: tuple[PdSpec, ...] = tuple(_kecamatan_office(k) for k in KECAMATAN)


PERANGKAT_DAERAH: tuple[PdSpec, ...] = (*OPD, *KECAMATAN_OFFICES, *RSUD, *OTHERS)


class Puskesmas(NamedTuple):
    name: str
    kecamatan: str
    inpatient: bool  # rawat inap: larger staff


def _extra_puskesmas() -> tuple[tuple[str, str], ...]:
    with (DATA / "puskesmas.csv").open(encoding="utf-8", newline="") as fh:
        return tuple((r["name"], r["kecamatan"]) for r in csv.DictReader(fh))


PUSKESMAS: tuple[Puskesmas, ...] = (
    *(Puskesmas(f"Puskesmas {k.name}", k.code, k.code in INPATIENT_PUSKESMAS) for k in KECAMATAN),
    *(Puskesmas(f"Puskesmas {name}", kec, False) for name, kec in _extra_puskesmas()),
)


def spread(total: int, *, minimum: int) -> dict[str, int]:
    """``total`` items over the kecamatan: ``minimum`` each, the rest by population
    (largest remainder, so the counts always add up to ``total``)."""
    codes = [k.code for k in KECAMATAN]
    rest = total - minimum * len(codes)
    if rest < 0:
        raise ValueError("total below the minimum per kecamatan")
    weight = sum(POPULATION.values())
    shares = {c: rest * POPULATION[c] / weight for c in codes}
    counts = {c: minimum + int(shares[c]) for c in codes}
    left = total - sum(counts.values())
    for code in sorted(codes, key=lambda c: (int(shares[c]) - shares[c], c))[:left]:
        counts[code] += 1
    return counts


PD_BY_KEY: dict[str, PdSpec] = {pd.key: pd for pd in PERANGKAT_DAERAH}
