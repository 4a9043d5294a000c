"""The column layout of a people import, modelled on a SIASN export.

Headers are compared after :func:`normalise_header` (``"Kode Unit"`` is ``KODE_UNIT``).
Required columns must be in the header; optional ones may be left out, and then the
fields they carry stay as they are for people already in Fleksi (new people get the
default). Every accepted spelling of a value is listed here, as data: ``docs/import-people.md``
documents the same table, and a test keeps the two in step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Col(StrEnum):
    NIP = "NIP"
    NAMA = "NAMA"
    JENIS_ASN = "JENIS_ASN"
    JENIS_KELAMIN = "JENIS_KELAMIN"
    TANGGAL_LAHIR = "TANGGAL_LAHIR"
    KODE_UNIT = "KODE_UNIT"
    NAMA_UNIT = "NAMA_UNIT"
    KODE_UNIT_INDUK = "KODE_UNIT_INDUK"
    JENIS_UNIT = "JENIS_UNIT"
    LAYANAN_PUBLIK = "LAYANAN_PUBLIK"
    KODE_KECAMATAN = "KODE_KECAMATAN"
    KODE_JABATAN = "KODE_JABATAN"
    NAMA_JABATAN = "NAMA_JABATAN"
    JENIS_JABATAN = "JENIS_JABATAN"
    JENJANG = "JENJANG"
    KEPALA_UNIT = "KEPALA_UNIT"
    KODE_DESA_DOMISILI = "KODE_DESA_DOMISILI"
    TMT_PENGANGKATAN = "TMT_PENGANGKATAN"
    TMT_PROMOSI = "TMT_PROMOSI"
    TMT_MUTASI = "TMT_MUTASI"
    TMT_ROTASI = "TMT_ROTASI"
    STATUS_DISIPLIN = "STATUS_DISIPLIN"
    DISIPLIN_MULAI = "DISIPLIN_MULAI"
    DISIPLIN_SELESAI = "DISIPLIN_SELESAI"
    PREDIKAT_KINERJA = "PREDIKAT_KINERJA"
    TAHUN_PREDIKAT = "TAHUN_PREDIKAT"
    NIP_ATASAN = "NIP_ATASAN"
    EMAIL = "EMAIL"
    AKTIF = "AKTIF"


# Columns that must be in the header (their value may still be optional: KODE_UNIT_INDUK is
# empty for a perangkat daerah, JENJANG for a non-functional position).
REQUIRED_COLUMNS: tuple[Col, ...] = (
    Col.NIP,
    Col.NAMA,
    Col.JENIS_ASN,
    Col.JENIS_KELAMIN,
    Col.TANGGAL_LAHIR,
    Col.KODE_UNIT,
    Col.NAMA_UNIT,
    Col.KODE_UNIT_INDUK,
    Col.JENIS_UNIT,
    Col.KODE_JABATAN,
    Col.NAMA_JABATAN,
    Col.JENIS_JABATAN,
    Col.JENJANG,
    Col.KEPALA_UNIT,
    Col.TMT_PENGANGKATAN,
)
OPTIONAL_COLUMNS: tuple[Col, ...] = tuple(c for c in Col if c not in REQUIRED_COLUMNS)

# Optional columns that only make sense together: one of a group in the header needs all.
COLUMN_GROUPS: tuple[tuple[Col, ...], ...] = (
    (Col.STATUS_DISIPLIN, Col.DISIPLIN_MULAI, Col.DISIPLIN_SELESAI),
    (Col.PREDIKAT_KINERJA, Col.TAHUN_PREDIKAT),
)

MAX_LENGTH: dict[Col, int] = {
    Col.NAMA: 150,
    Col.KODE_UNIT: 40,
    Col.NAMA_UNIT: 200,
    Col.KODE_UNIT_INDUK: 40,
    Col.KODE_KECAMATAN: 16,
    Col.KODE_JABATAN: 40,
    Col.NAMA_JABATAN: 200,
    Col.KODE_DESA_DOMISILI: 20,
    Col.EMAIL: 254,
}


@dataclass(frozen=True)
class Choices:
    """The accepted spellings of a coded column: spelling (normalised) -> stored value."""

    shown: str  # the canonical spellings, as listed in messages and the docs
    values: dict[str, str]


ASN_TYPES = Choices(
    "PNS, CPNS, PPPK, PPPK PARUH WAKTU",
    {
        "PNS": "pns",
        "CPNS": "cpns",
        "PPPK": "pppk",
        "PPPK PENUH WAKTU": "pppk",
        "PPPK PARUH WAKTU": "pppk_pw",
        "PPPK PW": "pppk_pw",
    },
)
SEXES = Choices(
    "L, P (also 1, 2, LAKI-LAKI, PEREMPUAN)",
    {
        "L": "1",
        "1": "1",
        "LAKI LAKI": "1",
        "LAKI": "1",
        "PRIA": "1",
        "P": "2",
        "2": "2",
        "PEREMPUAN": "2",
        "WANITA": "2",
    },
)
TOP_UNIT_KINDS = frozenset({"opd", "kecamatan", "rsud", "other"})
UNIT_KINDS = Choices(
    "OPD, KECAMATAN, RSUD, LAINNYA; SEKRETARIAT, BAGIAN, BIDANG, SUBBAGIAN, SEKSI, UPT, "
    "PUSKESMAS, SEKOLAH, KELURAHAN",
    {
        "OPD": "opd",
        "DINAS": "opd",
        "BADAN": "opd",
        "KECAMATAN": "kecamatan",
        "RSUD": "rsud",
        "LAINNYA": "other",
        "SEKRETARIAT": "sekretariat",
        "BAGIAN": "bagian",
        "BIDANG": "bidang",
        "SUBBAGIAN": "subbagian",
        "SUBBAG": "subbagian",
        "SEKSI": "seksi",
        "UPT": "upt",
        "UPTD": "upt",
        "PUSKESMAS": "puskesmas",
        "SEKOLAH": "sekolah",
        "KELURAHAN": "kelurahan",
    },
)
MANAGERIAL_KINDS = frozenset({"jpt_pratama", "administrator", "pengawas"})
POSITION_KINDS = Choices(
    "JPT PRATAMA, ADMINISTRATOR, PENGAWAS, FUNGSIONAL, PELAKSANA",
    {
        "JPT PRATAMA": "jpt_pratama",
        "ESELON II": "jpt_pratama",
        "ADMINISTRATOR": "administrator",
        "ESELON III": "administrator",
        "PENGAWAS": "pengawas",
        "ESELON IV": "pengawas",
        "FUNGSIONAL": "fungsional",
        "JF": "fungsional",
        "PELAKSANA": "pelaksana",
        "JFU": "pelaksana",
    },
)
LEVELS = Choices(
    "AHLI PERTAMA, AHLI MUDA, AHLI MADYA, AHLI UTAMA, PEMULA, TERAMPIL, MAHIR, PENYELIA",
    {
        "AHLI PERTAMA": "ahli_pertama",
        "AHLI MUDA": "ahli_muda",
        "AHLI MADYA": "ahli_madya",
        "AHLI UTAMA": "ahli_utama",
        "PEMULA": "pemula",
        "TERAMPIL": "terampil",
        "MAHIR": "mahir",
        "PENYELIA": "penyelia",
    },
)
DISCIPLINE = Choices(
    "TIDAK ADA, DALAM PEMERIKSAAN, MENJALANI HUKUMAN",
    {
        "TIDAK ADA": "none",
        "TIDAK": "none",
        "DALAM PEMERIKSAAN": "in_process",
        "PEMERIKSAAN": "in_process",
        "MENJALANI HUKUMAN": "serving",
        "SEDANG MENJALANI HUKUMAN": "serving",
        "HUKUMAN": "serving",
    },
)
RATINGS = Choices(
    "SANGAT BAIK, BAIK, BUTUH PERBAIKAN, KURANG, SANGAT KURANG",
    {
        "SANGAT BAIK": "sangat_baik",
        "BAIK": "baik",
        "BUTUH PERBAIKAN": "butuh_perbaikan",
        "KURANG": "kurang",
        "MISCONDUCT": "kurang",
        "KURANG MISCONDUCT": "kurang",
        "SANGAT KURANG": "sangat_kurang",
    },
)
YES_NO = Choices(
    "Y, N (also YA, TIDAK, 1, 0)",
    {
        "Y": "1",
        "YA": "1",
        "YES": "1",
        "1": "1",
        "TRUE": "1",
        "N": "0",
        "T": "0",
        "TIDAK": "0",
        "NO": "0",
        "0": "0",
        "FALSE": "0",
    },
)

_SEPARATORS = re.compile(r"[\s_\-/]+")


def normalise_header(text: str) -> str:
    """``" Kode unit-induk "`` -> ``"KODE_UNIT_INDUK"``."""
    return _SEPARATORS.sub("_", text.strip().lstrip("\ufeff")).strip("_").upper()


def normalise_word(text: str) -> str:
    """``"laki-laki"`` -> ``"LAKI LAKI"``: the form :class:`Choices` keys are written in."""
    return _SEPARATORS.sub(" ", text.strip()).strip().upper()
