"""The demo's policy: a Perbup that went through its legal path (drafted, harmonised with a
round returned by the Bagian Hukum, initialled, enacted, promulgated, with its signed PDF) and
is in force from the seeding day (with a history: from the history's WFA start), a draft
amendment in harmonisation to try in the what-if simulation, a Ramadan period and the
national WFA windows of 2025."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from fleksi.accounts.models import User
from fleksi.audit.services import AGENCY_STREAM, Change, audit_record
from fleksi.demo.models import DemoAccount
from fleksi.demo.services.worktime import demo_patterns_write
from fleksi.org.models import Unit
from fleksi.policy import services_legal as legal
from fleksi.policy.models import LegalStep, NationalWfaWindow, PolicyVersion, RamadanPeriod
from fleksi.policy.selectors import params_of
from fleksi.policy.services import (
    policy_draft_create,
    policy_draft_update,
    policy_unit_override_set,
)

# Kukar has not enacted a Perbup on flexible work (late 2025): the demo's policy is visibly an
# example, with no number or year that could be taken for a real Perbup (kukar-facts.md).
PERBUP = "Contoh Perbup (ilustrasi, bukan peraturan yang berlaku)"
PERBUP_TITLE = (
    "Pelaksanaan Tugas Kedinasan Pegawai ASN secara Fleksibel di Lingkungan Pemerintah "
    "Kabupaten Kutai Kartanegara"
)
AMENDMENT = "Contoh Rancangan Perubahan atas Contoh Perbup"
# The numbers the example shows where a real Perbup shows its Perbup and Berita Daerah numbers.
EXAMPLE_NUMBER = "CONTOH"
# A stand-in for the PDF signed in SRIKANDI (a real one carries the BSrE signature).
SIGNED_EXAMPLE = (
    b"%PDF-1.4\n% Contoh Perbup (ilustrasi, bukan peraturan yang berlaku): tanpa tanda tangan\n"
    b"%%EOF\n"
)
# Days before the Perbup comes into force on which each step of its legal path happened.
PATH_DAYS = {
    "submit": 45,
    "return": 41,
    "submit#2": 35,
    "clear": 30,
    "initial": 25,
    "enact": 21,
    "promulgate": 14,
}


def _account(persona: str) -> User:
    return DemoAccount.objects.select_related("user").get(persona=persona).user


def demo_policy_write(
    *, today: date, counter_unit_key: str, unit_ids: dict[str, int], in_force: date | None = None
) -> int:
    """Write the demo policy through the policy services; returns the versions written.

    ``in_force`` (before ``today``): the Perbup has been in force since that day. Publishing
    refuses a start in the past, as it must, so the version is published from today and then
    recorded as in force since ``in_force`` (the history the demo invents), with an audit
    entry saying so."""
    bkpsdm, sekda = _account("bkpsdm"), _account("sekda")
    hukum, bupati = _account("hukum"), _account("bupati")
    version = policy_draft_create(
        actor=bkpsdm, regulation_number=PERBUP, title=PERBUP_TITLE, effective_from=today
    )
    articles = {
        "max_wfa_days_per_week": "Pasal 6 ayat (1)",
        "default_max_offsite_share": "Pasal 7 ayat (1)",
        "min_onsite_public_service": "Pasal 8",
        "allowed_asn_types": "Pasal 4 ayat (1)",
        "probation_after_appointment_months": "Pasal 4 ayat (2) huruf a",
    }
    policy_draft_update(
        actor=bkpsdm, version=version, params={**version.params, "articles": articles}
    )
    counters = Unit.objects.get(pk=unit_ids[counter_unit_key])
    policy_unit_override_set(
        actor=bkpsdm,
        version=version,
        unit=counters,
        max_offsite_share=Decimal("0"),
        min_onsite_staff=4,
        reason="Loket KTP-el dan KK melayani sejak 07.30",
    )
    demo_patterns_write(actor=bkpsdm, version=version)
    version = _legal_path(version, bkpsdm=bkpsdm, hukum=hukum, sekda=sekda, bupati=bupati)
    start = in_force if in_force is not None and in_force < today else today
    _dated_as_example(version, start, today)
    version.refresh_from_db()
    amendment = legal.policy_amendment_create(
        actor=bkpsdm, of=version, effective_from=today + timedelta(days=30)
    )
    params = params_of(amendment)
    policy_draft_update(
        actor=bkpsdm,
        version=amendment,
        params={
            **amendment.params,
            "default_max_offsite_share": 0.4,
            "probation_after_appointment_months": 6,
            "min_last_rating": "baik" if params.min_last_rating else "",
            "allowed_asn_types": ["pns", "cpns", "pppk", "pppk_pw"],
        },
        notes="Uji coba: kuota 40 % dan CPNS boleh WFA setelah 6 bulan.",
        regulation_number=AMENDMENT,
    )
    # In harmonisation: the Bagian Hukum's first comment; the what-if simulation stays open.
    legal.legal_submit(actor=bkpsdm, version=amendment)
    legal.legal_note_add(
        actor=hukum,
        version=amendment,
        target_key="default_max_offsite_share",
        text="Kenaikan kuota ke 40 % perlu data pemantauan Pasal 35 sebagai dasar pertimbangan.",
    )
    RamadanPeriod.objects.get_or_create(start=date(2027, 2, 8), end=date(2027, 3, 9))
    NationalWfaWindow.objects.get_or_create(
        name="WFA menjelang Idulfitri 2025",
        reference="SE MenPANRB 2/2025",
        start=date(2025, 3, 24),
        end=date(2025, 3, 27),
        defaults={"decision": NationalWfaWindow.Decision.DECLINED, "decided_by": sekda},
    )
    NationalWfaWindow.objects.get_or_create(
        name="WFA akhir tahun 2025",
        reference="B/531/2025",
        start=date(2025, 12, 29),
        end=date(2025, 12, 31),
        defaults={"decision": NationalWfaWindow.Decision.PENDING},
    )
    return 2


def _legal_path(
    version: PolicyVersion, *, bkpsdm: User, hukum: User, sekda: User, bupati: User
) -> PolicyVersion:
    """The Perbup's legal path through the real services, each step by its role."""
    version = legal.legal_submit(actor=bkpsdm, version=version)
    legal.legal_note_add(
        actor=hukum,
        version=version,
        target_key="Pasal 6 ayat (1)",
        text="Rumuskan batas dua hari per minggu sesuai Pasal 13 PermenPANRB 4/2025.",
    )
    version = legal.legal_return(actor=hukum, version=version)
    version = legal.legal_submit(
        actor=bkpsdm, version=version, note="Pasal 6 ayat (1) dirumuskan ulang."
    )
    version = legal.legal_clear(actor=hukum, version=version)
    version = legal.legal_initial(actor=sekda, version=version)
    today = version.effective_from
    version = legal.legal_enact(actor=bupati, version=version, number="1", enacted_on=today)
    legal.legal_document_upload(
        actor=hukum,
        version=version,
        upload=SimpleUploadedFile("contoh-perbup-ttd.pdf", SIGNED_EXAMPLE, "application/pdf"),
    )
    return legal.legal_promulgate(
        actor=sekda, version=version, gazette_number="1", promulgated_on=today
    )


def _dated_as_example(version: PolicyVersion, start: date, today: date) -> None:
    """The history the demo invents: the legal path ran in the weeks before ``start`` (the
    day the Perbup came into force), and the example shows no number that could be taken
    for a real Perbup (kukar-facts.md). The services refuse dates in the past, as they must,
    so the steps happened today and are recorded here as earlier, with an audit entry."""

    def at(key: str) -> datetime:
        return datetime.combine(start - timedelta(days=PATH_DAYS[key]), time(10), tzinfo=UTC)

    submits = 0
    for step in LegalStep.objects.filter(version=version).order_by("at", "id"):
        key = step.step
        if key == "submit":
            submits += 1
            key = "submit" if submits == 1 else "submit#2"
        data = {
            k: EXAMPLE_NUMBER if k in ("number", "gazette_number") else v
            for k, v in step.data.items()
        }
        if "enacted_on" in data:
            data["enacted_on"] = at("enact").date().isoformat()
        if "promulgated_on" in data:
            data["promulgated_on"] = at("promulgate").date().isoformat()
        if "effective_from" in data:
            data["effective_from"] = start.isoformat()
        LegalStep.objects.filter(pk=step.pk).update(at=at(key), data=data)
    version.harmonisation_notes.update(created_at=at("return") - timedelta(hours=2))
    version.signed_documents.update(uploaded_at=at("promulgate") - timedelta(hours=3))
    PolicyVersion.objects.filter(pk=version.pk).update(
        regulation_number=PERBUP,
        enacted_number=EXAMPLE_NUMBER,
        enacted_on=at("enact").date(),
        gazette_number=EXAMPLE_NUMBER,
        promulgated_on=at("promulgate").date(),
        effective_from=start,
        published_at=at("promulgate"),
    )
    audit_record(
        actor=None,
        stream=AGENCY_STREAM,
        change=Change(
            action="demo.seed",
            object_type="policy.version",
            object_id=str(version.pk),
            object_repr=PERBUP,
            before={
                "effective_from": today,
                "regulation_number": version.regulation_number,
                "enacted_number": version.enacted_number,
                "gazette_number": version.gazette_number,
            },
            after={
                "effective_from": start,
                "regulation_number": PERBUP,
                "enacted_number": EXAMPLE_NUMBER,
                "gazette_number": EXAMPLE_NUMBER,
                "legal_path_from": at("submit").date(),
            },
        ),
    )
