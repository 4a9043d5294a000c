"""The demo's policy: a published Perbup in force from the seeding day (with a history: from
the history's WFA start), a draft amendment to try in the what-if simulation, a Ramadan
period and the national WFA windows of 2025."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from fleksi.accounts.models import User
from fleksi.audit.services import AGENCY_STREAM, Change, audit_record
from fleksi.demo.models import DemoAccount
from fleksi.demo.services.worktime import demo_patterns_write
from fleksi.org.models import Unit
from fleksi.policy.models import NationalWfaWindow, PolicyVersion, RamadanPeriod
from fleksi.policy.selectors import params_of
from fleksi.policy.services import (
    policy_draft_create,
    policy_draft_update,
    policy_publish,
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
    policy_publish(actor=sekda, version=version)
    if in_force is not None and in_force < today:
        _in_force_since(version, in_force)
    amendment = policy_draft_create(
        actor=bkpsdm,
        regulation_number=AMENDMENT,
        title="Perubahan kuota dan masa tunggu pegawai baru",
        effective_from=today + timedelta(days=30),
        based_on=version,
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


def _in_force_since(version: PolicyVersion, day: date) -> None:
    published = datetime.combine(day - timedelta(days=14), time(10), tzinfo=UTC)
    PolicyVersion.objects.filter(pk=version.pk).update(effective_from=day, published_at=published)
    audit_record(
        actor=None,
        stream=AGENCY_STREAM,
        change=Change(
            action="demo.seed",
            object_type="policy.version",
            object_id=str(version.pk),
            object_repr=version.regulation_number,
            before={"effective_from": version.effective_from},
            after={"effective_from": day},
        ),
    )
