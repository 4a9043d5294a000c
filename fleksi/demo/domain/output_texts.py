"""Texts of the demo's SKPs, outputs and verifications (Bahasa Indonesia, as people write
them). Pure data, used by ``fleksi.demo.services.outputs``."""

from __future__ import annotations

# Planned results (RHK) by kind of position, each with indicators (text, quantity, unit).
RHK: dict[str, tuple[tuple[str, tuple[tuple[str, int, str], ...]], ...]] = {
    "top": (
        (
            "Terwujudnya tata kelola pemerintahan daerah yang akuntabel",
            (("Nilai SAKIP Pemerintah Kabupaten", 1, "nilai"),),
        ),
        (
            "Meningkatnya kualitas pelayanan publik perangkat daerah",
            (("Perangkat daerah dengan IKM minimal baik", 59, "perangkat daerah"),),
        ),
    ),
    "jpt_pratama": (
        (
            "Meningkatnya kualitas perencanaan dan penganggaran perangkat daerah",
            (("Dokumen perencanaan tepat waktu", 4, "dokumen"),),
        ),
        (
            "Meningkatnya kinerja pelayanan perangkat daerah",
            (
                ("Standar pelayanan yang dievaluasi", 6, "standar"),
                ("Laporan kinerja triwulanan", 4, "laporan"),
            ),
        ),
    ),
    "administrator": (
        (
            "Tersusunnya dokumen program dan kegiatan bidang sesuai jadwal",
            (("Dokumen program bidang", 6, "dokumen"),),
        ),
        (
            "Terlaksananya pemantauan dan evaluasi kegiatan bidang",
            (("Laporan monitoring dan evaluasi", 12, "laporan"),),
        ),
    ),
    "pengawas": (
        (
            "Tersedianya data dan laporan seksi yang akurat",
            (("Laporan bulanan seksi", 12, "laporan"),),
        ),
        (
            "Terlaksananya layanan administrasi seksi tepat waktu",
            (("Surat dan nota dinas terselesaikan", 120, "naskah"),),
        ),
    ),
    "staff": (
        (
            "Tersusunnya bahan dan data pendukung kegiatan",
            (("Bahan paparan dan telaahan", 24, "dokumen"), ("Tabel data terkini", 12, "tabel")),
        ),
        (
            "Terselesaikannya administrasi dan korespondensi unit",
            (("Naskah dinas terkonsep", 150, "naskah"),),
        ),
        ("Terdokumentasinya kegiatan dan rapat unit", (("Notulen rapat", 24, "notulen"),)),
    ),
}

# Outputs an employee plans for an on-site day: (description, quantity, unit).
ONSITE_OUTPUTS = (
    ("Rapat koordinasi dan notulen", 1, "notulen"),
    ("Konsep nota dinas", 2, "naskah"),
    ("Pemutakhiran tabel data", 1, "tabel"),
    ("Pengarsipan surat masuk", 20, "surat"),
    ("Bahan paparan pimpinan", 1, "dokumen"),
    ("Verifikasi berkas usulan", 10, "berkas"),
)
REPORT_TEXTS = (
    "Selesai dan diunggah ke folder bersama; dikirim ke atasan melalui e-office.",
    "Sudah dikonsep, diparaf, dan diteruskan lewat SRIKANDI.",
    "Selesai sesuai target; catatan perbaikan dari rapat sudah dimasukkan.",
    "Sebagian selesai, sisanya menunggu data dari bidang lain.",
    "Dikerjakan dari rumah; hasil dikirim lewat surel dinas dan e-office.",
)
RETURN_COMMENTS = (
    "Mohon lampirkan daftar hadir rapatnya.",
    "Tabel belum memuat data triwulan terakhir, mohon dilengkapi.",
    "Tautan e-office tidak bisa dibuka, mohon unggah ulang buktinya.",
)
REJECT_COMMENTS = ("Output ini sudah dilaporkan pada hari sebelumnya.",)
DIALOGUE_NOTES = (
    "Dialog kinerja: target kajian bulan ini tercapai; minggu depan fokus pada rekap data "
    "kecamatan.",
    "Disepakati laporan WFA dikirim paling lambat sore hari yang sama, dengan tautan e-office.",
    "Perlu pendampingan penggunaan aplikasi pengolah data; akan diikutkan bimtek bulan depan.",
)
