"""The dinas and satuan among the 33 OPD of the demo regency.

Schools (under the Disdikbud bidang for SD and SMP), puskesmas (under Dinkes) and fire posts
(under the operations bidang of the fire service) are added by
:mod:`fleksi.demo.domain.catalogue`, with their own sizes.
"""

from __future__ import annotations

from fleksi.demo.domain.catalogue_opd import opd
from fleksi.demo.domain.jobs import POLICY_ANALYST, job
from fleksi.demo.domain.specs import PdSpec, SubSpec, bidang, upt


def _b(name: str, key: str = "", *, public: bool = False, menu: str = "") -> SubSpec:
    return bidang(name, public=public, key=key, menu=menu)


DISDUKCAPIL = opd(
    "disdukcapil",
    "DISDUKCAPIL",
    "Dinas Kependudukan dan Pencatatan Sipil",
    "Kepala Dinas Kependudukan dan Pencatatan Sipil",
    (
        SubSpec(
            "Bidang Pelayanan Pendaftaran Penduduk",
            "bidang",
            key="dafduk",
            public=True,
            menu="dukcapil",
            children=(
                # Bu Sari's section: ID cards and family cards, six counter officers.
                SubSpec(
                    "Seksi Identitas Penduduk",
                    "seksi",
                    key="identitas",
                    public=True,
                    menu="loket",
                    staff=6,
                ),
                SubSpec(
                    "Seksi Pindah Datang dan Pendataan Penduduk",
                    "seksi",
                    public=True,
                    menu="dukcapil",
                ),
            ),
        ),
        bidang(
            "Bidang Pelayanan Pencatatan Sipil",
            "Seksi Kelahiran dan Kematian",
            "Seksi Perkawinan, Perceraian dan Pengangkatan Anak",
            public=True,
            menu="dukcapil",
        ),
        _b("Bidang Pengelolaan Informasi Administrasi Kependudukan"),
        _b("Bidang Pemanfaatan Data dan Inovasi Pelayanan"),
    ),
    jobs=(
        job("Administrator Database Kependudukan", "A", "it", 2),
        job("Pranata Komputer", "AT", "it"),
        job("Pengolah Data Kependudukan", weight=2),
    ),
    target=130,
    public=True,
)

DINAS: tuple[PdSpec, ...] = (
    opd(
        "disdikbud",
        "DISDIKBUD",
        "Dinas Pendidikan dan Kebudayaan",
        "Kepala Dinas Pendidikan dan Kebudayaan",
        (
            _b("Bidang Pembinaan Pendidikan Anak Usia Dini dan Pendidikan Nonformal"),
            _b("Bidang Pembinaan Sekolah Dasar", "sd"),
            _b("Bidang Pembinaan Sekolah Menengah Pertama", "smp"),
            _b("Bidang Guru dan Tenaga Kependidikan"),
            _b("Bidang Kebudayaan"),
        ),
        jobs=(
            job("Pengawas Sekolah", "AM", "teacher", 3),
            job("Penilik", "A", "teacher"),
            job("Pamong Budaya", "A", "admin"),
            job("Pengembang Teknologi Pembelajaran", "A", "it", 0.5),
            POLICY_ANALYST,
        ),
        target=170,
        profile="teacher",
        split=True,
    ),
    opd(
        "dinkes",
        "DINKES",
        "Dinas Kesehatan",
        "Kepala Dinas Kesehatan",
        (
            _b("Bidang Kesehatan Masyarakat"),
            _b("Bidang Pencegahan dan Pengendalian Penyakit"),
            _b("Bidang Pelayanan Kesehatan"),
            _b("Bidang Sumber Daya Kesehatan"),
            upt("UPT Laboratorium Kesehatan Daerah", public=True),
            upt("UPT Instalasi Farmasi"),
        ),
        jobs=(
            job("Administrator Kesehatan", "A", "health", 2),
            job("Epidemiolog Kesehatan", "A", "health"),
            job("Penyuluh Kesehatan Masyarakat", "A", "health"),
            job("Apoteker", "A", "pharmacist", 0.5),
            job("Sanitarian", "AT", "health"),
        ),
        target=160,
        profile="health",
        split=True,
    ),
    opd(
        "damkar",
        "DAMKAR",
        "Dinas Pemadam Kebakaran dan Penyelamatan",
        "Kepala Dinas Pemadam Kebakaran dan Penyelamatan",
        (
            _b("Bidang Operasi Pemadaman dan Penyelamatan", "ops", public=True, menu="damkar"),
            _b("Bidang Pencegahan Kebakaran"),
            _b("Bidang Sarana Prasarana dan Pemberdayaan Masyarakat"),
        ),
        jobs=(
            job("Inspektur Kebakaran", "AT", "engineer", 2),
            job("Analis Kebakaran", "A", "engineer"),
            job("Pemadam Kebakaran", "P", "basic", 2),
        ),
        target=110,
        profile="engineer",
        public=True,
    ),
    DISDUKCAPIL,
    opd(
        "satpolpp",
        "SATPOLPP",
        "Satuan Polisi Pamong Praja",
        "Kepala Satuan Polisi Pamong Praja",
        (
            _b("Bidang Penegakan Peraturan Daerah", menu="satpol"),
            _b(
                "Bidang Ketertiban Umum dan Ketenteraman Masyarakat",
                public=True,
                menu="satpol",
            ),
            _b("Bidang Perlindungan Masyarakat", public=True, menu="satpol"),
            _b("Bidang Sumber Daya Aparatur"),
        ),
        jobs=(job("Polisi Pamong Praja", "AT", "law", 3), POLICY_ANALYST),
        target=390,
        profile="law",
        public=True,
    ),
    opd(
        "diskominfo",
        "DISKOMINFO",
        "Dinas Komunikasi dan Informatika",
        "Kepala Dinas Komunikasi dan Informatika",
        (
            _b("Bidang Infrastruktur Teknologi Informasi dan Komunikasi", "infra"),
            _b("Bidang Aplikasi Informatika"),
            _b("Bidang Informasi dan Komunikasi Publik"),
            _b("Bidang Persandian dan Statistik"),
        ),
        jobs=(
            job("Pranata Komputer", "AT", "it", 3),
            job("Pranata Hubungan Masyarakat", "AT", "admin"),
            job("Statistisi", "A", "stats"),
            job("Sandiman", "AT", "it"),
            job("Manggala Informatika", "A", "it"),
        ),
        target=105,
        profile="it",
    ),
    opd(
        "dpmptsp",
        "DPMPTSP",
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        "Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        (
            _b("Bidang Perencanaan dan Promosi Penanaman Modal"),
            _b("Bidang Pelayanan Perizinan dan Nonperizinan", public=True, menu="mpp"),
            _b("Bidang Pengendalian dan Pengawasan Penanaman Modal"),
            upt("UPT Mal Pelayanan Publik", public=True, key="mpp", menu="mpp"),
        ),
        jobs=(POLICY_ANALYST, job("Penata Perizinan", profile="admin", weight=2)),
        target=110,
    ),
    opd(
        "dinsos",
        "DINSOS",
        "Dinas Sosial",
        "Kepala Dinas Sosial",
        (
            _b("Bidang Rehabilitasi Sosial"),
            _b("Bidang Perlindungan dan Jaminan Sosial"),
            _b("Bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin"),
        ),
        jobs=(job("Pekerja Sosial", "AT", "admin", 2), job("Penyuluh Sosial", "A", "admin")),
        target=100,
    ),
    opd(
        "pupr",
        "PUPR",
        "Dinas Pekerjaan Umum dan Penataan Ruang",
        "Kepala Dinas Pekerjaan Umum dan Penataan Ruang",
        (
            _b("Bidang Bina Marga"),
            _b("Bidang Sumber Daya Air"),
            _b("Bidang Cipta Karya"),
            _b("Bidang Penataan Ruang"),
            _b("Bidang Bina Konstruksi"),
            upt("UPT Peralatan dan Perbekalan"),
            upt("UPT Laboratorium Bahan Konstruksi"),
        ),
        jobs=(
            job("Teknik Jalan dan Jembatan", "AT", "engineer", 2),
            job("Teknik Pengairan", "AT", "engineer", 1.5),
            job("Penata Ruang", "A", "engineer"),
            job("Teknik Tata Bangunan dan Perumahan", "AT", "engineer"),
            job("Pengawas Lapangan", profile="engineer", weight=1.5),
        ),
        target=320,
        profile="engineer",
        split=True,
    ),
)
