"""Each parameter of a policy version as the sentence of an ayat of the Perbup, in Indonesian,
with its value in words ("paling banyak 2 (dua) hari kerja dalam 1 (satu) minggu")."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from fleksi.documents.domain.words import count, day_words, joined, percent, terbilang
from fleksi.policy.domain.params import PolicyParams

ASN = {"pns": "PNS", "cpns": "CPNS", "pppk": "PPPK", "pppk_pw": "PPPK paruh waktu"}
RATING = {
    "sangat_baik": "Sangat Baik",
    "baik": "Baik",
    "butuh_perbaikan": "Butuh Perbaikan",
    "kurang": "Kurang",
    "sangat_kurang": "Sangat Kurang",
}
UNIT_KIND = {
    "opd": "perangkat daerah", "kecamatan": "kecamatan", "rsud": "rumah sakit umum daerah",
    "other": "unit lain", "sekretariat": "sekretariat", "bagian": "bagian", "bidang": "bidang",
    "subbagian": "subbagian", "seksi": "seksi", "upt": "unit pelaksana teknis",
    "puskesmas": "puskesmas", "sekolah": "sekolah", "kelurahan": "kelurahan",
}  # fmt: skip
POSITION_CLASS = {
    "capable": "jabatan yang tugasnya dapat dilaksanakan secara fleksibel",
    "partly": "jabatan yang sebagian tugasnya dapat dilaksanakan secara fleksibel",
    "onsite": "jabatan yang tugasnya harus dilaksanakan di kantor",
    "unassessed": "jabatan yang belum dipetakan",
}
LOCATION = {
    "office": "kantor lain di lingkungan Pemerintah Daerah",
    "home": "tempat tinggal sesuai domisili yang tercatat dalam data kepegawaian",
    "approved_place": "tempat lain yang ditetapkan sebelumnya",
}
REQUEST_KIND = {
    "regular": "pengajuan biasa",
    "official_duty": "dinas luar dengan surat tugas",
    "special_circumstances": "keadaan khusus",
}
# The connectivity levels as Kukar has them (3G was switched off in 2022–23).
NETWORK = {
    "none": "tidak ada sinyal",
    "2g": "2G",
    "4g": "4G",
    "radio_link": "radio link",
    "vsat": "VSAT/satelit",
    "fibre": "serat optik (fiber)",
}
PLACE_DECIDER = {
    "bupati": "Bupati",
    "sekda": "Sekretaris Daerah",
    "bkpsdm": "Kepala BKPSDM",
    "opd_head": "kepala Perangkat Daerah",
    "unit_head": "pimpinan Unit Organisasi",
}
CLASS_SHORT = {"capable": "Sepenuhnya", "partly": "Sebagian"}


def _labels(values: Any, names: dict[str, str]) -> str:
    order = list(names)

    def rank(v: str) -> tuple[int, str]:
        return (order.index(v) if v in order else len(order), v)

    return joined([names.get(v, v) for v in sorted(values, key=rank)]) or "tidak ada"


def _days(n: int) -> str:
    return count(n, "hari kerja")


# key → sentence of the ayat. The value in words follows the drafting style.
def _points_clause(level: str) -> Callable[[PolicyParams], str]:
    def words(p: PolicyParams) -> str:
        points = p.network_points()[level]
        return f"Nilai kesiapan digital untuk jaringan {NETWORK[level]} ditetapkan {points} poin."

    return words


CLAUSES: dict[str, Callable[[PolicyParams], str]] = {
    "allowed_asn_types": lambda p: (
        "Pegawai ASN yang dapat melaksanakan tugas kedinasan secara fleksibel berdasarkan "
        f"lokasi terdiri atas {_labels(p.allowed_asn_types, ASN)}."
    ),
    "probation_after_appointment_months": lambda p: (
        f"{count(p.probation_after_appointment_months, 'bulan')} sejak pengangkatan."
    ),
    "probation_after_promotion_months": lambda p: (
        f"{count(p.probation_after_promotion_months, 'bulan')} sejak promosi."
    ),
    "probation_after_transfer_months": lambda p: (
        f"{count(p.probation_after_transfer_months, 'bulan')} sejak mutasi."
    ),
    "probation_after_rotation_months": lambda p: (
        f"{count(p.probation_after_rotation_months, 'bulan')} sejak rotasi."
    ),
    "exclude_disciplinary": lambda p: (
        "Pegawai ASN yang sedang menjalani hukuman disiplin atau dalam proses pemeriksaan "
        "disiplin tidak dapat melaksanakan tugas kedinasan secara fleksibel berdasarkan lokasi."
        if p.exclude_disciplinary
        else "Status hukuman disiplin tidak menjadi syarat pelaksanaan tugas kedinasan secara "
        "fleksibel berdasarkan lokasi."
    ),
    "min_last_rating": lambda p: (
        "Predikat kinerja Pegawai ASN pada periode terakhir paling rendah "
        f"{RATING[p.min_last_rating]}."
        if p.min_last_rating
        else "Predikat kinerja terakhir tidak menjadi syarat."
    ),
    "exclude_public_service_units": lambda p: (
        "Pegawai ASN pada unit yang memberikan pelayanan langsung kepada masyarakat tidak "
        "melaksanakan tugas kedinasan secara fleksibel berdasarkan lokasi, kecuali ditetapkan "
        "lain oleh Bupati."
        if p.exclude_public_service_units
        else "Unit pelayanan langsung kepada masyarakat dapat melaksanakan tugas kedinasan "
        "secara fleksibel berdasarkan lokasi sepanjang jumlah minimal pegawai di kantor terpenuhi."
    ),
    "excluded_unit_kinds": lambda p: (
        "Tugas kedinasan secara fleksibel berdasarkan lokasi tidak dilaksanakan pada "
        f"{_labels(p.excluded_unit_kinds, UNIT_KIND)}."
        if p.excluded_unit_kinds
        else "Tidak ada jenis unit yang dikecualikan dari tugas kedinasan secara fleksibel "
        "berdasarkan lokasi."
    ),
    "allowed_position_classes": lambda p: (
        "Tugas kedinasan secara fleksibel berdasarkan lokasi dapat dilaksanakan oleh pemangku "
        f"{_labels(p.allowed_position_classes, POSITION_CLASS)}, sebagaimana tercantum dalam "
        "Lampiran yang merupakan bagian tidak terpisahkan dari Peraturan Bupati ini."
    ),
    "class_capable_min_share": lambda p: (
        "Jabatan digolongkan sebagai jabatan yang tugasnya dapat dilaksanakan secara fleksibel "
        f"apabila paling sedikit {percent(p.class_capable_min_share)} waktu kerjanya digunakan "
        "untuk tugas yang memenuhi kriteria."
    ),
    "class_partly_min_share": lambda p: (
        "Jabatan digolongkan sebagai jabatan yang sebagian tugasnya dapat dilaksanakan secara "
        f"fleksibel apabila paling sedikit {percent(p.class_partly_min_share)} waktu kerjanya "
        "digunakan untuk tugas yang memenuhi kriteria."
    ),
    "extra_duty_criteria": lambda p: (
        "Selain kriteria tugas sebagaimana diatur dalam Peraturan Menteri, tugas harus memenuhi "
        f"kriteria: {joined([c[1] for c in p.extra_duty_criteria])}."
        if p.extra_duty_criteria
        else "Tidak ada kriteria tugas tambahan selain kriteria sebagaimana diatur dalam "
        "Peraturan Menteri."
    ),
    "max_wfa_days_per_week": lambda p: (
        "Tugas kedinasan secara fleksibel berdasarkan lokasi dilaksanakan paling banyak "
        f"{_days(p.max_wfa_days_per_week)} dalam 1 (satu) minggu."
    ),
    "week_cap_exempt_kinds": lambda p: (
        "Batas hari sebagaimana dimaksud tidak berlaku bagi "
        f"{_labels(p.week_cap_exempt_kinds, REQUEST_KIND)}."
        if p.week_cap_exempt_kinds
        else "Batas hari berlaku bagi setiap jenis pengajuan."
    ),
    "default_max_offsite_share": lambda p: (
        "Jumlah Pegawai ASN pada satu unit yang melaksanakan tugas kedinasan secara fleksibel "
        "berdasarkan lokasi pada hari yang sama paling banyak "
        f"{percent(p.default_max_offsite_share)} dari jumlah pegawai unit tersebut."
    ),
    "min_onsite_public_service": lambda p: (
        "Unit pelayanan publik menjaga paling sedikit "
        f"{count(p.min_onsite_public_service, 'orang')} pegawai di kantor setiap hari kerja."
    ),
    "blackout_dates": lambda p: (
        "Tugas kedinasan secara fleksibel berdasarkan lokasi tidak dilaksanakan pada tanggal "
        f"{joined([day_words(d) for d in p.blackout_dates])}."
        if p.blackout_dates
        else "Tidak ada tanggal yang dikecualikan dari tugas kedinasan secara fleksibel."
    ),
    "allowed_location_types": lambda p: (
        "Lokasi tugas kedinasan secara fleksibel meliputi "
        f"{_labels(p.allowed_location_types, LOCATION)}."
    ),
    "place_decider": lambda p: (
        f"Tempat lain sebagaimana dimaksud ditetapkan oleh {PLACE_DECIDER[p.place_decider]}."
    ),
    "min_connectivity": lambda p: (
        f"Lokasi tugas kedinasan secara fleksibel memiliki jaringan dengan nilai kesiapan "
        f"digital paling rendah sama dengan {NETWORK.get(p.min_connectivity, p.min_connectivity)}."
    ),
    **{f"readiness_points_{level}": _points_clause(level) for level in NETWORK},
    "connectivity_rule_mode": lambda p: (
        "Pengajuan pada lokasi dengan jaringan di bawah batas tersebut ditolak."
        if p.connectivity_rule_mode == "refuse"
        else "Pengajuan pada lokasi dengan jaringan di bawah batas tersebut dapat disetujui "
        "dengan catatan."
    ),
    "request_lead_days": lambda p: (
        f"Pengajuan disampaikan paling lambat {_days(p.request_lead_days)} sebelum hari "
        "pelaksanaan."
    ),
    "approval_deadline_days": lambda p: (
        "Pimpinan Unit Organisasi memberikan keputusan atas pengajuan paling lama "
        f"{_days(p.approval_deadline_days)}; apabila tidak, pengajuan diteruskan kepada atasan "
        "pimpinan Unit Organisasi."
    ),
    "checkins_per_day": lambda p: (
        f"Pegawai ASN melakukan presensi sebanyak {count(p.checkins_per_day, 'kali')} dalam "
        "1 (satu) hari kerja."
    ),
    "geofence_radius_m": lambda p: (
        f"Presensi dilakukan dalam radius {count(p.geofence_radius_m, 'meter')} dari lokasi "
        "yang disetujui."
    ),
    "offline_sync_window_hours": lambda p: (
        "Presensi yang direkam tanpa jaringan diterima paling lama "
        f"{count(p.offline_sync_window_hours, 'jam')} setelah direkam."
    ),
    "wfa_desa_radius_m": lambda p: (
        "Apabila lokasi hanya diketahui desanya, radius presensi paling jauh "
        f"{count(p.wfa_desa_radius_m, 'meter')} dari pusat desa."
    ),
    "max_travel_speed_kmh": lambda p: (
        "Perpindahan antarpresensi dengan kecepatan di atas "
        f"{count(p.max_travel_speed_kmh, 'kilometer per jam')} ditandai untuk diperiksa."
    ),
    "max_accuracy_m": lambda p: (
        f"Presensi dengan ketelitian posisi lebih buruk dari {count(p.max_accuracy_m, 'meter')} "
        "ditandai untuk diperiksa."
    ),
    "max_clock_skew_minutes": lambda p: (
        "Presensi dengan selisih jam perangkat lebih dari "
        f"{count(p.max_clock_skew_minutes, 'menit')} ditandai untuk diperiksa."
    ),
    "integrity_blocks": lambda p: (
        "Presensi yang ditandai tidak dihitung sampai diperiksa oleh atasan langsung."
        if p.integrity_blocks
        else "Presensi yang ditandai tetap dihitung dan diperiksa oleh atasan langsung."
    ),
    "location_retention_days": lambda p: (
        f"Data lokasi presensi disimpan paling lama {count(p.location_retention_days, 'hari')}."
    ),
    "report_deadline_days": lambda p: (
        "Pegawai ASN melaporkan output kerja harian paling lambat "
        f"{count(p.report_deadline_days, 'hari')} setelah hari pelaksanaan."
    ),
    "verification_deadline_days": lambda p: (
        "Atasan langsung memverifikasi laporan output paling lama "
        f"{count(p.verification_deadline_days, 'hari')} setelah laporan disampaikan."
    ),
    "max_unreported_wfa_days": lambda p: (
        "Pengajuan baru tidak dapat disampaikan apabila terdapat lebih dari "
        f"{count(p.max_unreported_wfa_days, 'hari')} pelaksanaan tugas kedinasan secara "
        "fleksibel yang belum dilaporkan."
    ),
    "revocation_min_achievement_pct": lambda p: (
        "Tugas kedinasan secara fleksibel ditangguhkan apabila capaian output bulanan Pegawai "
        f"ASN kurang dari {percent(p.revocation_min_achievement_pct / 100)}."
    ),
    "revocation_max_unreported_days": lambda p: (
        "Tugas kedinasan secara fleksibel ditangguhkan apabila dalam 1 (satu) bulan terdapat "
        f"{count(p.revocation_max_unreported_days, 'hari')} atau lebih yang tidak dilaporkan."
    ),
    "suspension_days": lambda p: f"Penangguhan berlaku selama {count(p.suspension_days, 'hari')}.",
    "revocation_warning_day": lambda p: (
        "Pegawai ASN yang berisiko ditangguhkan diberi peringatan mulai tanggal "
        f"{p.revocation_warning_day} ({terbilang(p.revocation_warning_day)}) setiap bulan, "
        "dengan capaian output sampai tanggal tersebut."
    ),
    "suspension_notice_days": lambda p: (
        "Penangguhan berlaku sejak tanggal yang dinyatakan dalam keputusannya, paling cepat "
        f"{count(p.suspension_notice_days, 'hari')} setelah pemeriksaan bulanan."
    ),
    "rating_above_min_achievement_pct": lambda p: (
        "Hasil kerja diusulkan di atas ekspektasi apabila capaian output paling rendah "
        f"{percent(p.rating_above_min_achievement_pct / 100)}."
    ),
    "rating_above_min_quality": lambda p: (
        "Usulan hasil kerja di atas ekspektasi mensyaratkan nilai mutu rata-rata paling rendah "
        f"{count(p.rating_above_min_quality, '')} dari 100 (seratus)."
    ),
    "rating_above_min_on_time_pct": lambda p: (
        "Usulan hasil kerja di atas ekspektasi mensyaratkan laporan tepat waktu paling rendah "
        f"{percent(p.rating_above_min_on_time_pct / 100)}."
    ),
    "rating_as_min_achievement_pct": lambda p: (
        "Hasil kerja diusulkan sesuai ekspektasi apabila capaian output paling rendah "
        f"{percent(p.rating_as_min_achievement_pct / 100)}."
    ),
    "rating_as_min_quality": lambda p: (
        "Usulan hasil kerja sesuai ekspektasi mensyaratkan nilai mutu rata-rata paling rendah "
        f"{count(p.rating_as_min_quality, '')} dari 100 (seratus)."
    ),
    "safeguard_degradation_pct": lambda p: (
        "Peringatan dini mutu layanan diberikan apabila mutu suatu layanan turun paling sedikit "
        f"{percent(p.safeguard_degradation_pct / 100)} dibandingkan sebelum pelaksanaan tugas "
        "kedinasan secara fleksibel."
    ),
    "safeguard_recent_days": lambda p: (
        f"Mutu layanan terkini diukur dalam {count(p.safeguard_recent_days, 'hari')} terakhir."
    ),
    "safeguard_baseline_days": lambda p: (
        f"Mutu layanan pembanding diukur dalam {count(p.safeguard_baseline_days, 'hari')} "
        "sebelum pelaksanaan tugas kedinasan secara fleksibel."
    ),
    "safeguard_min_days": lambda p: (
        "Perbandingan dilakukan apabila setiap periode memuat data paling sedikit "
        f"{count(p.safeguard_min_days, 'hari')}."
    ),
    "monev_min_attendance_pct": lambda p: (
        "Unit dengan kepatuhan kehadiran di bawah "
        f"{percent(p.monev_min_attendance_pct / 100)} menjadi perhatian dalam pemantauan."
    ),
    "monev_min_readiness_pct": lambda p: (
        "Unit dengan kesiapan infrastruktur lokasi pegawainya di bawah "
        f"{percent(p.monev_min_readiness_pct / 100)} menjadi perhatian dalam pemantauan apabila "
        "tugas kedinasan secara fleksibel banyak digunakan di unit tersebut."
    ),
    "monev_wfa_use_high_pct": lambda p: (
        "Tugas kedinasan secara fleksibel dianggap banyak digunakan di suatu unit apabila "
        f"dilaksanakan pada paling sedikit {percent(p.monev_wfa_use_high_pct / 100)} hari kerja "
        "unit tersebut."
    ),
}

# A heading sentence for an ayat whose items are listed with huruf (a., b., …), by the topic
# of its items.
LIST_INTROS: dict[str, str] = {
    "probation": (
        "Pegawai ASN baru tidak dapat melaksanakan tugas kedinasan secara fleksibel berdasarkan "
        "lokasi dalam jangka waktu:"
    ),
}


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, int):
        return count(value, "")
    if isinstance(value, float):
        return percent(value) if 0 <= value <= 1 else str(value).replace(".", ",")
    if isinstance(value, frozenset | tuple | list):
        return joined(sorted(str(v) for v in value)) or "tidak ada"
    return str(value)


def clause(key: str, params: PolicyParams, labels: Mapping[str, str] | None = None) -> str:
    """The sentence of ``key``'s ayat; a parameter added to the policy since this table was
    written still appears, by its label (``labels``, in Indonesian) and its value, for the
    drafters to word."""
    found = CLAUSES.get(key)
    if found is not None:
        return found(params)
    label = (labels or {}).get(key) or f"Ketentuan {key.replace('_', ' ')}"
    return f"{label}: {_value(getattr(params, key))}."
