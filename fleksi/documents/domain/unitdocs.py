"""The documents of a WFA request and of a unit: the employee's printable application form
(PermenPANRB 4/2025 Pasal 30: reason, evidence, a work plan with measurable targets) and the
unit head's keputusan listing who works flexibly by location in a period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import groupby

from fleksi.common.domain.document import Document, Table, Text
from fleksi.documents.domain.words import MONTHS, day_words

SEAT = "Tenggarong"
BLANK = "…"
KINDS = {
    "regular": "WFA reguler",
    "official_duty": "Dinas luar (dengan surat tugas)",
    "special_circumstances": "Keadaan khusus",
}
STATUSES = {
    "pending": "menunggu persetujuan",
    "approved": "disetujui",
    "partly": "disetujui sebagian",
    "rejected": "ditolak",
    "returned": "dikembalikan untuk diperbaiki",
    "refused": "tidak memenuhi ketentuan",
    "cancelled": "dibatalkan",
}


def days_text(days: list[date]) -> str:
    """Dates grouped by month: "3, 4 dan 10 Maret 2027; 2 April 2027"."""
    parts = []
    for (year, month), group in groupby(sorted(days), key=lambda d: (d.year, d.month)):
        numbers = [str(d.day) for d in group]
        listed = (
            numbers[0] if len(numbers) == 1 else ", ".join(numbers[:-1]) + f" dan {numbers[-1]}"
        )
        parts.append(f"{listed} {MONTHS[month - 1]} {year}")
    return "; ".join(parts) or BLANK


@dataclass(frozen=True)
class PlanItem:
    description: str
    quantity: str
    unit_of_measure: str
    due: date


@dataclass(frozen=True)
class ApplicationFacts:
    name: str
    nip: str
    position: str
    unit: str
    kind: str
    location: str
    days: tuple[date, ...]
    reason: str
    evidence: str  # the evidence file's name, or ""
    duty_letter: str  # "Nomor … tanggal …" for dinas luar, or ""
    plan: tuple[PlanItem, ...]
    status: str
    submitted_on: date
    policy: str  # the version in force when submitted
    approver: str  # who approved it, or ""


def _row(label: str, value: str) -> Text:
    return Text(value or BLANK, label=f"{label}:", label_width=45.0, align="left", space_after=1)


def application_document(f: ApplicationFacts) -> Document:
    blocks: list[Text | Table] = [
        Text("FORMULIR PERMOHONAN", align="center", bold=True, size=12, space_after=0.5),
        Text(
            "PELAKSANAAN TUGAS KEDINASAN SECARA FLEKSIBEL BERDASARKAN LOKASI",
            align="center",
            bold=True,
            size=12,
            space_after=1,
        ),
        Text(
            "Dasar: Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi "
            f"Nomor 4 Tahun 2025 Pasal 30; {f.policy}",
            align="center",
            size=8,
            space_after=6,
        ),
        Text("A. PEMOHON", bold=True, align="left", keep_with_next=True),
        _row("Nama", f.name),
        _row("NIP", f.nip),
        _row("Jabatan", f.position),
        _row("Unit kerja", f.unit),
        Text("B. PERMOHONAN", bold=True, align="left", space_before=3, keep_with_next=True),
        _row("Jenis", KINDS.get(f.kind, f.kind)),
        _row("Lokasi", f.location),
        _row("Hari", days_text(list(f.days))),
        _row("Alasan", f.reason),
        _row("Bukti dukung", f.evidence or "tidak dilampirkan"),
    ]
    if f.kind == "official_duty":
        blocks.append(_row("Surat tugas", f.duty_letter))
    blocks.append(
        Text(
            "C. RENCANA OUTPUT (target yang terukur)",
            bold=True,
            align="left",
            space_before=3,
            keep_with_next=True,
        )
    )
    if f.plan:
        blocks.append(
            Table(
                header=("No.", "Rencana output", "Target", "Satuan", "Tenggat"),
                rows=tuple(
                    (str(i), p.description, p.quantity, p.unit_of_measure, day_words(p.due))
                    for i, p in enumerate(f.plan, start=1)
                ),
                widths=(0.07, 0.45, 0.12, 0.16, 0.20),
            )
        )
    else:
        blocks.append(Text("Tidak ada rencana output."))
    blocks += [
        Text("D. STATUS", bold=True, align="left", space_before=3, keep_with_next=True),
        _row("Diajukan", day_words(f.submitted_on)),
        _row("Keadaan", STATUSES.get(f.status, f.status)),
        Text(f"{SEAT}, {day_words(f.submitted_on)}", align="left", indent=95.0, space_before=6),
        Text("Pemohon,", align="left", indent=95.0, space_after=16),
        Text(f.name, align="left", indent=95.0, bold=True, space_after=0),
        Text(f"NIP {f.nip}", align="left", indent=95.0, space_after=6),
        Text("Menyetujui,", align="left", space_after=0),
        Text("Pimpinan Unit Organisasi,", align="left", space_after=16),
        Text(f.approver or "………………………………", align="left", bold=bool(f.approver)),
    ]
    return Document(
        title=f"Formulir permohonan tugas kedinasan secara fleksibel — {f.name}",
        blocks=tuple(blocks),
        footer="Formulir permohonan tugas kedinasan secara fleksibel",
    )


@dataclass(frozen=True)
class KeputusanRow:
    name: str
    nip: str
    position: str
    unit: str
    days: tuple[date, ...]
    locations: str


@dataclass(frozen=True)
class KeputusanFacts:
    unit: str  # the unit's name
    head_title: str  # "KEPALA DINAS …" / "CAMAT …"
    start: date
    end: date
    policy: str  # the Perbup in force ("Peraturan Bupati … Nomor … Tahun … tentang …")
    rows: tuple[KeputusanRow, ...]
    on: date  # the day it is made


def keputusan_document(f: KeputusanFacts) -> Document:
    period = f"{day_words(f.start)} sampai dengan {day_words(f.end)}"
    about = (
        "PEGAWAI ASN YANG MELAKSANAKAN TUGAS KEDINASAN SECARA FLEKSIBEL BERDASARKAN LOKASI "
        f"PERIODE {period.upper()}"
    )
    blocks: list[Text | Table] = [
        Text(
            f"KEPUTUSAN {f.head_title.upper()}", align="center", bold=True, size=12, space_after=0.5
        ),
        Text(f"NOMOR {BLANK}", align="center", bold=True, space_after=0.5),
        Text("TENTANG", align="center", bold=True, space_after=0.5),
        Text(about, align="center", bold=True, space_after=5),
        Text(f"{f.head_title.upper()},", align="center", bold=True, space_after=4),
        Text("Menimbang:", bold=True, align="left", keep_with_next=True),
        Text(
            "bahwa pengajuan Pegawai ASN untuk melaksanakan tugas kedinasan secara fleksibel "
            f"berdasarkan lokasi pada periode {period} telah disetujui sesuai {f.policy};",
            label="a.",
            label_width=8.0,
            indent=6.0,
        ),
        Text(
            "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu "
            "menetapkan Keputusan tentang Pegawai ASN yang melaksanakan tugas kedinasan secara "
            "fleksibel berdasarkan lokasi;",
            label="b.",
            label_width=8.0,
            indent=6.0,
        ),
        Text("Mengingat:", bold=True, align="left", space_before=2, keep_with_next=True),
        Text(
            "Peraturan Presiden Nomor 21 Tahun 2023 tentang Hari Kerja dan Jam Kerja Instansi "
            "Pemerintah dan Pegawai Aparatur Sipil Negara;",
            label="1.",
            label_width=8.0,
            indent=6.0,
        ),
        Text(
            "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 4 "
            "Tahun 2025 tentang Pelaksanaan Tugas Kedinasan Pegawai Aparatur Sipil Negara "
            "secara Fleksibel pada Instansi Pemerintah;",
            label="2.",
            label_width=8.0,
            indent=6.0,
        ),
        Text(f"{f.policy};", label="3.", label_width=8.0, indent=6.0),
        Text("MEMUTUSKAN:", align="center", bold=True, space_before=3),
        Text(f"Menetapkan: KEPUTUSAN {f.head_title.upper()} TENTANG {about}.", bold=True),
        Text(
            "Pegawai ASN sebagaimana tercantum dalam Lampiran Keputusan ini melaksanakan tugas "
            "kedinasan secara fleksibel berdasarkan lokasi pada hari yang tercantum di "
            "dalamnya.",
            label="KESATU:",
            label_width=24.0,
        ),
        Text(
            "Pegawai ASN sebagaimana dimaksud dalam Diktum KESATU melaksanakan rencana output "
            "yang disetujui, melaporkan output kerjanya, dan tetap dapat dihubungi pada jam "
            "kerja.",
            label="KEDUA:",
            label_width=24.0,
        ),
        Text(
            "Keputusan ini mulai berlaku pada tanggal ditetapkan.",
            label="KETIGA:",
            label_width=24.0,
        ),
        Text(f"Ditetapkan di {SEAT}", align="left", indent=85.0, space_before=6, space_after=0),
        Text(f"pada tanggal {day_words(f.on)}", align="left", indent=85.0, space_after=4),
        Text(f"{f.head_title.upper()},", align="left", indent=85.0, bold=True, space_after=18),
        Text("………………………………", align="left", indent=85.0),
        Text("LAMPIRAN", align="left", bold=True, space_before=8, keep_with_next=True),
        Text(
            f"Keputusan {f.head_title} tentang Pegawai ASN yang melaksanakan tugas kedinasan "
            f"secara fleksibel berdasarkan lokasi periode {period}",
            align="left",
            size=9,
            space_after=3,
        ),
    ]
    if f.rows:
        blocks.append(
            Table(
                header=("No.", "Nama / NIP", "Jabatan / unit kerja", "Hari", "Lokasi"),
                rows=tuple(
                    (
                        str(i),
                        f"{r.name}\nNIP {r.nip}",
                        f"{r.position}\n{r.unit}",
                        days_text(list(r.days)),
                        r.locations,
                    )
                    for i, r in enumerate(f.rows, start=1)
                ),
                widths=(0.06, 0.26, 0.28, 0.22, 0.18),
                size=8.5,
            )
        )
    else:
        blocks.append(Text("Tidak ada pegawai yang disetujui pada periode ini."))
    return Document(
        title=f"Keputusan {f.head_title} — {period}",
        blocks=tuple(blocks),
        footer=f"Keputusan {f.head_title} · {period}",
    )
