"""Jobs (non-head positions) of the demo: functional families with their levels, pelaksana
titles, and the menus from which each kind of unit draws its staff.

A functional position is named after its family and level (``Guru Ahli Pertama``,
``Perawat Terampil``, ``Pranata Komputer Ahli Muda``); a pelaksana position carries its title
only (``Pengadministrasi Perkantoran``, ``Petugas Pelayanan``).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

# level family -> (levels, weights)
LEVEL_FAMILIES: dict[str, tuple[tuple[str, ...], tuple[float, ...]]] = {
    "A": (("ahli_pertama", "ahli_muda", "ahli_madya"), (0.45, 0.40, 0.15)),
    "AM": (("ahli_muda", "ahli_madya"), (0.6, 0.4)),
    "T": (("terampil", "mahir", "penyelia"), (0.5, 0.35, 0.15)),
    "AT": (("terampil", "mahir", "ahli_pertama", "ahli_muda"), (0.3, 0.2, 0.3, 0.2)),
    "P": (("pemula", "terampil", "mahir", "penyelia"), (0.15, 0.45, 0.3, 0.1)),
    "G": (("ahli_pertama", "ahli_muda", "ahli_madya"), (0.5, 0.3, 0.2)),
}
LEVEL_LABELS = {
    "ahli_pertama": "Ahli Pertama",
    "ahli_muda": "Ahli Muda",
    "ahli_madya": "Ahli Madya",
    "ahli_utama": "Ahli Utama",
    "pemula": "Pemula",
    "terampil": "Terampil",
    "mahir": "Mahir",
    "penyelia": "Penyelia",
}


@dataclass(frozen=True)
class Job:
    """A kind of non-head position: ``family`` empty means pelaksana."""

    title: str
    family: str
    profile: str  # education profile for titles (see names.py)
    weight: float = 1.0

    @property
    def kind(self) -> str:
        return "fungsional" if self.family else "pelaksana"

    def pick_level(self, rng: random.Random) -> str:
        if not self.family:
            return ""
        levels, weights = LEVEL_FAMILIES[self.family]
        return rng.choices(levels, weights=weights)[0]

    def position_name(self, level: str) -> str:
        return f"{self.title} {LEVEL_LABELS[level]}" if level else self.title


def job(title: str, family: str = "", profile: str = "basic", weight: float = 1.0) -> Job:
    return Job(title, family, profile, weight)


COUNTER_OFFICER = job("Petugas Pelayanan", weight=3)
FINANCE_OFFICER = job("Pengelola Keuangan", profile="finance", weight=2)
OFFICE_CLERK = job("Pengadministrasi Perkantoran", weight=2)
DATA_CLERK = job("Pengolah Data dan Informasi", profile="admin")
ADMIN_STAFF = job("Penata Layanan Operasional", profile="admin")
OPERATOR = job("Operator Layanan Operasional")
POLICY_ANALYST = job("Analis Kebijakan", "A", "admin")

MENUS: dict[str, tuple[Job, ...]] = {
    "umum": (
        OFFICE_CLERK,
        ADMIN_STAFF,
        OPERATOR,
        job("Analis SDM Aparatur", "A", "admin", 0.8),
        job("Arsiparis", "T", "admin", 0.5),
        job("Pranata Komputer", "AT", "it", 0.4),
        job("Pengemudi", weight=0.5),
    ),
    "keuangan": (
        FINANCE_OFFICER,
        job("Penata Laporan Keuangan", profile="finance", weight=1.5),
        job("Bendahara", profile="finance"),
        job("Perencana", "A", "admin", 0.7),
        job("Analis Keuangan Pusat dan Daerah", "A", "finance", 0.7),
    ),
    "teknis": (DATA_CLERK, ADMIN_STAFF, OFFICE_CLERK),
    "sd": (
        job("Guru", "G", "teacher", 10),
        OPERATOR,
        job("Pengadministrasi Perkantoran", weight=0.5),
    ),
    "smp": (
        job("Guru", "G", "teacher", 14),
        job("Pustakawan", "T", "admin", 0.4),
        job("Pranata Laboratorium Pendidikan", "T", "teacher", 0.4),
        OFFICE_CLERK,
        OPERATOR,
    ),
    "puskesmas": (
        job("Dokter", "A", "doctor", 3),
        job("Dokter Gigi", "A", "dentist", 1),
        job("Perawat", "AT", "nurse", 12),
        job("Bidan", "AT", "midwife", 10),
        job("Apoteker", "A", "pharmacist", 1),
        job("Asisten Apoteker", "T", "health", 1.5),
        job("Pranata Laboratorium Kesehatan", "AT", "health", 1.5),
        job("Nutrisionis", "AT", "health", 1),
        job("Sanitarian", "AT", "health", 1),
        job("Penyuluh Kesehatan Masyarakat", "A", "health", 1),
        job("Epidemiolog Kesehatan", "A", "health", 0.5),
        job("Perekam Medis", "T", "health", 1),
        job("Pengadministrasi Perkantoran", weight=1.5),
        FINANCE_OFFICER,
        job("Petugas Pelayanan", weight=1.5),
        job("Pengemudi Ambulans", weight=0.5),
    ),
    "rsud_medis": (
        job("Dokter", "A", "doctor", 4),
        job("Dokter Spesialis", "AM", "doctor", 2),
        job("Perawat", "AT", "nurse", 10),
        job("Bidan", "AT", "midwife", 3),
        job("Fisioterapis", "AT", "health", 0.5),
        job("Perekam Medis", "T", "health", 1.5),
        job("Petugas Pelayanan", weight=1),
    ),
    "rsud_keperawatan": (
        job("Perawat", "AT", "nurse", 12),
        job("Bidan", "AT", "midwife", 4),
    ),
    "rsud_penunjang": (
        job("Pranata Laboratorium Kesehatan", "AT", "health", 3),
        job("Radiografer", "T", "health", 2),
        job("Apoteker", "A", "pharmacist", 1),
        job("Asisten Apoteker", "T", "health", 3),
        job("Perekam Medis", "T", "health", 2),
        job("Teknisi Elektromedis", "T", "engineer", 1),
        job("Nutrisionis", "AT", "health", 1),
        job("Sanitarian", "AT", "health", 1),
    ),
    "damkar": (
        job("Pemadam Kebakaran", "P", "basic", 10),
        job("Analis Kebakaran", "A", "engineer", 0.3),
        job("Operator Mobil Pemadam Kebakaran", weight=1.5),
    ),
    "satpol": (
        job("Polisi Pamong Praja", "AT", "law", 10),
        OFFICE_CLERK,
    ),
    "loket": (COUNTER_OFFICER,),
    "dukcapil": (
        job("Administrator Database Kependudukan", "A", "it", 2),
        job("Pengolah Data Kependudukan", weight=2),
        COUNTER_OFFICER,
    ),
    "mpp": (COUNTER_OFFICER, job("Penata Perizinan", profile="admin"), OPERATOR),
    "paten": (COUNTER_OFFICER, OFFICE_CLERK),
    "kelurahan": (OFFICE_CLERK, COUNTER_OFFICER, ADMIN_STAFF),
    "kecamatan": (
        ADMIN_STAFF,
        OFFICE_CLERK,
        DATA_CLERK,
        job("Penggerak Swadaya Masyarakat", "A", "admin", 0.5),
        job("Analis Kebijakan", "A", "admin", 0.3),
    ),
}


def pick_job(rng: random.Random, menu: Sequence[Job]) -> Job:
    return rng.choices(menu, weights=[job.weight for job in menu])[0]
