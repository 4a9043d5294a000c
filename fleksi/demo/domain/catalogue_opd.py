"""The secretariats, inspectorate and badan among the 33 OPD of the demo regency.

Names and structures follow the usual Kutai Kartanegara nomenclature after the 2021
simplification of the bureaucracy (many eselon IV posts became functional positions).
``target`` is the headcount of each office at the ``kukar`` size.
"""

from __future__ import annotations

from fleksi.demo.domain.jobs import POLICY_ANALYST, Job, job
from fleksi.demo.domain.specs import PdSpec, SubSpec, bagian, bidang, sekretariat


def opd(
    key: str,
    code: str,
    name: str,
    head_title: str,
    subs: tuple[SubSpec, ...],
    *,
    jobs: tuple[Job, ...] = (POLICY_ANALYST,),
    target: int,
    profile: str = "admin",
    public: bool = False,
    split: bool = False,
    secretariat: bool = True,
) -> PdSpec:
    """An OPD headed by a JPT pratama, with (by default) a secretariat in front of ``subs``."""
    return PdSpec(
        key=key,
        code=code,
        name=name,
        kind="opd",
        head_title=head_title,
        head_kind="jpt_pratama",
        profile=profile,
        jobs=jobs,
        subs=(sekretariat(split=split), *subs) if secretariat else subs,
        target=target,
        public=public,
    )


SETDA = PdSpec(
    key="setda",
    code="SETDA",
    name="Sekretariat Daerah",
    kind="opd",
    head_title="Sekretaris Daerah",
    head_kind="jpt_pratama",
    profile="admin",
    jobs=(
        POLICY_ANALYST,
        job("Perancang Peraturan Perundang-undangan", "A", "law"),
        job("Analis Hukum", "A", "law"),
        job("Pranata Hubungan Masyarakat", "AT", "admin"),
        job("Pengelola Pengadaan Barang/Jasa", "A", "finance"),
    ),
    subs=(
        bagian("Bagian Tata Pemerintahan", "Subbagian Otonomi Daerah", "Subbagian Kewilayahan"),
        bagian("Bagian Hukum", "Subbagian Perundang-undangan", "Subbagian Bantuan Hukum"),
        bagian(
            "Bagian Kesejahteraan Rakyat",
            "Subbagian Kesejahteraan Sosial",
            "Subbagian Bina Mental Spiritual",
        ),
        bagian(
            "Bagian Perekonomian dan Sumber Daya Alam",
            "Subbagian Perekonomian",
            "Subbagian Sumber Daya Alam",
        ),
        bagian(
            "Bagian Administrasi Pembangunan",
            "Subbagian Pengendalian Program",
            "Subbagian Evaluasi dan Pelaporan",
        ),
        bagian(
            "Bagian Pengadaan Barang dan Jasa",
            "Subbagian Pengelolaan Pengadaan",
            "Subbagian Layanan Pengadaan Secara Elektronik",
        ),
        bagian(
            "Bagian Organisasi",
            "Subbagian Kelembagaan dan Analisis Jabatan",
            "Subbagian Reformasi Birokrasi dan Tata Laksana",
        ),
        bagian(
            "Bagian Protokol dan Komunikasi Pimpinan",
            "Subbagian Protokol",
            "Subbagian Dokumentasi Pimpinan",
        ),
        bagian("Bagian Umum", "Subbagian Tata Usaha Pimpinan", "Subbagian Rumah Tangga"),
        bagian("Bagian Perencanaan dan Keuangan", "Subbagian Perencanaan", "Subbagian Keuangan"),
    ),
    target=440,
    extra_managers=(
        "Asisten Pemerintahan dan Kesejahteraan Rakyat",
        "Asisten Perekonomian dan Pembangunan",
        "Asisten Administrasi Umum",
        "Staf Ahli Bupati Bidang Hukum dan Politik",
        "Staf Ahli Bupati Bidang Ekonomi, Keuangan dan Pembangunan",
        "Staf Ahli Bupati Bidang Kemasyarakatan dan Sumber Daya Manusia",
    ),
)


def _irban(number: int, roman: str) -> SubSpec:
    title = f"Inspektur Pembantu Wilayah {roman}"
    return SubSpec(title, "bidang", key=f"irban{number}", head_title=title)


SECRETARIATS_AND_BADAN: tuple[PdSpec, ...] = (
    SETDA,
    opd(
        "setwan",
        "SETWAN",
        "Sekretariat DPRD",
        "Sekretaris DPRD",
        (
            bagian("Bagian Persidangan dan Perundang-undangan"),
            bagian("Bagian Fasilitasi Penganggaran dan Pengawasan"),
            bagian("Bagian Hubungan Masyarakat dan Protokol"),
            bagian("Bagian Umum dan Keuangan", "Subbagian Umum", "Subbagian Keuangan"),
        ),
        jobs=(
            POLICY_ANALYST,
            job("Analis Hukum", "A", "law"),
            job("Pranata Hubungan Masyarakat", "AT", "admin"),
        ),
        target=130,
        secretariat=False,
    ),
    opd(
        "inspektorat",
        "INSPEKTORAT",
        "Inspektorat Daerah",
        "Inspektur Daerah",
        (_irban(1, "I"), _irban(2, "II"), _irban(3, "III"), _irban(4, "IV")),
        jobs=(
            job("Auditor", "A", "finance", 3),
            job("Pengawas Penyelenggaraan Urusan Pemerintahan Daerah", "A", "admin", 2),
        ),
        target=110,
        profile="finance",
    ),
    opd(
        "bappeda",
        "BAPPEDA",
        "Badan Perencanaan Pembangunan Daerah",
        "Kepala Badan Perencanaan Pembangunan Daerah",
        (
            bidang("Bidang Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah", key="p2epd"),
            bidang("Bidang Pemerintahan dan Pembangunan Manusia"),
            bidang("Bidang Perekonomian dan Sumber Daya Alam"),
            bidang("Bidang Infrastruktur dan Kewilayahan"),
        ),
        jobs=(
            job("Perencana", "A", "admin", 3),
            POLICY_ANALYST,
            job("Statistisi", "A", "stats", 0.5),
            job("Pengolah Data dan Informasi", "", "admin", 1.5),
        ),
        target=95,
    ),
    opd(
        "bkpsdm",
        "BKPSDM",
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        (
            bidang("Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian", key="info"),
            bidang("Bidang Mutasi dan Promosi"),
            bidang("Bidang Pengembangan Kompetensi Aparatur"),
            bidang("Bidang Penilaian Kinerja Aparatur dan Penghargaan"),
        ),
        jobs=(
            job("Analis SDM Aparatur", "A", "admin", 3),
            job("Asesor SDM Aparatur", "A", "admin"),
            job("Pranata Komputer", "AT", "it"),
            job("Pengadministrasi Perkantoran", weight=1.5),
        ),
        target=105,
    ),
    opd(
        "bpkad",
        "BPKAD",
        "Badan Pengelolaan Keuangan dan Aset Daerah",
        "Kepala Badan Pengelolaan Keuangan dan Aset Daerah",
        (
            bidang("Bidang Anggaran"),
            bidang("Bidang Perbendaharaan"),
            bidang("Bidang Akuntansi dan Pelaporan"),
            bidang("Bidang Pengelolaan Barang Milik Daerah"),
        ),
        jobs=(
            job("Analis Keuangan Pusat dan Daerah", "A", "finance", 3),
            job("Pengelola Keuangan", "", "finance", 2),
            job("Pengelola Barang Milik Daerah", "", "finance"),
        ),
        target=145,
        profile="finance",
    ),
    opd(
        "bapenda",
        "BAPENDA",
        "Badan Pendapatan Daerah",
        "Kepala Badan Pendapatan Daerah",
        (
            bidang("Bidang Pendataan dan Penetapan"),
            bidang("Bidang Penagihan dan Keberatan"),
            bidang("Bidang Pengembangan dan Pengendalian Pendapatan"),
        ),
        jobs=(
            job("Analis Keuangan Pusat dan Daerah", "A", "finance", 2),
            job("Pengelola Pajak Daerah", "", "finance", 2),
            job("Penagih Pajak Daerah", "", "basic"),
        ),
        target=130,
        profile="finance",
    ),
    opd(
        "bpbd",
        "BPBD",
        "Badan Penanggulangan Bencana Daerah",
        "Kepala Pelaksana Badan Penanggulangan Bencana Daerah",
        (
            bidang("Bidang Pencegahan dan Kesiapsiagaan"),
            bidang("Bidang Kedaruratan dan Logistik", public=True),
            bidang("Bidang Rehabilitasi dan Rekonstruksi"),
        ),
        jobs=(
            job("Penata Penanggulangan Bencana", "AT", "engineer", 2),
            job("Operator Pusat Pengendalian Operasi", "", "basic", 2),
        ),
        target=95,
        profile="engineer",
    ),
    opd(
        "kesbangpol",
        "KESBANGPOL",
        "Badan Kesatuan Bangsa dan Politik",
        "Kepala Badan Kesatuan Bangsa dan Politik",
        (
            bidang("Bidang Ideologi, Wawasan Kebangsaan dan Karakter Bangsa"),
            bidang("Bidang Politik Dalam Negeri dan Organisasi Kemasyarakatan"),
            bidang("Bidang Kewaspadaan Nasional dan Penanganan Konflik"),
        ),
        target=52,
    ),
)
