"""The remaining dinas of the 33 OPD: economy, environment, social and sector services."""

from __future__ import annotations

from fleksi.demo.domain.catalogue_opd import opd
from fleksi.demo.domain.jobs import POLICY_ANALYST, job
from fleksi.demo.domain.specs import PdSpec, bidang, upt


def _dinas(
    key: str,
    code: str,
    topic: str,
    bidang_names: tuple[str, ...],
    *,
    upts: tuple[tuple[str, bool], ...] = (),
    jobs: tuple[tuple[str, str, str, float], ...] = (),
    target: int,
    profile: str = "admin",
) -> PdSpec:
    """A ``Dinas <topic>`` with its bidang, UPT (name, public) and technical jobs."""
    return opd(
        key,
        code,
        f"Dinas {topic}",
        f"Kepala Dinas {topic}",
        (
            *(bidang(name) for name in bidang_names),
            *(upt(name, public=public) for name, public in upts),
        ),
        jobs=tuple(job(t, f, p, w) for t, f, p, w in jobs) or (POLICY_ANALYST,),
        target=target,
        profile=profile,
    )


DINAS_2: tuple[PdSpec, ...] = (
    _dinas(
        "disperkim",
        "DISPERKIM",
        "Perumahan dan Kawasan Permukiman",
        (
            "Bidang Perumahan",
            "Bidang Kawasan Permukiman",
            "Bidang Pertanahan",
            "Bidang Prasarana, Sarana dan Utilitas Umum",
        ),
        jobs=(
            ("Teknik Tata Bangunan dan Perumahan", "AT", "engineer", 2),
            ("Penata Ruang", "A", "engineer", 1),
        ),
        target=105,
        profile="engineer",
    ),
    _dinas(
        "dlh",
        "DLHK",
        "Lingkungan Hidup dan Kehutanan",
        (
            "Bidang Tata Lingkungan",
            "Bidang Pengelolaan Sampah dan Limbah Bahan Berbahaya dan Beracun",
            "Bidang Pengendalian Pencemaran dan Kerusakan Lingkungan",
            "Bidang Penaatan dan Peningkatan Kapasitas Lingkungan Hidup",
        ),
        upts=(("UPT Pengelolaan Sampah", True), ("UPT Laboratorium Lingkungan", False)),
        jobs=(
            ("Pengendali Dampak Lingkungan", "A", "engineer", 2),
            ("Pengawas Lingkungan Hidup", "A", "engineer", 1),
            ("Pengawas Kebersihan", "", "basic", 2),
        ),
        target=180,
        profile="engineer",
    ),
    _dinas(
        "dishub",
        "DISHUB",
        "Perhubungan",
        (
            "Bidang Lalu Lintas dan Angkutan Jalan",
            "Bidang Sarana dan Prasarana",
            "Bidang Perhubungan Sungai, Danau dan Penyeberangan",
        ),
        upts=(("UPT Pengujian Kendaraan Bermotor", True), ("UPT Terminal", True)),
        jobs=(
            ("Penguji Kendaraan Bermotor", "T", "engineer", 1),
            ("Petugas Perhubungan", "", "basic", 3),
        ),
        target=185,
        profile="engineer",
    ),
    _dinas(
        "dpmd",
        "DPMD",
        "Pemberdayaan Masyarakat dan Desa",
        (
            "Bidang Pemerintahan Desa",
            "Bidang Pemberdayaan Lembaga Kemasyarakatan dan Adat",
            "Bidang Ekonomi dan Teknologi Tepat Guna Desa",
        ),
        jobs=(
            ("Penggerak Swadaya Masyarakat", "A", "admin", 2),
            ("Analis Kebijakan", "A", "admin", 1),
        ),
        target=85,
    ),
    _dinas(
        "dppkb",
        "DPPKB",
        "Pengendalian Penduduk dan Keluarga Berencana",
        (
            "Bidang Pengendalian Penduduk",
            "Bidang Keluarga Berencana",
            "Bidang Ketahanan dan Kesejahteraan Keluarga",
        ),
        jobs=(
            ("Penyuluh Keluarga Berencana", "AT", "health", 4),
            ("Analis Kebijakan", "A", "admin", 1),
        ),
        target=220,
        profile="health",
    ),
    _dinas(
        "dp3a",
        "DP3A",
        "Pemberdayaan Perempuan dan Perlindungan Anak",
        ("Bidang Pemberdayaan Perempuan", "Bidang Perlindungan Anak"),
        upts=(("UPT Perlindungan Perempuan dan Anak", True),),
        jobs=(("Analis Kebijakan", "A", "admin", 1), ("Pekerja Sosial", "AT", "admin", 1)),
        target=68,
    ),
    _dinas(
        "disnakertrans",
        "DISNAKERTRANS",
        "Tenaga Kerja dan Transmigrasi",
        (
            "Bidang Penempatan dan Perluasan Kesempatan Kerja",
            "Bidang Hubungan Industrial",
            "Bidang Transmigrasi",
        ),
        upts=(("UPT Balai Latihan Kerja", True),),
        jobs=(
            ("Mediator Hubungan Industrial", "A", "law", 1),
            ("Pengantar Kerja", "AT", "admin", 1),
            ("Instruktur", "AT", "engineer", 1),
        ),
        target=88,
    ),
    _dinas(
        "diskopukm",
        "DISKOPUKM",
        "Koperasi dan Usaha Kecil dan Menengah",
        (
            "Bidang Kelembagaan dan Pengawasan Koperasi",
            "Bidang Pemberdayaan Usaha Kecil dan Menengah",
        ),
        jobs=(("Pengawas Koperasi", "A", "finance", 2), ("Analis Kebijakan", "A", "admin", 1)),
        target=62,
        profile="finance",
    ),
    _dinas(
        "disperindag",
        "DISPERINDAG",
        "Perindustrian dan Perdagangan",
        ("Bidang Perindustrian", "Bidang Perdagangan", "Bidang Metrologi Legal"),
        jobs=(
            ("Penera", "AT", "engineer", 1),
            ("Pengawas Perdagangan", "A", "admin", 1),
            ("Analis Perdagangan", "A", "finance", 1),
        ),
        target=100,
    ),
    _dinas(
        "dispora",
        "DISPORA",
        "Pemuda dan Olahraga",
        ("Bidang Kepemudaan", "Bidang Keolahragaan", "Bidang Sarana dan Prasarana Olahraga"),
        upts=(("UPT Pengelolaan Kawasan Stadion Aji Imbut", True),),
        target=75,
    ),
    _dinas(
        "dispar",
        "DISPAR",
        "Pariwisata",
        ("Bidang Destinasi Pariwisata", "Bidang Pemasaran Pariwisata", "Bidang Ekonomi Kreatif"),
        upts=(("UPT Pengelolaan Objek Wisata Pulau Kumala", True),),
        jobs=(("Adyatama Kepariwisataan dan Ekonomi Kreatif", "A", "admin", 2),),
        target=72,
    ),
    _dinas(
        "dispursip",
        "DISPURSIP",
        "Perpustakaan dan Kearsipan",
        (
            "Bidang Layanan Perpustakaan",
            "Bidang Pengembangan Koleksi dan Pelestarian",
            "Bidang Kearsipan",
        ),
        jobs=(("Pustakawan", "AT", "admin", 2), ("Arsiparis", "AT", "admin", 2)),
        target=85,
    ),
    _dinas(
        "disbun",
        "DISBUN",
        "Perkebunan",
        (
            "Bidang Produksi Perkebunan",
            "Bidang Perlindungan dan Pengolahan Hasil Perkebunan",
            "Bidang Penyuluhan dan Kelembagaan Pekebun",
        ),
        jobs=(
            ("Penyuluh Pertanian", "AT", "agri", 3),
            ("Pengawas Benih Tanaman", "AT", "agri", 1),
        ),
        target=120,
        profile="agri",
    ),
    _dinas(
        "distanak",
        "DISTANAK",
        "Pertanian dan Peternakan",
        (
            "Bidang Tanaman Pangan",
            "Bidang Hortikultura",
            "Bidang Peternakan dan Kesehatan Hewan",
            "Bidang Penyuluhan",
        ),
        upts=(
            ("UPT Balai Penyuluhan Pertanian Wilayah Hulu", False),
            ("UPT Balai Penyuluhan Pertanian Wilayah Tengah", False),
            ("UPT Balai Penyuluhan Pertanian Wilayah Pesisir", False),
            ("UPT Pusat Kesehatan Hewan", True),
        ),
        jobs=(
            ("Penyuluh Pertanian", "AT", "agri", 5),
            ("Medik Veteriner", "A", "vet", 1),
            ("Paramedik Veteriner", "T", "agri", 1),
            ("Pengendali Organisme Pengganggu Tumbuhan", "AT", "agri", 1),
        ),
        target=390,
        profile="agri",
    ),
    _dinas(
        "diskan",
        "DKP",
        "Kelautan dan Perikanan",
        (
            "Bidang Perikanan Tangkap",
            "Bidang Perikanan Budidaya",
            "Bidang Pengolahan dan Pemasaran Hasil Perikanan",
        ),
        upts=(("UPT Balai Benih Ikan", False),),
        jobs=(
            ("Penyuluh Perikanan", "AT", "fisheries", 3),
            ("Pengelola Produksi Perikanan Tangkap", "A", "fisheries", 1),
        ),
        target=135,
        profile="fisheries",
    ),
    _dinas(
        "dkp",
        "KETAPANG",
        "Ketahanan Pangan",
        (
            "Bidang Ketersediaan dan Distribusi Pangan",
            "Bidang Konsumsi dan Keamanan Pangan",
        ),
        jobs=(
            ("Analis Ketahanan Pangan", "A", "agri", 2),
            ("Pengawas Mutu Hasil Pertanian", "AT", "agri", 1),
        ),
        target=72,
        profile="agri",
    ),
)
