"""Benchmark: import a Kukar-size registry export (20,000 rows, 59 perangkat daerah with
sub-units) from CSV, then import the same file again (which must change nothing).

Figures: ``import_20k_rows_s`` (read + validate + write + supervisors + audit) and
``import_20k_rows_reimport_s``. The issue's limit is 60 s on SQLite.
"""

from __future__ import annotations

import csv
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from bench.support import figure, setup_django

if TYPE_CHECKING:
    from fleksi.org.importing.service import ImportResult

ROWS = 20_000
KINDS = ["OPD"] * 33 + ["KECAMATAN"] * 20 + ["RSUD"] * 3 + ["LAINNYA"] * 3
# Education, health and the fire service are the largest; the rest share what is left.
BIG = {1: (8_000, "SEKOLAH", 120), 2: (3_000, "PUSKESMAS", 32), 3: (600, "UPT", 6)}
LEVELS = ["AHLI PERTAMA", "AHLI MUDA", "AHLI MADYA", "TERAMPIL", "MAHIR"]
HEADER = [
    "NIP", "NAMA", "JENIS_ASN", "JENIS_KELAMIN", "TANGGAL_LAHIR", "KODE_UNIT", "NAMA_UNIT",
    "KODE_UNIT_INDUK", "JENIS_UNIT", "LAYANAN_PUBLIK", "KODE_KECAMATAN", "KODE_JABATAN",
    "NAMA_JABATAN", "JENIS_JABATAN", "JENJANG", "KEPALA_UNIT", "KODE_DESA_DOMISILI",
    "TMT_PENGANGKATAN", "TMT_PROMOSI", "TMT_MUTASI", "TMT_ROTASI", "STATUS_DISIPLIN",
    "DISIPLIN_MULAI", "DISIPLIN_SELESAI", "PREDIKAT_KINERJA", "TAHUN_PREDIKAT", "NIP_ATASAN",
    "EMAIL", "AKTIF",
]  # fmt: skip
FIRST = ["Ahmad", "Siti", "Budi", "Rina", "Agus", "Dewi", "Hendra", "Nur", "Yusuf", "Sri"]
RATINGS = ["BAIK", "SANGAT BAIK", "BUTUH PERBAIKAN"]
Row = dict[str, str]
LAST = ["Santoso", "Wulandari", "Hidayat", "Kartika", "Pratama", "Lestari", "Saputra", "Rahman"]


def places() -> list[str]:
    """20 kecamatan of Kukar with 12 desa each; returns the desa codes."""
    from fleksi.places.models import Desa, Kecamatan

    kecamatan = Kecamatan.objects.bulk_create(
        Kecamatan(code=f"64.02.{k:02d}", name=f"Kecamatan {k}") for k in range(1, 21)
    )
    desa = Desa.objects.bulk_create(
        Desa(code=f"{kc.code}.{2000 + d}", name=f"Desa {kc.code}.{d}", kecamatan=kc)
        for kc in kecamatan
        for d in range(1, 13)
    )
    return [d.code for d in desa]


class Builder:
    """Units and positions of one perangkat daerah, and the people in them."""

    def __init__(self, rng: random.Random, desa: list[str]) -> None:
        self.rng, self.desa, self.seq = rng, desa, 0
        self.rows: list[Row] = []

    def person(self, unit: Row, position: Row) -> None:
        from fleksi.org.domain.nip import build_nip

        rng = self.rng
        self.seq += 1
        birth = date(1966, 1, 1) + timedelta(days=rng.randrange(0, 365 * 36))
        sex = rng.choice("12")
        start = date(birth.year + rng.randrange(22, 30), rng.randrange(1, 13), 1)
        kind = rng.choices(["PNS", "PPPK", "CPNS", "PPPK PARUH WAKTU"], [60, 35, 3, 2])[0]
        if kind in ("PNS", "CPNS"):
            number = build_nip(
                birth_date=birth,
                tmt_year=start.year,
                tmt_month=start.month,
                sex=sex,
                sequence=self.seq % 1000,
            )
        else:
            number = f"{birth:%Y%m%d}{start.year}{sex}{self.seq:05d}"
        rated = rng.random() < 0.8
        moved = rng.random() < 0.3
        row = {**unit, **position}
        row.update(
            NIP=number,
            NAMA=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            JENIS_ASN=kind,
            JENIS_KELAMIN="L" if sex == "1" else "P",
            TANGGAL_LAHIR=birth.strftime("%d-%m-%Y"),
            KODE_DESA_DOMISILI=rng.choice(self.desa),
            TMT_PENGANGKATAN=start.isoformat(),
            TMT_MUTASI=f"{start + timedelta(days=rng.randrange(400, 4000))}" if moved else "",
            STATUS_DISIPLIN="TIDAK ADA",
            PREDIKAT_KINERJA=rng.choice(RATINGS) if rated else "",
            TAHUN_PREDIKAT="2025" if rated else "",
            AKTIF="Y",
        )
        self.rows.append(row)

    @staticmethod
    def unit(code: str, name: str, kind: str, parent: str, kec: str, public: bool) -> Row:
        return {
            "KODE_UNIT": code,
            "NAMA_UNIT": name,
            "KODE_UNIT_INDUK": parent,
            "JENIS_UNIT": kind,
            "LAYANAN_PUBLIK": "Y" if public else "N",
            "KODE_KECAMATAN": kec,
        }

    @staticmethod
    def position(code: str, name: str, kind: str, level: str = "", head: bool = False) -> Row:
        return {
            "KODE_JABATAN": code,
            "NAMA_JABATAN": name,
            "JENIS_JABATAN": kind,
            "JENJANG": level,
            "KEPALA_UNIT": "Y" if head else "N",
        }

    def head(self, unit: Row, kind: str, title: str) -> None:
        code, name = unit["KODE_UNIT"], unit["NAMA_UNIT"]
        self.person(unit, self.position(f"{code}.KEPALA", f"{title} {name}", kind, head=True))

    def staff(self, unit: Row, count: int) -> None:
        code = unit["KODE_UNIT"]
        pelaksana = self.position(f"{code}.PEL", "Pengadministrasi Umum", "PELAKSANA")
        for i in range(count):
            level = LEVELS[i % len(LEVELS)]
            tag = level.replace(" ", "_")
            jf = self.position(f"{code}.JF.{tag}", f"JF {level.title()}", "FUNGSIONAL", level)
            self.person(unit, jf if i % 3 else pelaksana)

    def perangkat_daerah(self, n: int, kind: str, size: int) -> None:
        start = self.seq
        code, kec, camat = f"PD{n:02d}", f"64.02.{(n % 20) + 1:02d}", kind == "KECAMATAN"
        pd = self.unit(code, f"Perangkat Daerah {n}", kind, "", kec, kind == "RSUD")
        self.head(pd, "ADMINISTRATOR" if camat else "JPT PRATAMA", "Kepala")
        sek = self.unit(f"{code}.SEK", f"Sekretariat PD {n}", "SEKRETARIAT", code, kec, False)
        self.head(sek, "PENGAWAS" if camat else "ADMINISTRATOR", "Sekretaris")
        leaves = [sek]
        sub_kind = "SEKSI" if camat else "BIDANG"
        for b in range(1, 4):
            name = f"{sub_kind.title()} {b} PD {n}"
            sub = self.unit(f"{code}.B{b}", name, sub_kind, code, kec, camat)
            self.head(sub, "PENGAWAS" if camat else "ADMINISTRATOR", "Kepala")
            leaves.append(sub)
        _size, big_kind, big_count = BIG.get(n, (0, "", 0))
        for u in range(1, big_count + 1):
            name, where = f"{big_kind.title()} {u} PD {n}", f"64.02.{(u % 20) + 1:02d}"
            upt = self.unit(f"{code}.U{u:03d}", name, big_kind, code, where, True)
            self.head(upt, "PENGAWAS", "Kepala")
            leaves.append(upt)
        remaining = size - (self.seq - start)
        for i, leaf in enumerate(leaves):
            self.staff(leaf, remaining // len(leaves) + (1 if i < remaining % len(leaves) else 0))

    def build(self) -> list[Row]:
        big_total = sum(size for size, _k, _c in BIG.values())
        others = len(KINDS) - len(BIG)
        rest, extra = divmod(ROWS - big_total, others)
        for n, kind in enumerate(KINDS, start=1):
            size = BIG[n][0] if n in BIG else rest + (1 if n - len(BIG) <= extra else 0)
            self.perangkat_daerah(n, kind, size)
        return self.rows


def write_csv(rows: list[Row], path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8-sig") as out:
        writer = csv.DictWriter(out, fieldnames=HEADER, delimiter=";")
        writer.writeheader()
        writer.writerows(rows)


def timed_import(path: Path) -> tuple[float, ImportResult]:
    from fleksi.common.importing.reader import read_table
    from fleksi.org.importing.service import people_import

    started = time.perf_counter()
    with path.open("rb") as handle:
        table = read_table(handle, name=path.name)
    result = people_import(actor=None, rows=table.rows, dry_run=False, accept_partial=False)
    return time.perf_counter() - started, result


def main() -> None:
    setup_django("import")
    from fleksi.org.models import Employee, Position, Unit

    rows = Builder(random.Random(2026), places()).build()
    assert len(rows) == ROWS, len(rows)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "siasn-export.csv"
        write_csv(rows, path)
        print(f"# file: {len(rows)} rows, {path.stat().st_size / 1e6:.1f} MB", flush=True)
        seconds, first = timed_import(path)
        assert first.problems == [], first.problems[:5]
        assert first.employees_created == ROWS, first.summary()
        print(
            f"# {Unit.objects.count()} units, {Position.objects.count()} positions, "
            f"{Employee.objects.exclude(supervisor=None).count()} with a supervisor",
            flush=True,
        )
        figure("import_20k_rows_s", seconds, "s")
        seconds, again = timed_import(path)
        assert again.employees_unchanged == ROWS, again.summary()
        figure("import_20k_rows_reimport_s", seconds, "s")


if __name__ == "__main__":
    main()
