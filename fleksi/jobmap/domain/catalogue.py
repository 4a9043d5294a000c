"""Duties for the demo (uraian tugas in the style of an Anjab), by kind of position.

Each profile lists duties with a weight (their shares add up to 100) and the answers to the
five Pasal 23 criteria, in order: outside the office, no special room/equipment, ICT,
little face-to-face contact, no continuous supervision ("y"/"n"). Reasons are short and
follow the answer. Counter officers, teachers, health and field staff come out mostly
on site; analysts, planners and office administrators mostly WFA-capable.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

D = tuple[str, str, int, str]  # description, output, weight, answers

PROFILES: dict[str, tuple[str, tuple[D, ...]]] = {
    # profile: (place where the on-site work happens, duties)
    "counter": (
        "loket pelayanan",
        (
            ("Melayani permohonan dokumen pemohon di loket", "Permohonan terlayani", 45, "nnnnn"),
            (
                "Memeriksa kelengkapan berkas persyaratan pemohon",
                "Berkas terverifikasi",
                25,
                "nyyny",
            ),
            (
                "Memberikan informasi layanan kepada pengunjung",
                "Informasi tersampaikan",
                15,
                "nnnnn",
            ),
            (
                "Menginput data permohonan ke aplikasi layanan",
                "Data permohonan terinput",
                15,
                "yyyyy",
            ),
        ),
    ),
    "teacher": (
        "ruang kelas",
        (
            (
                "Melaksanakan pembelajaran tatap muka di kelas",
                "Jam pelajaran terlaksana",
                60,
                "nnnnn",
            ),
            ("Menyusun modul ajar dan rencana pembelajaran", "Modul ajar", 10, "yyyyy"),
            (
                "Menilai hasil belajar dan mengolah nilai rapor",
                "Daftar nilai dan rapor",
                10,
                "yyyyy",
            ),
            ("Membimbing kegiatan ekstrakurikuler siswa", "Kegiatan terlaksana", 20, "nnnnn"),
        ),
    ),
    "health": (
        "fasilitas kesehatan",
        (
            ("Melakukan pemeriksaan dan asuhan kepada pasien", "Pasien terlayani", 50, "nnnnn"),
            ("Melakukan tindakan sesuai standar pelayanan", "Tindakan terlaksana", 25, "nnnny"),
            (
                "Mendokumentasikan pelayanan dalam rekam medis elektronik",
                "Rekam medis",
                15,
                "nyyyy",
            ),
            ("Menyusun laporan bulanan pelayanan kesehatan", "Laporan bulanan", 10, "yyyyy"),
        ),
    ),
    "field": (
        "lapangan",
        (
            (
                "Melaksanakan tugas operasional di lapangan",
                "Tugas operasional terlaksana",
                50,
                "nnnnn",
            ),
            ("Melakukan piket dan siaga di pos/markas", "Jadwal piket terpenuhi", 30, "nnnnn"),
            ("Merawat sarana dan peralatan operasional", "Peralatan siap pakai", 10, "nnnny"),
            ("Menyusun laporan kegiatan harian", "Laporan harian", 10, "yyyyy"),
        ),
    ),
    "library": (
        "perpustakaan/laboratorium",
        (
            ("Melayani pengguna perpustakaan atau laboratorium", "Pengguna terlayani", 50, "nnnnn"),
            ("Menata dan merawat koleksi atau alat", "Koleksi/alat tertata", 25, "nnnny"),
            (
                "Mengolah data katalog dan inventaris secara elektronik",
                "Katalog/inventaris",
                25,
                "yyyyy",
            ),
        ),
    ),
    "analyst": (
        "kantor",
        (
            ("Mengumpulkan dan mengolah data bidang tugas", "Data terolah", 30, "yyyyy"),
            ("Menyusun kajian dan rekomendasi kebijakan", "Dokumen kajian", 30, "yyyyy"),
            ("Menyusun laporan kinerja bulanan", "Laporan kinerja", 20, "yyyyy"),
            ("Mengikuti rapat koordinasi dan konsultasi", "Notula rapat", 20, "nyyny"),
        ),
    ),
    "finance": (
        "kantor",
        (
            (
                "Memverifikasi dokumen pertanggungjawaban keuangan",
                "Dokumen terverifikasi",
                30,
                "yyyyy",
            ),
            ("Menyusun laporan realisasi anggaran di SIPD", "Laporan realisasi", 30, "yyyyy"),
            ("Melakukan pembayaran dan penyetoran ke kas daerah", "Bukti setor/bayar", 20, "nnyny"),
            ("Mengarsipkan dokumen keuangan fisik", "Arsip keuangan", 20, "nnnyy"),
        ),
    ),
    "clerk": (
        "kantor",
        (
            (
                "Mengagendakan dan mendistribusikan surat melalui SRIKANDI",
                "Surat terdistribusi",
                30,
                "yyyyy",
            ),
            ("Mengolah data kepegawaian dan kegiatan unit", "Data terolah", 30, "yyyyy"),
            ("Menyusun bahan laporan bulanan unit", "Bahan laporan", 15, "yyyyy"),
            (
                "Menyiapkan keperluan rapat dan administrasi kantor",
                "Rapat terfasilitasi",
                25,
                "nnnny",
            ),
        ),
    ),
    "manager": (
        "kantor",
        (
            ("Merencanakan program dan kegiatan unit", "Rencana kerja", 25, "yyyyy"),
            (
                "Membagi tugas dan memberi arahan kepada bawahan melalui e-office",
                "Disposisi",
                25,
                "yyyyy",
            ),
            ("Memantau dan mengevaluasi kinerja bawahan", "Laporan evaluasi", 25, "yyyyy"),
            ("Memimpin rapat dan menerima tamu dinas", "Hasil rapat", 25, "nnnny"),
        ),
    ),
    "service_head": (
        "unit pelayanan",
        (
            ("Merencanakan program dan kegiatan unit pelayanan", "Rencana kerja", 25, "yyyyy"),
            ("Menyusun laporan kinerja unit pelayanan", "Laporan kinerja", 15, "yyyyy"),
            (
                "Mengawasi langsung pelayanan kepada masyarakat",
                "Pelayanan sesuai standar",
                40,
                "nnnnn",
            ),
            ("Menangani pengaduan dan tamu", "Pengaduan tertangani", 20, "nnnny"),
        ),
    ),
}

# First match wins; names are matched in lower case.
KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "service_head",
        ("kepala sekolah", "kepala puskesmas", "camat", "lurah", "direktur", "kepala upt"),
    ),
    ("teacher", ("guru",)),
    (
        "health",
        (
            "dokter",
            "perawat",
            "bidan",
            "apoteker",
            "laboratorium kesehatan",
            "radiografer",
            "fisioterapis",
            "nutrisionis",
            "sanitarian",
            "elektromedis",
            "perekam medis",
        ),
    ),
    ("field", ("pemadam", "polisi pamong praja", "pengemudi", "operator mobil", "kebersihan")),
    ("counter", ("petugas pelayanan", "petugas loket", "loket")),
    ("library", ("pustakawan", "laboratorium pendidikan")),
    ("finance", ("keuangan", "bendahara")),
    (
        "analyst",
        (
            "analis",
            "perencana",
            "pranata komputer",
            "administrator database",
            "penyuluh",
            "epidemiolog",
            "arsiparis",
            "penggerak swadaya",
        ),
    ),
    ("clerk", ("pengadministrasi", "pengolah data", "penata", "operator layanan")),
)

REASONS = {
    "outside_office": (
        "Dapat dikerjakan dari rumah dengan laptop dan akses aplikasi daring.",
        "Harus dilakukan di {place}.",
    ),
    "no_special_room": (
        "Cukup dengan laptop atau telepon genggam.",
        "Memerlukan ruang atau peralatan khusus di {place}.",
    ),
    "ict": (
        "Dapat dikerjakan dengan aplikasi (SRIKANDI, SIPD, surel, rapat daring).",
        "Tidak dapat digantikan dengan TIK.",
    ),
    "little_contact": (
        "Hampir tidak memerlukan tatap muka.",
        "Memerlukan tatap muka langsung dengan masyarakat atau rekan kerja.",
    ),
    "no_continuous_supervision": (
        "Hasil kerja dapat diperiksa dari keluaran yang dilaporkan.",
        "Memerlukan pengawasan atasan secara terus-menerus.",
    ),
}
CODES = tuple(REASONS)


@dataclass(frozen=True)
class SeedDuty:
    description: str
    output: str
    time_share: Decimal
    answers: tuple[bool, ...]  # in the order of CODES
    reasons: tuple[str, ...]


_PATTERNS = tuple(
    (profile, re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b"))
    for profile, words in KEYWORDS
)


@lru_cache(maxsize=4096)
def profile_for(name: str, kind: str, is_head: bool) -> str:
    """The profile of a position: by words of its name (whole words), else by its kind."""
    lowered = name.lower()
    # A head is named after the unit ("Kepala Bidang Guru…", "Kepala Dinas Pemadam…"): only
    # the heads of service units get a profile of their own.
    managerial = is_head or kind in ("jpt_pratama", "administrator", "pengawas")
    for profile, pattern in _PATTERNS:
        if managerial and profile != "service_head":
            continue
        if pattern.search(lowered):
            return profile
    if managerial:
        return "manager"
    return "analyst" if kind == "fungsional" else "clerk"


def duties_for(name: str, kind: str, is_head: bool, rng: random.Random) -> list[SeedDuty]:
    """The duties of a position, with a little variation: sometimes five points of time move
    between two duties, and now and then one answer differs from the profile."""
    place, template = PROFILES[profile_for(name, kind, is_head)]
    weights = [w for _d, _o, w, _a in template]
    if len(weights) > 1 and rng.random() < 0.4:
        i, j = rng.sample(range(len(weights)), 2)
        if weights[i] > 5:
            weights[i] -= 5
            weights[j] += 5
    result = []
    for (description, output, _w, answers), weight in zip(template, weights, strict=True):
        flags = [a == "y" for a in answers]
        if rng.random() < 0.05:
            k = rng.randrange(len(flags))
            flags[k] = not flags[k]
        reasons = tuple(
            REASONS[code][0 if yes else 1].format(place=place)
            for code, yes in zip(CODES, flags, strict=True)
        )
        result.append(SeedDuty(description, output, Decimal(weight), tuple(flags), reasons))
    return result
