"""The shapes of the catalogue: a perangkat daerah and its sub-units, before sizing."""

from __future__ import annotations

from dataclasses import dataclass

from fleksi.demo.domain.jobs import Job

TENGGARONG = "64.02.06"


@dataclass(frozen=True)
class SubSpec:
    """A sub-unit (sekretariat, bagian, bidang, subbagian, seksi, UPT...) of a catalogue entry.

    ``key`` names the unit for personas and tests (``<pd>/<key>``); without it the unit is
    keyed by its position in the tree. ``menu`` chooses the jobs of its staff (empty: the
    technical jobs of its perangkat daerah). ``staff`` fixes the number of staff at every
    size (Bu Sari's section has exactly six counter officers).
    """

    name: str
    kind: str
    key: str = ""
    children: tuple[SubSpec, ...] = ()
    public: bool = False
    menu: str = ""
    staff: int | None = None
    head_title: str = ""


@dataclass(frozen=True)
class PdSpec:
    """A perangkat daerah: OPD, kecamatan office, RSUD or other unit."""

    key: str
    code: str
    name: str
    kind: str  # opd / kecamatan / rsud / other
    head_title: str
    head_kind: str  # jpt_pratama / administrator
    profile: str  # education profile of its managers
    jobs: tuple[Job, ...]  # technical jobs of its bidang, seksi and UPT
    subs: tuple[SubSpec, ...]
    target: int  # headcount of its office at the ``kukar`` size (without repeated units)
    kecamatan: str = TENGGARONG
    public: bool = False
    # Managerial positions at the root that are not the head (Asisten, Staf Ahli).
    extra_managers: tuple[str, ...] = ()


def sekretariat(*, split: bool = False, name: str = "Sekretariat") -> SubSpec:
    """The secretariat of an OPD with its subbagian (four when ``split``, else two)."""
    subs: tuple[SubSpec, ...]
    if split:
        subs = (
            SubSpec("Subbagian Umum", "subbagian", menu="umum"),
            SubSpec("Subbagian Kepegawaian", "subbagian", menu="umum"),
            SubSpec("Subbagian Perencanaan", "subbagian", menu="keuangan"),
            SubSpec("Subbagian Keuangan", "subbagian", menu="keuangan"),
        )
    else:
        subs = (
            SubSpec("Subbagian Umum dan Kepegawaian", "subbagian", menu="umum"),
            SubSpec("Subbagian Perencanaan dan Keuangan", "subbagian", menu="keuangan"),
        )
    return SubSpec(name, "sekretariat", key="sek", children=subs, menu="umum")


def bidang(name: str, *seksi: str, public: bool = False, key: str = "", menu: str = "") -> SubSpec:
    children = tuple(SubSpec(s, "seksi", public=public, menu=menu) for s in seksi)
    return SubSpec(name, "bidang", key=key, children=children, public=public, menu=menu)


def upt(name: str, *, public: bool = False, key: str = "", menu: str = "") -> SubSpec:
    return SubSpec(name, "upt", key=key, public=public, menu=menu)


def bagian(name: str, *subbagian: str) -> SubSpec:
    children = tuple(SubSpec(s, "subbagian") for s in subbagian)
    return SubSpec(name, "bagian", children=children)
