"""The monitoring report for the Bupati (PPK) and KemenPANRB in the shape PermenPANRB 4/2025
Pasal 35 asks: monitoring and evaluation in tiers (the regency, then each perangkat daerah),
comparing before and after flexible work on performance, discipline and infrastructure
readiness (and the public service the Perbup protects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from fleksi.common.domain.document import Document, Table, Text
from fleksi.documents.domain.words import MONTHS, day_words

# Pasal 35's scope, and the indicators that measure it (keys of the evaluation's figures).
SCOPES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("A", "Kinerja pegawai", ("achievement_pct", "on_time_pct")),
    ("B", "Disiplin", ("attendance_pct",)),
    ("C", "Kesiapan infrastruktur", ("readiness_pct",)),
    ("D", "Mutu pelayanan publik", ("service_compliance_pct", "complaints_per_1000", "ikm")),
)
VERDICTS = {
    "better": "membaik",
    "worse": "memburuk",
    "same": "tetap",
    "unknown": "belum dapat dinilai",
    "": "—",
}


@dataclass(frozen=True)
class Comparison:
    key: str
    label: str
    before: str
    after: str
    verdict: str


@dataclass(frozen=True)
class UnitLine:
    name: str
    values: tuple[str, ...]  # WFA use, achievement, attendance, readiness


@dataclass(frozen=True)
class MonitoringFacts:
    month: date
    policy: str
    wfa_start: date | None
    headline: tuple[tuple[str, str], ...]
    comparisons: tuple[Comparison, ...]
    units: tuple[UnitLine, ...]
    concerns: tuple[tuple[str, str, str], ...]  # unit, reason, recommendation
    on: date


def month_words(month: date) -> str:
    return f"{MONTHS[month.month - 1]} {month.year}"


def monitoring_document(f: MonitoringFacts) -> Document:
    period = month_words(f.month)
    blocks: list[Text | Table] = [
        Text(
            "LAPORAN PEMANTAUAN DAN EVALUASI", align="center", bold=True, size=12, space_after=0.5
        ),
        Text(
            "PELAKSANAAN TUGAS KEDINASAN PEGAWAI ASN SECARA FLEKSIBEL",
            align="center",
            bold=True,
            size=12,
            space_after=0.5,
        ),
        Text("PEMERINTAH KABUPATEN KUTAI KARTANEGARA", align="center", bold=True, space_after=0.5),
        Text(f"PERIODE {period.upper()}", align="center", bold=True, space_after=5),
        Text(
            "Kepada Yth. Bupati Kutai Kartanegara selaku Pejabat Pembina Kepegawaian",
            align="left",
            space_after=0,
        ),
        Text(
            "Tembusan: Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
            align="left",
            space_after=4,
        ),
        Text("I. DASAR", bold=True, align="left", keep_with_next=True),
        Text(
            "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 4 "
            "Tahun 2025 Pasal 35: pemantauan dan evaluasi dilaksanakan secara berjenjang oleh "
            "pimpinan unit organisasi dan Pejabat Pembina Kepegawaian, dengan membandingkan "
            "kondisi sebelum dan sesudah pelaksanaan tugas kedinasan secara fleksibel, meliputi "
            "kinerja, disiplin, dan kesiapan infrastruktur.",
            label="1.",
            label_width=8.0,
        ),
        Text(f"{f.policy}.", label="2.", label_width=8.0),
        Text(
            "Tugas kedinasan secara fleksibel dilaksanakan sejak "
            f"{day_words(f.wfa_start) if f.wfa_start else '…'}; kondisi sebelumnya diukur dari "
            "bulan-bulan sebelum tanggal tersebut.",
            label="3.",
            label_width=8.0,
        ),
        Text("II. RINGKASAN", bold=True, align="left", space_before=3, keep_with_next=True),
        Table(
            header=("Indikator", "Nilai"),
            rows=tuple((label, value) for label, value in f.headline),
            widths=(0.7, 0.3),
        ),
        Text(
            "III. PERBANDINGAN SEBELUM DAN SESUDAH (tingkat Pemerintah Daerah)",
            bold=True,
            align="left",
            space_before=3,
            keep_with_next=True,
        ),
    ]
    by_key = {c.key: c for c in f.comparisons}
    for letter, title, keys in SCOPES:
        rows = tuple(
            (c.label, c.before, c.after, VERDICTS.get(c.verdict, c.verdict))
            for c in (by_key.get(k) for k in keys)
            if c is not None
        )
        blocks.append(Text(f"{letter}. {title}", bold=True, align="left", keep_with_next=True))
        if rows:
            blocks.append(
                Table(
                    header=("Indikator", "Sebelum", "Sesudah", "Keadaan"),
                    rows=rows,
                    widths=(0.46, 0.18, 0.18, 0.18),
                )
            )
        else:
            blocks.append(Text("Belum ada data."))
    blocks.append(
        Text(
            "IV. PEMANTAUAN PER PERANGKAT DAERAH",
            bold=True,
            align="left",
            space_before=3,
            keep_with_next=True,
        )
    )
    if f.units:
        blocks.append(
            Table(
                header=(
                    "Perangkat daerah",
                    "Penggunaan WFA",
                    "Capaian output",
                    "Kehadiran",
                    "Kesiapan",
                ),
                rows=tuple((u.name, *u.values) for u in f.units),
                widths=(0.36, 0.16, 0.16, 0.16, 0.16),
                size=8.0,
            )
        )
    else:
        blocks.append(Text("Belum ada data."))
    blocks.append(
        Text(
            "V. UNIT YANG PERLU PERHATIAN DAN REKOMENDASI",
            bold=True,
            align="left",
            space_before=3,
            keep_with_next=True,
        )
    )
    if not f.concerns:
        blocks.append(Text("Tidak ada unit yang melampaui batas pada periode ini."))
    for i, (unit, reason, action) in enumerate(f.concerns, start=1):
        blocks.append(
            Text(f"{unit}: {reason} Rekomendasi: {action}", label=f"{i}.", label_width=8.0)
        )
    blocks += [
        Text(
            f"Tenggarong, {day_words(f.on)}",
            align="left",
            indent=85.0,
            space_before=6,
            space_after=0,
        ),
        Text("a.n. BUPATI KUTAI KARTANEGARA", align="left", indent=85.0, bold=True, space_after=0),
        Text("SEKRETARIS DAERAH,", align="left", indent=85.0, bold=True, space_after=18),
        Text("………………………………", align="left", indent=85.0),
    ]
    return Document(
        title=f"Laporan pemantauan dan evaluasi WFA {period}",
        blocks=tuple(blocks),
        footer=f"Laporan pemantauan dan evaluasi WFA · {period}",
    )
