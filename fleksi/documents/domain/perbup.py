"""The draft Perbup generated from a policy version, in the structure of Indonesian legislative
drafting (UU 12/2011 Lampiran II; Permendagri 80/2015): judul, pembukaan (konsiderans
"Menimbang", dasar hukum "Mengingat", "MEMUTUSKAN"), batang tubuh in BAB / Pasal / ayat,
penutup (ditetapkan, diundangkan, Berita Daerah) and the Lampiran of the positions whose class
allows WFA, per perangkat daerah.

Every parameter becomes an ayat. Where the version records the article of its own Perbup that
sets a parameter (``PolicyParams.articles``, e.g. "Pasal 6 ayat (1)"), the ayat stands there,
so the draft's numbering agrees with the basis shown on every decision; the other parameters
are placed in the free Pasal numbers, in the order of the topics below. What cannot be
honoured (an article twice, Pasal 1, a text that is not an article) is listed in ``notes`` on
a last page for the drafters, outside the legal text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from fleksi.common.domain.document import Document, PageBreak, Table, Text
from fleksi.documents.domain.clauses import CLASS_SHORT, LIST_INTROS, clause
from fleksi.documents.domain.words import day_words
from fleksi.policy.domain.params import PolicyParams, param_keys, spec_of

REGENCY = "KABUPATEN KUTAI KARTANEGARA"
BUPATI = "BUPATI KUTAI KARTANEGARA"
SEAT = "Tenggarong"
BLANK = "…"

# BAB → its title; the order of the chapters.
CHAPTERS: tuple[tuple[str, str], ...] = (
    ("general", "KETENTUAN UMUM"),
    ("eligibility", "PEGAWAI ASN YANG DAPAT MELAKSANAKAN TUGAS KEDINASAN SECARA FLEKSIBEL"),
    ("mapping", "PEMETAAN TUGAS JABATAN"),
    ("requests", "LOKASI, PERSENTASE, DAN PENGAJUAN"),
    ("presence", "KEHADIRAN"),
    ("outputs", "PENGAWASAN BERBASIS OUTPUT KERJA"),
    ("safeguard", "MUTU PELAYANAN PUBLIK"),
    ("monitoring", "PEMANTAUAN DAN EVALUASI"),
    ("places", "KESIAPAN INFRASTRUKTUR DIGITAL"),
    ("tpp", "TAMBAHAN PENGHASILAN PEGAWAI"),
    ("closing", "KETENTUAN PENUTUP"),
)
# Topics: the parameters that share one Pasal when the version records no article for them.
TOPICS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("eligibility", "asn", ("allowed_asn_types",)),
    (
        "eligibility",
        "probation",
        (
            "probation_after_appointment_months",
            "probation_after_promotion_months",
            "probation_after_transfer_months",
            "probation_after_rotation_months",
        ),
    ),
    ("eligibility", "discipline", ("exclude_disciplinary", "min_last_rating")),
    (
        "eligibility",
        "units",
        ("exclude_public_service_units", "excluded_unit_kinds", "allowed_position_classes"),
    ),
    (
        "mapping",
        "classes",
        ("class_capable_min_share", "class_partly_min_share", "extra_duty_criteria"),
    ),
    ("requests", "week", ("max_wfa_days_per_week", "week_cap_exempt_kinds")),
    ("requests", "share", ("default_max_offsite_share", "min_onsite_public_service")),
    ("requests", "blackout", ("blackout_dates",)),
    (
        "requests",
        "places",
        (
            "allowed_location_types",
            "place_decider",
            "min_connectivity",
            "connectivity_rule_mode",
            "readiness_points_none",
            "readiness_points_2g",
            "readiness_points_4g",
            "readiness_points_radio_link",
            "readiness_points_vsat",
            "readiness_points_fibre",
        ),
    ),
    ("requests", "deadlines", ("request_lead_days", "approval_deadline_days")),
    (
        "presence",
        "checkins",
        ("checkins_per_day", "geofence_radius_m", "offline_sync_window_hours", "wfa_desa_radius_m"),
    ),
    (
        "presence",
        "integrity",
        ("max_travel_speed_kmh", "max_accuracy_m", "max_clock_skew_minutes", "integrity_blocks"),
    ),
    ("presence", "retention", ("location_retention_days",)),
    (
        "outputs",
        "reports",
        ("report_deadline_days", "verification_deadline_days", "max_unreported_wfa_days"),
    ),
    (
        "outputs",
        "suspension",
        (
            "revocation_min_achievement_pct",
            "revocation_max_unreported_days",
            "suspension_days",
            "revocation_warning_day",
            "suspension_notice_days",
        ),
    ),
    (
        "outputs",
        "ratings",
        (
            "rating_above_min_achievement_pct",
            "rating_above_min_quality",
            "rating_above_min_on_time_pct",
            "rating_as_min_achievement_pct",
            "rating_as_min_quality",
        ),
    ),
    (
        "safeguard",
        "safeguard",
        (
            "safeguard_degradation_pct",
            "safeguard_recent_days",
            "safeguard_baseline_days",
            "safeguard_min_days",
        ),
    ),
    (
        "monitoring",
        "monev",
        ("monev_min_attendance_pct", "monev_min_readiness_pct", "monev_wfa_use_high_pct"),
    ),
)


def topics() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """:data:`TOPICS`, and after each chapter's topics one more for the parameters added to
    the policy since this table was written (by their group), so every parameter is an ayat."""
    known = {key for _c, _t, keys in TOPICS for key in keys}
    extra: dict[str, list[str]] = defaultdict(list)
    for key in param_keys():
        if key not in known:
            group = spec_of(key).group
            extra[group if group in dict(CHAPTERS) else "monitoring"].append(key)
    out: list[tuple[str, str, tuple[str, ...]]] = []
    for chapter, _title in CHAPTERS:
        out += [t for t in TOPICS if t[0] == chapter]
        if extra.get(chapter):
            out.append((chapter, f"{chapter}-other", tuple(extra[chapter])))
    return tuple(out)


def topic_of(key: str) -> str:
    return next(topic for _c, topic, keys in topics() if key in keys)


# Konsiderans and dasar hukum: only what the domain sources say (shared/domain/sources.md).
MENIMBANG = (
    "bahwa Peraturan Presiden Nomor 21 Tahun 2023 memungkinkan Pegawai Aparatur Sipil Negara "
    "melaksanakan tugas kedinasan secara fleksibel berdasarkan lokasi dan/atau waktu, dan "
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 4 Tahun "
    "2025 mengatur pelaksanaannya pada Instansi Pemerintah;",
    "bahwa tugas kedinasan secara fleksibel bukan merupakan hak Pegawai Aparatur Sipil Negara, "
    "dilaksanakan sesuai kesiapan instansi, berdasarkan pemetaan tugas jabatan, pengawasan "
    "berbasis output kerja dan kesiapan infrastruktur digital, dengan tidak mengurangi mutu "
    "pelayanan publik;",
)
MENGINGAT = (
    "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;",
    "Undang-Undang Nomor 12 Tahun 2011 tentang Pembentukan Peraturan Perundang-undangan;",
    "Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi;",
    "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara;",
    "Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil;",
    "Peraturan Presiden Nomor 21 Tahun 2023 tentang Hari Kerja dan Jam Kerja Instansi "
    "Pemerintah dan Pegawai Aparatur Sipil Negara;",
    "Peraturan Menteri Dalam Negeri Nomor 80 Tahun 2015 tentang Pembentukan Produk Hukum Daerah;",
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 6 Tahun "
    "2022 tentang Pengelolaan Kinerja Pegawai Aparatur Sipil Negara;",
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 4 Tahun "
    "2025 tentang Pelaksanaan Tugas Kedinasan Pegawai Aparatur Sipil Negara secara Fleksibel "
    "pada Instansi Pemerintah;",
)
DEFINITIONS = (
    "Daerah adalah Kabupaten Kutai Kartanegara.",
    "Pemerintah Daerah adalah Pemerintah Kabupaten Kutai Kartanegara.",
    "Bupati adalah Bupati Kutai Kartanegara.",
    "Sekretaris Daerah adalah Sekretaris Daerah Kabupaten Kutai Kartanegara.",
    "Perangkat Daerah adalah unsur pembantu Bupati dalam penyelenggaraan urusan pemerintahan "
    "yang menjadi kewenangan Daerah.",
    "Pegawai Aparatur Sipil Negara yang selanjutnya disebut Pegawai ASN adalah pegawai negeri "
    "sipil dan pegawai pemerintah dengan perjanjian kerja yang bekerja pada Pemerintah Daerah.",
    "Tugas kedinasan secara fleksibel adalah pelaksanaan tugas kedinasan Pegawai ASN secara "
    "fleksibel berdasarkan lokasi dan/atau waktu sebagaimana dimaksud dalam Peraturan Menteri "
    "Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 4 Tahun 2025.",
    "Pimpinan Unit Organisasi adalah pejabat yang memimpin unit organisasi tempat Pegawai ASN "
    "ditugaskan.",
)
DRAFTER_NOTE = (
    "Dasar hukum pada bagian Mengingat disusun dari sumber yang tercatat dalam Fleksi; Bagian "
    "Hukum melengkapi dan menyesuaikannya (antara lain undang-undang pembentukan Daerah dan "
    "peraturan tentang pemerintahan daerah) sebelum penetapan."
)

_ARTICLE = re.compile(
    r"^\s*(?:Perbup\b.*?\s)?Pasal\s+(\d+)(?:\s+ayat\s*\((\d+)\))?(?:\s+huruf\s+([a-z]))?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Slot:
    pasal: int
    ayat: int | None = None
    huruf: str | None = None


def parse_article(text: str) -> Slot | None:
    """ "Pasal 6 ayat (1)" → Slot(6, 1); "Pasal 4 ayat (2) huruf a" → Slot(4, 2, "a")."""
    found = _ARTICLE.match(text or "")
    if not found:
        return None
    pasal, ayat, huruf = found.groups()
    return Slot(int(pasal), int(ayat) if ayat else None, huruf.lower() if huruf else None)


@dataclass
class Pasal:
    number: int
    chapter: str
    # ayat number (0: the Pasal has no ayat) → list of (huruf or None, key)
    ayat: dict[int, list[tuple[str | None, str]]] = field(default_factory=dict)


@dataclass(frozen=True)
class Layout:
    pasals: tuple[Pasal, ...]
    # key → "Pasal 6 ayat (1)" as the draft numbers it
    where: dict[str, str]
    notes: tuple[str, ...]


def _where(slot: Slot, single: bool) -> str:
    text = f"Pasal {slot.pasal}"
    if slot.ayat and not single:
        text += f" ayat ({slot.ayat})"
    if slot.huruf:
        text += f" huruf {slot.huruf}"
    return text


def layout(params: PolicyParams) -> Layout:
    """Where every parameter stands in the draft: the recorded article when it can be
    honoured, else a free Pasal in topic order."""
    notes: list[str] = []
    all_topics = topics()
    slots: dict[str, Slot] = {}
    taken: set[tuple[int, int | None, str | None]] = set()
    keys = param_keys()
    for key in keys:
        recorded = params.articles.get(key, "")
        if not recorded:
            continue
        slot = parse_article(recorded)
        if slot is None:
            notes.append(
                f"Rujukan “{recorded}” untuk {key} bukan nomor pasal; ditempatkan otomatis."
            )
            continue
        if slot.pasal == 1:
            notes.append(f"Pasal 1 memuat ketentuan umum; {key} ditempatkan otomatis.")
            continue
        if (slot.pasal, slot.ayat, slot.huruf) in taken:
            notes.append(
                f"{recorded} dirujuk lebih dari satu parameter; {key} ditempatkan otomatis."
            )
            continue
        taken.add((slot.pasal, slot.ayat, slot.huruf))
        slots[key] = slot
    # Unrecorded parameters follow a recorded topic-mate into its Pasal.
    pasal_of_topic: dict[str, int] = {}
    for _chapter, topic, members in all_topics:
        recorded_pasals = [slots[k].pasal for k in members if k in slots]
        if recorded_pasals:
            pasal_of_topic[topic] = recorded_pasals[0]
    used = {s.pasal for s in slots.values()} | {1}
    free = (n for n in range(2, 10_000) if n not in used)
    for _chapter, topic, _members in all_topics:
        if topic not in pasal_of_topic:
            pasal_of_topic[topic] = next(free)
    pasals: dict[int, Pasal] = {}
    for chapter, topic, members in all_topics:
        for key in members:
            slot = slots.get(key)
            number = slot.pasal if slot else pasal_of_topic[topic]
            pasal = pasals.setdefault(number, Pasal(number, chapter))
            if slot is not None:
                pasal.ayat.setdefault(slot.ayat or 0, []).append((slot.huruf, key))
    # Place the unrecorded ones: beside a topic-mate listed with huruf, else as a new ayat.
    for _chapter, topic, members in all_topics:
        number = pasal_of_topic[topic]
        pasal = pasals[number]
        mates = [slots[k] for k in members if k in slots and slots[k].pasal == number]
        listed = next((m for m in mates if m.huruf), None)
        for key in members:
            if key in slots and slots[key].pasal == number:
                continue
            if key in slots:
                continue  # recorded in another Pasal: already placed there
            if listed is not None and listed.ayat is not None:
                items = pasal.ayat[listed.ayat]
                used_huruf = {h for h, _k in items if h}
                letter = next(c for c in "abcdefghijklmnopqrstuvwxyz" if c not in used_huruf)
                items.append((letter, key))
                continue
            ayat = max([a for a in pasal.ayat if a] or [0]) + 1
            pasal.ayat[ayat] = [(None, key)]
    for pasal in pasals.values():
        only = next(iter(pasal.ayat.values())) if len(pasal.ayat) == 1 else []
        if list(pasal.ayat) == [1] and len(only) == 1 and only[0][1] not in slots:
            pasal.ayat = {0: only}  # one unrecorded sentence: a Pasal without ayat
        if 0 in pasal.ayat and len(pasal.ayat) > 1:
            first = max(pasal.ayat) + 1
            pasal.ayat[first] = pasal.ayat.pop(0)
            notes.append(
                f"Pasal {pasal.number} dirujuk tanpa ayat, tetapi memuat beberapa ayat; "
                f"{', '.join(k for _h, k in pasal.ayat[first])} menjadi ayat ({first})."
            )
        for items in pasal.ayat.values():
            items.sort(key=lambda item: item[0] or "")
    numbers = sorted(pasals)
    missing = [n for n in range(2, numbers[-1] + 1) if n not in pasals] if numbers else []
    if missing:
        notes.append("Nomor pasal yang belum diisi: " + ", ".join(str(n) for n in missing) + ".")
    for pasal in pasals.values():
        numbered = sorted(a for a in pasal.ayat if a)
        gaps = [a for a in range(1, numbered[-1] + 1) if a not in pasal.ayat] if numbered else []
        if gaps:
            notes.append(
                f"Pasal {pasal.number}: ayat " + ", ".join(f"({a})" for a in gaps) + " belum diisi."
            )
    where: dict[str, str] = {}
    for pasal in pasals.values():
        single = list(pasal.ayat) == [0]
        for ayat, items in pasal.ayat.items():
            for huruf, key in items:
                where[key] = _where(Slot(pasal.number, ayat or None, huruf), single)
    ordered = tuple(pasals[n] for n in numbers)
    return Layout(pasals=ordered, where=where, notes=tuple(notes))


@dataclass(frozen=True)
class LampiranRow:
    position: str
    unit: str
    position_class: str  # capable | partly


@dataclass(frozen=True)
class LampiranAgency:
    name: str
    rows: tuple[LampiranRow, ...]


@dataclass(frozen=True)
class PerbupFacts:
    title: str
    label: str  # the version's own label (regulation_number), shown on drafts
    kind: str  # original | amendment | revocation
    effective_from: date
    params: PolicyParams
    lampiran: tuple[LampiranAgency, ...]
    enacted_number: str = ""
    enacted_on: date | None = None
    gazette_number: str = ""
    gazette_year: int | None = None
    promulgated_on: date | None = None
    in_force: bool = False
    # Parameter labels in Indonesian, for the parameters that have no sentence of their own.
    labels: Mapping[str, str] = field(default_factory=dict)


def _c(text: str, *, bold: bool = False, size: float = 11.0, after: float = 1.5) -> Text:
    return Text(text, align="center", bold=bold, size=size, space_after=after, keep_with_next=True)


def _numbered(items: tuple[str, ...] | list[str], labels: list[str], indent: float) -> list[Text]:
    return [
        Text(text, label=label, label_width=8.0, indent=indent)
        for label, text in zip(labels, items, strict=True)
    ]


def _roman(n: int) -> str:
    out = ""
    for value, letters in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        while n >= value:
            out += letters
            n -= value
    return out


def judul(f: PerbupFacts) -> list[str]:
    year = str(f.enacted_on.year) if f.enacted_on else BLANK
    return [
        f"PERATURAN {BUPATI}",
        f"NOMOR {f.enacted_number or BLANK} TAHUN {year}",
        "TENTANG",
        f.title.upper(),
    ]


def _pasal_blocks(
    pasal: Pasal, params: PolicyParams, labels: Mapping[str, str] | None = None
) -> list[Text]:
    def ayat_text(key: str, params: PolicyParams) -> str:
        return clause(key, params, labels)

    blocks: list[Text] = [_c(f"Pasal {pasal.number}", bold=True, after=1.0)]
    single = list(pasal.ayat) == [0]
    numbered = sorted(pasal.ayat)
    last = numbered[-1] if numbered else 0
    for ayat in range(1 if not single else numbered[0], last + 1):
        items = pasal.ayat.get(ayat)
        label = "" if single else f"({ayat})"
        if items is None:
            blocks.append(
                Text(
                    "(Rumusan ayat ini belum ada dalam data kebijakan.)",
                    label=label,
                    label_width=10.0,
                )
            )
            continue
        lettered = [(h, k) for h, k in items if h]
        plain = [k for h, k in items if not h]
        for key in plain:
            blocks.append(
                Text(ayat_text(key, params), label=label, label_width=10.0 if label else 0)
            )
            label = ""
        if lettered:
            topic = topic_of(lettered[0][1])
            intro = LIST_INTROS.get(topic, "Ketentuan sebagai berikut:")
            if not plain:
                blocks.append(Text(intro, label=label, label_width=10.0 if label else 0))
            for huruf, key in lettered:
                blocks.append(
                    Text(
                        ayat_text(key, params),
                        label=f"{huruf}.",
                        label_width=7.0,
                        indent=10.0 if not single else 0.0,
                    )
                )
    return blocks


def _signature(place: str, day: date | None, verb: str, office: str) -> list[Text]:
    when = day_words(day) if day else BLANK
    return [
        Text(f"{verb} di {place}", align="left", indent=85.0, space_after=0),
        Text(f"pada tanggal {when}", align="left", indent=85.0, space_after=4),
        Text(office, align="left", indent=85.0, bold=True, space_after=18),
        Text("ttd.", align="left", indent=85.0, space_after=0),
        Text("………………………………", align="left", indent=85.0, space_after=6),
    ]


def perbup_document(f: PerbupFacts) -> tuple[Document, Layout]:
    """The draft as a printable document, and where each parameter stands in it."""
    params = f.params
    plan = layout(params)
    blocks: list[Text | Table | PageBreak] = []
    if not f.in_force:
        blocks.append(Text(f"RANCANGAN — {f.label}", align="right", size=8, space_after=4))
    title_lines = judul(f)
    for i, line in enumerate(title_lines):
        blocks.append(_c(line, bold=True, size=12, after=1.0 if i < len(title_lines) - 1 else 6))
    blocks.append(_c("DENGAN RAHMAT TUHAN YANG MAHA ESA", bold=True, after=4))
    blocks.append(_c(f"{BUPATI},", bold=True, after=4))
    menimbang = [*MENIMBANG]
    menimbang.append(
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu "
        f"menetapkan Peraturan Bupati tentang {f.title};"
    )
    blocks.append(Text("Menimbang:", bold=True, align="left", space_after=1, keep_with_next=True))
    letters = [f"{c}." for c in "abcdefghij"[: len(menimbang)]]
    blocks += _numbered(menimbang, letters, indent=6.0)
    blocks.append(
        Text(
            "Mengingat:",
            bold=True,
            align="left",
            space_before=2,
            space_after=1,
            keep_with_next=True,
        )
    )
    blocks += _numbered(MENGINGAT, [f"{i}." for i in range(1, len(MENGINGAT) + 1)], indent=6.0)
    blocks.append(_c("MEMUTUSKAN:", bold=True, after=2))
    blocks.append(
        Text(f"Menetapkan: PERATURAN BUPATI TENTANG {f.title.upper()}.", bold=True, space_after=6)
    )
    # Batang tubuh
    chapter_no = 0
    opened: set[str] = set()

    def open_chapter(key: str) -> None:
        nonlocal chapter_no
        if key in opened:
            return
        opened.add(key)
        chapter_no += 1
        blocks.append(
            Text(
                f"BAB {_roman(chapter_no)}",
                align="center",
                bold=True,
                space_before=4,
                space_after=0.5,
                keep_with_next=True,
            )
        )
        blocks.append(_c(dict(CHAPTERS)[key], bold=True, after=3))

    open_chapter("general")
    blocks.append(_c("Pasal 1", bold=True, after=1.0))
    blocks.append(Text("Dalam Peraturan Bupati ini yang dimaksud dengan:"))
    blocks += _numbered(DEFINITIONS, [f"{i}." for i in range(1, len(DEFINITIONS) + 1)], 0.0)
    for pasal in plan.pasals:
        open_chapter(pasal.chapter)
        blocks += _pasal_blocks(pasal, params, f.labels)
    closing = (plan.pasals[-1].number if plan.pasals else 1) + 1
    open_chapter("closing")
    blocks.append(_c(f"Pasal {closing}", bold=True, after=1.0))
    blocks.append(
        Text(f"Peraturan Bupati ini mulai berlaku pada tanggal {day_words(f.effective_from)}.")
    )
    blocks.append(
        Text(
            "Agar setiap orang mengetahuinya, memerintahkan pengundangan Peraturan Bupati ini "
            "dengan penempatannya dalam Berita Daerah Kabupaten Kutai Kartanegara.",
            space_after=6,
        )
    )
    blocks += _signature(SEAT, f.enacted_on, "Ditetapkan", f"{BUPATI},")
    blocks += _signature(SEAT, f.promulgated_on, "Diundangkan", f"SEKRETARIS DAERAH {REGENCY},")
    year = str(f.gazette_year) if f.gazette_year else BLANK
    blocks.append(
        Text(
            f"BERITA DAERAH {REGENCY} TAHUN {year} NOMOR {f.gazette_number or BLANK}",
            bold=True,
            align="left",
            space_before=4,
        )
    )
    # Lampiran
    blocks.append(PageBreak())
    head = ["LAMPIRAN", *[line.title() if i != 3 else line for i, line in enumerate(judul(f))]]
    head[1] = f"PERATURAN {BUPATI}"
    for line in head:
        blocks.append(Text(line, align="left", indent=80.0, size=9, space_after=0.5))
    blocks.append(
        _c(
            "DAFTAR JABATAN YANG DAPAT MELAKSANAKAN TUGAS KEDINASAN SECARA FLEKSIBEL "
            "BERDASARKAN LOKASI",
            bold=True,
            after=1.0,
        )
    )
    blocks.append(
        _c(
            "Kelas jabatan menurut pemetaan tugas jabatan: Sepenuhnya = jabatan yang tugasnya "
            "dapat dilaksanakan secara fleksibel; Sebagian = sebagian tugasnya.",
            size=8,
            after=4,
        )
    )
    if not f.lampiran:
        blocks.append(
            Text("Belum ada jabatan yang kelasnya memungkinkan tugas kedinasan secara fleksibel.")
        )
    for agency in f.lampiran:
        blocks.append(
            Text(agency.name.upper(), bold=True, align="left", space_before=2, keep_with_next=True)
        )
        blocks.append(
            Table(
                header=("No.", "Jabatan", "Unit kerja", "Kelas"),
                rows=tuple(
                    (
                        str(i),
                        r.position,
                        r.unit,
                        CLASS_SHORT.get(r.position_class, r.position_class),
                    )
                    for i, r in enumerate(agency.rows, start=1)
                ),
                widths=(0.08, 0.44, 0.33, 0.15),
            )
        )
    blocks.append(
        Text(f"{BUPATI},", align="left", indent=85.0, bold=True, space_before=6, space_after=18)
    )
    blocks.append(Text("………………………………", align="left", indent=85.0))
    if plan.notes or not f.in_force:
        blocks.append(PageBreak())
        blocks.append(
            Text("CATATAN PENYUSUN (bukan bagian dari rancangan)", bold=True, align="left")
        )
        blocks += _numbered(
            [DRAFTER_NOTE, *plan.notes],
            [f"{i}." for i in range(1, len(plan.notes) + 2)],
            indent=0.0,
        )
    document = Document(
        title=f"Peraturan Bupati tentang {f.title}",
        blocks=tuple(blocks),
        footer=f"Rancangan Peraturan Bupati — {f.label}" if not f.in_force else "",
    )
    return document, plan


def pasal_numbers(plan: Layout) -> list[int]:
    """Every Pasal of the draft, the closing one included."""
    numbers = [1, *(p.number for p in plan.pasals)]
    return [*numbers, numbers[-1] + 1]


def group_lampiran(rows: list[tuple[str, str, str, str]]) -> tuple[LampiranAgency, ...]:
    """(agency, unit, position, class) rows → agencies in order, their positions sorted."""
    by_agency: dict[str, list[LampiranRow]] = defaultdict(list)
    for agency, unit, position, cls in rows:
        by_agency[agency].append(LampiranRow(position=position, unit=unit, position_class=cls))
    return tuple(
        LampiranAgency(name, tuple(sorted(items, key=lambda r: (r.unit, r.position))))
        for name, items in sorted(by_agency.items())
    )
