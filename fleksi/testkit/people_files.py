"""Registry export files for the people-import tests: rows as dicts, written as CSV or XLSX.

:func:`small_agency` is a valid file of one perangkat daerah (Dinas Kesehatan) with a
bidang, a puskesmas and five people; tests change single cells to make it invalid.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from fleksi.org.domain.nip import build_nip
from fleksi.org.domain.people_import import Col
from fleksi.testkit.spreadsheets import csv_bytes as csv_bytes
from fleksi.testkit.spreadsheets import xlsx_bytes as xlsx_bytes

HEADER = [c.value for c in Col]
Row = dict[str, Any]


def nip(birth: date, sex: str = "1", seq: int = 1, tmt: tuple[int, int] = (2010, 3)) -> str:
    return build_nip(birth_date=birth, tmt_year=tmt[0], tmt_month=tmt[1], sex=sex, sequence=seq)


def person(**cells: object) -> Row:
    """A valid person line (a PNS staff member of the bidang), with ``cells`` changed."""
    birth = date(1985, 3, 12)
    row: Row = {
        "NIP": nip(birth, "1", 1),
        "NAMA": "Ahmad Fauzi",
        "JENIS_ASN": "PNS",
        "JENIS_KELAMIN": "L",
        "TANGGAL_LAHIR": "1985-03-12",
        "KODE_UNIT": "DINKES.BID1",
        "NAMA_UNIT": "Bidang Pelayanan Kesehatan",
        "KODE_UNIT_INDUK": "DINKES",
        "JENIS_UNIT": "BIDANG",
        "LAYANAN_PUBLIK": "N",
        "KODE_KECAMATAN": "64.02.06",
        "KODE_JABATAN": "DINKES.BID1.PEL",
        "NAMA_JABATAN": "Pengadministrasi Umum",
        "JENIS_JABATAN": "PELAKSANA",
        "JENJANG": "",
        "KEPALA_UNIT": "N",
        "KODE_DESA_DOMISILI": "64.02.06.1001",
        "TMT_PENGANGKATAN": "01-03-2010",
        "TMT_PROMOSI": "",
        "TMT_MUTASI": "",
        "TMT_ROTASI": "",
        "STATUS_DISIPLIN": "TIDAK ADA",
        "DISIPLIN_MULAI": "",
        "DISIPLIN_SELESAI": "",
        "PREDIKAT_KINERJA": "BAIK",
        "TAHUN_PREDIKAT": "2025",
        "NIP_ATASAN": "",
        "EMAIL": "",
        "AKTIF": "Y",
    }
    row.update(cells)
    return row


DINKES = {
    "KODE_UNIT": "DINKES",
    "NAMA_UNIT": "Dinas Kesehatan",
    "KODE_UNIT_INDUK": "",
    "JENIS_UNIT": "OPD",
}
PUSKESMAS = {
    "KODE_UNIT": "DINKES.PKM1",
    "NAMA_UNIT": "Puskesmas Tenggarong",
    "KODE_UNIT_INDUK": "DINKES",
    "JENIS_UNIT": "PUSKESMAS",
    "LAYANAN_PUBLIK": "Y",
}


def small_agency() -> list[Row]:
    """Head of the dinas, head of the bidang, two staff of the bidang, one PPPK nurse."""
    return [
        person(
            NIP=nip(date(1970, 1, 5), "2", 2, (1995, 3)),
            NAMA="dr. Martina Yulianti",
            JENIS_KELAMIN="P",
            TANGGAL_LAHIR="05/01/1970",
            KODE_JABATAN="DINKES.KADIS",
            NAMA_JABATAN="Kepala Dinas Kesehatan",
            JENIS_JABATAN="JPT PRATAMA",
            KEPALA_UNIT="Y",
            TMT_PENGANGKATAN="1995-03-01",
            **DINKES,
        ),
        person(
            NIP=nip(date(1975, 6, 1), "1", 3, (2000, 1)),
            NAMA="Budi Santoso",
            TANGGAL_LAHIR="1975-06-01",
            KODE_JABATAN="DINKES.BID1.KABID",
            NAMA_JABATAN="Kepala Bidang Pelayanan Kesehatan",
            JENIS_JABATAN="ADMINISTRATOR",
            KEPALA_UNIT="YA",
            TMT_PENGANGKATAN="2000-01-01",
            TMT_PROMOSI="2019-07-01",
        ),
        person(),
        person(
            NIP=nip(date(1990, 4, 4), "2", 4, (2015, 3)),
            NAMA="Rina Kartika",
            JENIS_KELAMIN="2",
            TANGGAL_LAHIR="1990-04-04",
            KODE_JABATAN="DINKES.BID1.ANALIS",
            NAMA_JABATAN="Analis Kebijakan",
            JENIS_JABATAN="FUNGSIONAL",
            JENJANG="AHLI MUDA",
            TMT_PENGANGKATAN="2015-03-01",
            EMAIL="rina@example.org",
        ),
        person(
            NIP="198808082021212001",
            NAMA="Siti Aminah",
            JENIS_ASN="PPPK",
            JENIS_KELAMIN="P",
            TANGGAL_LAHIR="1988-08-08",
            KODE_JABATAN="DINKES.PKM1.PERAWAT",
            NAMA_JABATAN="Perawat",
            JENIS_JABATAN="FUNGSIONAL",
            JENJANG="TERAMPIL",
            TMT_PENGANGKATAN="2021-12-01",
            KODE_DESA_DOMISILI="64.02.12.2001",
            **PUSKESMAS,
        ),
    ]


def table(rows: Iterable[Mapping[str, Any]], header: list[str] | None = None) -> list[list[Any]]:
    """Header line, then one line per row (cells in header order, '' when missing)."""
    columns = header or HEADER
    return [list(columns), *([row.get(c, "") for c in columns] for row in rows)]


def row_of(employee: object) -> Row:
    """The line a registry export would have for an employee already in Fleksi."""
    from fleksi.org.models import Employee

    assert isinstance(employee, Employee)
    unit, position = employee.unit, employee.position
    return {
        "NIP": employee.nip,
        "NAMA": employee.name,
        "JENIS_ASN": {"pns": "PNS", "cpns": "CPNS", "pppk": "PPPK", "pppk_pw": "PPPK PW"}[
            employee.asn_type
        ],
        "JENIS_KELAMIN": "L" if employee.sex == "1" else "P",
        "TANGGAL_LAHIR": employee.birth_date.isoformat(),
        "KODE_UNIT": unit.code,
        "NAMA_UNIT": unit.name,
        "KODE_UNIT_INDUK": unit.parent.code if unit.parent else "",
        "JENIS_UNIT": "LAINNYA" if unit.kind == "other" else unit.kind.upper(),
        "LAYANAN_PUBLIK": "Y" if unit.is_public_service else "N",
        "KODE_KECAMATAN": unit.kecamatan.code if unit.kecamatan else "",
        "KODE_JABATAN": position.code,
        "NAMA_JABATAN": position.name,
        "JENIS_JABATAN": position.kind.replace("_", " ").upper(),
        "JENJANG": position.level.replace("_", " ").upper(),
        "KEPALA_UNIT": "Y" if position.is_head else "N",
        "KODE_DESA_DOMISILI": employee.domicile.code if employee.domicile else "",
        "TMT_PENGANGKATAN": employee.tmt_appointment.isoformat(),
        "STATUS_DISIPLIN": "",
        "EMAIL": employee.email,
        "AKTIF": "Y" if employee.is_active else "N",
    }


def private_storage_in(settings: object, path: object) -> None:
    """Point the private default storage of a test at ``path`` (use from a fixture)."""
    storages = dict(settings.STORAGES)  # type: ignore[attr-defined]
    storages["default"] = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(path)},
    }
    settings.STORAGES = storages  # type: ignore[attr-defined]
