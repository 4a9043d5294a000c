"""The Perbup's legal path: draft → harmonisation → paraf → ditetapkan → diundangkan → in
force; out-of-order steps refused with nothing written; amendments and revocations are
versions; the signed PDF is kept with its SHA-256."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta
from functools import partial
from zoneinfo import ZoneInfo

import pytest
from django.db import connection

from fleksi.audit.models import AuditEntry
from fleksi.common.errors import Conflict, ServiceError, ValidationFailed
from fleksi.policy import services_legal as legal
from fleksi.policy.models import HarmonisationNote, LegalStep, PolicyVersion, SignedDocument
from fleksi.policy.selectors import version_in_force
from fleksi.policy.services import policy_draft_create, policy_draft_update
from fleksi.testkit.policy import SIGNED_PDF, signed_pdf, through_legal_path
from fleksi.testkit.races import at_once

# A Monday morning in WITA; the drafts come into force two weeks later.
MOMENT = datetime(2027, 3, 1, 9, 0, tzinfo=ZoneInfo("Asia/Makassar"))
TODAY = date(2027, 3, 1)
START = date(2027, 3, 15)
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(MOMENT)]


def new_draft(world, start=START):
    return policy_draft_create(
        actor=world.user("bkpsdm"),
        regulation_number="Rancangan Perbup WFA",
        title="Pelaksanaan Fleksibilitas Kerja",
        effective_from=start,
    )


def steps_of(version):
    return list(LegalStep.objects.filter(version=version).values_list("step", flat=True))


def test_the_whole_path_ends_in_force_on_its_date_with_its_signed_pdf(world):
    v = new_draft(world)
    v = legal.legal_submit(actor=world.user("bkpsdm"), version=v)
    assert (v.stage, v.harmonisation_round) == ("harmonisation", 1)
    legal.legal_note_add(
        actor=world.user("hukum"),
        version=v,
        target_key="max_wfa_days_per_week",
        text="Sebutkan dasar Pasal 13 PermenPANRB 4/2025.",
    )
    legal.legal_note_add(
        actor=world.user("hukum"), version=v, target_key="Pasal 5 ayat (2)", text="Rumusan ayat."
    )
    v = legal.legal_return(actor=world.user("hukum"), version=v)
    assert v.stage == "drafting"
    policy_draft_update(actor=world.user("bkpsdm"), version=v, notes="Diperbaiki sesuai catatan.")
    v = legal.legal_submit(actor=world.user("bkpsdm"), version=v)
    assert v.harmonisation_round == 2
    v = legal.legal_clear(actor=world.user("hukum"), version=v, note="Sudah harmonis.")
    v = legal.legal_initial(actor=world.user("sekda"), version=v)
    v = legal.legal_enact(actor=world.user("bupati"), version=v, number="18", enacted_on=TODAY)
    assert v.regulation_number == "Peraturan Bupati Nomor 18 Tahun 2027"
    assert version_in_force(START) is None  # enacted is not yet in force
    doc = legal.legal_document_upload(actor=world.user("hukum"), version=v, upload=signed_pdf())
    assert doc.sha256 == hashlib.sha256(SIGNED_PDF).hexdigest()
    assert doc.size == len(SIGNED_PDF)
    with doc.file.open("rb") as f:
        assert f.read() == SIGNED_PDF
    v = legal.legal_promulgate(
        actor=world.user("sekda"), version=v, gazette_number="18", promulgated_on=TODAY
    )
    assert (v.stage, v.status, v.gazette_year) == ("promulgated", "published", 2027)
    assert v.approver == world.user("sekda")
    # In force on its date, not before: read through the cached selector.
    assert version_in_force(START - timedelta(days=1)) is None
    in_force = version_in_force(START)
    assert in_force is not None
    assert in_force.pk == v.pk
    assert steps_of(v) == [
        "submit",
        "return",
        "submit",
        "clear",
        "initial",
        "enact",
        "promulgate",
    ]
    assert HarmonisationNote.objects.filter(version=v, round=1).count() == 2
    actions = set(
        AuditEntry.objects.filter(object_type="policy.version", object_id=str(v.pk)).values_list(
            "action", flat=True
        )
    )
    assert {
        "policy.version.legal.submit",
        "policy.version.legal.comment",
        "policy.version.legal.return",
        "policy.version.legal.enact",
        "policy.version.legal.signed_document",
        "policy.version.legal.promulgate",
        "policy.version.publish",
    } <= actions


def test_out_of_order_steps_are_refused_and_nothing_is_written(world):
    v = new_draft(world)
    audit_before = AuditEntry.objects.count()
    with pytest.raises(Conflict) as exc:
        legal.legal_enact(actor=world.user("bupati"), version=v, number="3", enacted_on=TODAY)
    assert exc.value.code == "legal_out_of_order"
    assert "Being drafted" in exc.value.message or "disusun" in exc.value.message
    for step in (legal.legal_clear, legal.legal_initial, legal.legal_return):
        with pytest.raises(Conflict):
            step(actor=world.user("sekda"), version=v)
    with pytest.raises(Conflict):
        legal.legal_promulgate(
            actor=world.user("sekda"), version=v, gazette_number="1", promulgated_on=TODAY
        )
    v.refresh_from_db()
    assert (v.stage, v.enacted_number, v.status) == ("drafting", "", "draft")
    assert not LegalStep.objects.filter(version=v).exists()
    assert AuditEntry.objects.count() == audit_before


def test_the_text_is_frozen_from_submission_until_returned(world):
    v = legal.legal_submit(actor=world.user("bkpsdm"), version=new_draft(world))
    with pytest.raises(Conflict) as exc:
        policy_draft_update(actor=world.user("bkpsdm"), version=v, notes="diam-diam")
    assert exc.value.code == "policy_in_legal_path"
    with pytest.raises(ValidationFailed) as exc2:
        legal.legal_return(actor=world.user("hukum"), version=v)
    assert exc2.value.code == "legal_return_reason"
    legal.legal_return(actor=world.user("hukum"), version=v, note="Konsiderans belum lengkap.")
    policy_draft_update(actor=world.user("bkpsdm"), version=v, notes="diperbaiki")


def test_comments_need_a_known_target_and_harmonisation(world):
    v = new_draft(world)
    with pytest.raises(Conflict):
        legal.legal_note_add(actor=world.user("hukum"), version=v, target_key="", text="x")
    legal.legal_submit(actor=world.user("bkpsdm"), version=v)
    with pytest.raises(ValidationFailed):
        legal.legal_note_add(actor=world.user("hukum"), version=v, target_key="nope", text="x")
    with pytest.raises(ValidationFailed):
        legal.legal_note_add(actor=world.user("hukum"), version=v, target_key="", text="  ")
    note = legal.legal_note_add(actor=world.user("hukum"), version=v, target_key="", text="Umum")
    assert note.round == 1


def test_enactment_checks_its_number_and_date(world):
    first = through_legal_path(world, new_draft(world), until="enact", number="18")
    v = through_legal_path(world, new_draft(world, START + timedelta(days=30)), until="initial")
    for number, day, code in [
        ("18", TODAY, "legal_number_taken"),
        ("abc", TODAY, "legal_number"),
        ("19", TODAY + timedelta(days=1), "legal_date_future"),
        ("19", TODAY - timedelta(days=1), "legal_date_order"),
    ]:
        with pytest.raises(ServiceError) as exc:
            legal.legal_enact(actor=world.user("bupati"), version=v, number=number, enacted_on=day)
        assert exc.value.code == code
    v.refresh_from_db()
    assert (v.stage, v.enacted_number) == ("initialled", "")
    assert first.enacted_number == "18"


def test_promulgation_never_brings_a_text_into_force_before_it(world):
    v = through_legal_path(world, new_draft(world, TODAY), until="enact")
    with pytest.raises(ServiceError) as exc:
        legal.legal_promulgate(
            actor=world.user("sekda"),
            version=v,
            gazette_number="4",
            promulgated_on=TODAY,
            effective_from=TODAY - timedelta(days=1),
        )
    assert exc.value.code == "legal_effective_early"
    v.refresh_from_db()
    assert (v.stage, v.gazette_number, v.status) == ("enacted", "", "draft")


def test_the_signed_document_must_be_a_bounded_pdf_of_an_enacted_version(world, settings):
    v = new_draft(world)
    with pytest.raises(Conflict):
        legal.legal_document_upload(actor=world.user("hukum"), version=v, upload=signed_pdf())
    v = through_legal_path(world, v, until="enact")
    with pytest.raises(ValidationFailed) as exc:
        legal.legal_document_upload(
            actor=world.user("hukum"), version=v, upload=signed_pdf("x.pdf", b"PK\x03\x04 zip")
        )
    assert exc.value.code == "legal_document_type"
    with pytest.raises(ValidationFailed) as exc:
        legal.legal_document_upload(
            actor=world.user("hukum"), version=v, upload=signed_pdf("x.pdf", b"")
        )
    assert exc.value.code == "legal_document_size"
    monkey = pytest.MonkeyPatch()
    monkey.setattr(legal, "MAX_SIGNED_BYTES", 10)
    try:
        with pytest.raises(ValidationFailed) as exc:
            legal.legal_document_upload(actor=world.user("hukum"), version=v, upload=signed_pdf())
    finally:
        monkey.undo()
    assert exc.value.code == "legal_document_size"
    assert not SignedDocument.objects.filter(version=v).exists()


def test_an_amendment_is_a_new_version_that_supersedes_on_its_date(world):
    first = through_legal_path(world, new_draft(world), number="18", gazette="18")
    amendment = legal.policy_amendment_create(
        actor=world.user("bkpsdm"), of=first, effective_from=START + timedelta(days=30)
    )
    assert amendment.kind == "amendment"
    assert amendment.title.startswith("Perubahan atas Peraturan Bupati Nomor 18 Tahun 2027")
    with pytest.raises(Conflict):
        legal.policy_amendment_create(
            actor=world.user("bkpsdm"), of=amendment, effective_from=START
        )
    amendment = through_legal_path(world, amendment, number="25", gazette="25")
    first.refresh_from_db()
    assert first.effective_to == START + timedelta(days=29)
    assert version_in_force(START).pk == first.pk
    assert version_in_force(START + timedelta(days=30)).pk == amendment.pk


def test_a_revocation_is_a_version_and_stops_the_rules_from_its_date(world):
    first = through_legal_path(world, new_draft(world), number="18", gazette="18")
    end = START + timedelta(days=60)
    revocation = legal.policy_revocation_create(
        actor=world.user("bkpsdm"), of=first, effective_from=end
    )
    assert revocation.kind == "revocation"
    assert revocation.revokes_id == first.pk
    assert revocation.title.startswith("Pencabutan Peraturan Bupati Nomor 18 Tahun 2027")
    assert version_in_force(end).pk == first.pk  # (cached now: the promulgation must show)
    through_legal_path(world, revocation, number="30", gazette="30")
    assert version_in_force(end - timedelta(days=1)).pk == first.pk
    assert version_in_force(end) is None
    assert PolicyVersion.objects.get(pk=first.pk).status == "superseded"


@pytest.mark.django_db(transaction=True)
def test_two_bupati_enacting_at_once_enact_once(world):
    """Two holders of the Bupati role act on the same initialled draft at the same instant:
    one enacts it, the other is told it has moved on; one number, one step, one entry."""
    from fleksi.accounts.services import role_assign, user_create

    second = user_create(actor=None, username="bupati2", password="x-uji-2026-panjang")
    role_assign(actor=None, user=second, role="bupati")
    v = through_legal_path(world, new_draft(world), until="initial")
    outcomes = at_once(
        partial(
            legal.legal_enact,
            actor=world.user("bupati"),
            version=v,
            number="18",
            enacted_on=TODAY,
        ),
        partial(legal.legal_enact, actor=second, version=v, number="19", enacted_on=TODAY),
    )
    assert sorted(outcomes) == ["legal_out_of_order", "ok"], (outcomes, connection.vendor)
    v.refresh_from_db()
    assert v.stage == "enacted"
    assert v.enacted_number in {"18", "19"}
    assert LegalStep.objects.filter(version=v, step="enact").count() == 1
    assert (
        AuditEntry.objects.filter(object_id=str(v.pk), action="policy.version.legal.enact").count()
        == 1
    )
