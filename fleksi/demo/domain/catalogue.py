"""The 59 perangkat daerah of the demo: 33 OPD, 20 kecamatan offices, 3 RSUD and 3 others,
plus the repeated public-service units (schools, puskesmas, fire posts, kelurahan offices)."""

from __future__ import annotations

from typing import NamedTuple

from fleksi.demo.domain.catalogue_dinas import DINAS
from fleksi.demo.domain.catalogue_dinas2 import DINAS_2
from fleksi.demo.domain.catalogue_opd import SECRETARIATS_AND_BADAN
from fleksi.demo.domain.jobs import MENUS, POLICY_ANALYST, job
from fleksi.demo.domain.specs import PdSpec, SubSpec, bidang, sekretariat
from fleksi.places.domain.kukar import KECAMATAN, KecamatanFact

OPD: tuple[PdSpec, ...] = (*SECRETARIATS_AND_BADAN, *DINAS, *DINAS_2)


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


def _rsud(
    key: str, name: str, kec: str, target: int, *, large: bool, head: str = "Direktur"
) -> PdSpec:
    medik = SubSpec(
        "Bidang Pelayanan Medik",
        "bidang",
        public=True,
        menu="rsud_medis",
        children=(
            SubSpec("Seksi Pelayanan Medik", "seksi", public=True, menu="rsud_medis"),
            SubSpec("Seksi Penunjang Medik", "seksi", public=True, menu="rsud_penunjang"),
        ),
    )
    nursing = SubSpec(
        "Bidang Keperawatan",
        "bidang",
        public=True,
        menu="rsud_keperawatan",
        children=(
            SubSpec("Seksi Asuhan Keperawatan", "seksi", public=True, menu="rsud_keperawatan"),
            SubSpec("Seksi Mutu Keperawatan", "seksi", public=True, menu="rsud_keperawatan"),
        ),
    )
    subs = [
        SubSpec("Bagian Umum dan Kepegawaian", "bagian", menu="umum"),
        SubSpec("Bagian Keuangan", "bagian", menu="keuangan"),
        medik,
        nursing,
    ]
    if large:
        subs.append(SubSpec("Bidang Penunjang", "bidang", public=True, menu="rsud_penunjang"))
    return PdSpec(
        key=key,
        code=key.upper(),
        name=name,
        kind="rsud",
        head_title=f"{head} {name}",
        head_kind="jpt_pratama" if large else "administrator",
        profile="doctor",
        jobs=MENUS["rsud_medis"],
        subs=tuple(subs),
        target=target,
        kecamatan=kec,
        public=True,
    )


RSUD: tuple[PdSpec, ...] = (
    # In Teluk Dalam, Kecamatan Tenggarong Seberang (since 2014); led by a Direktur Utama.
    _rsud("rsud-amp", "RSUD A.M. Parikesit", "64.02.16", 780, large=True, head="Direktur Utama"),
    _rsud("rsud-abadi", "RSUD Aji Batara Agung Dewa Sakti", "64.02.13", 330, large=False),
    _rsud("rsud-dayaku", "RSUD Dayaku Raja", "64.02.08", 250, large=False),
)


# The KORPRI and TP-PKK secretariats are not perangkat daerah (kukar-facts.md): the demo
# has BRIDA as its only "other" unit; a 59th perangkat daerah could not be verified and is
# left out rather than invented.
OTHERS: tuple[PdSpec, ...] = (
    PdSpec(
        key="brida",
        code="BRIDA",
        name="Badan Riset dan Inovasi Daerah",
        kind="other",
        head_title="Kepala Badan Riset dan Inovasi Daerah",
        head_kind="jpt_pratama",
        profile="stats",
        jobs=(
            job("Peneliti", "A", "stats", 2),
            job("Perekayasa", "A", "engineer"),
            POLICY_ANALYST,
        ),
        subs=(sekretariat(), bidang("Bidang Riset"), bidang("Bidang Inovasi Daerah")),
        target=40,
    ),
)

PERANGKAT_DAERAH: tuple[PdSpec, ...] = (*OPD, *KECAMATAN_OFFICES, *RSUD, *OTHERS)


class Puskesmas(NamedTuple):
    name: str
    kecamatan: str
    inpatient: bool  # rawat inap: larger staff


_EXTRA_PUSKESMAS = (
    ("Rapak Mahang", "64.02.06"),
    ("Mangkurawang", "64.02.06"),
    ("Separi", "64.02.16"),
    ("Teluk Dalam", "64.02.16"),
    ("Jonggon", "64.02.02"),
    ("Loa Duri", "64.02.03"),
    ("Sungai Meriam", "64.02.04"),
    ("Badak Baru", "64.02.05"),
    ("Sungai Seluang", "64.02.13"),
    ("Muara Siran", "64.02.11"),
    ("Santan", "64.02.17"),
    ("Dondang", "64.02.14"),
)
_INPATIENT = {"64.02.01", "64.02.08", "64.02.09", "64.02.10", "64.02.11", "64.02.12", "64.02.18"}

PUSKESMAS: tuple[Puskesmas, ...] = (
    *(Puskesmas(f"Puskesmas {k.name}", k.code, k.code in _INPATIENT) for k in KECAMATAN),
    *(Puskesmas(f"Puskesmas {name}", kec, False) for name, kec in _EXTRA_PUSKESMAS),
)

# Relative population of each kecamatan (thousands, rounded): spreads schools and desks.
POPULATION: dict[str, int] = {
    "64.02.01": 18, "64.02.02": 55, "64.02.03": 65, "64.02.04": 42, "64.02.05": 48,
    "64.02.06": 115, "64.02.07": 40, "64.02.08": 25, "64.02.09": 11, "64.02.10": 22,
    "64.02.11": 40, "64.02.12": 10, "64.02.13": 40, "64.02.14": 40, "64.02.15": 20,
    "64.02.16": 72, "64.02.17": 28, "64.02.18": 9, "64.02.19": 16, "64.02.20": 30,
}  # fmt: skip


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
