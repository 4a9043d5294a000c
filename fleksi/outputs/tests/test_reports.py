"""Reports with evidence (limits, content, hashing, private storage), revision after a
return, rejection, bulk acceptance and escalation of late verifications."""

import hashlib
from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from fleksi.common.errors import Conflict, NotAllowed, ValidationFailed
from fleksi.notify.models import Notification
from fleksi.outputs.domain.evidence import MAX_BYTES
from fleksi.outputs.models import OutputReport, Verification
from fleksi.outputs.services import (
    planned_output_create,
    report_revise,
    report_submit,
    report_verify,
    reports_accept,
    verifications_escalate_overdue,
)
from fleksi.outputs.tests.conftest import PDF, PNG, office, pdf, png

pytestmark = pytest.mark.django_db


def submit(w, who="staff_b1", day=None, **kw):
    kw.setdefault("evidence", png())
    return report_submit(
        actor=w.user(who),
        employee=w.people[who],
        day=day or timezone.localdate(),
        quantity=kw.pop("quantity", Decimal(1)),
        description=kw.pop("description", "Notulen"),
        unit=kw.pop("unit", "dokumen"),
        **kw,
    )


def test_an_evidence_file_is_hashed_and_stored_under_a_random_name(wfa):
    report = submit(wfa, evidence=pdf("Surat Tugas (final).pdf"))
    assert report.evidence_sha256 == hashlib.sha256(PDF).hexdigest()
    assert (report.evidence_type, report.evidence_size) == ("pdf", len(PDF))
    assert report.evidence_name == "Surat_Tugas_final_.pdf"
    assert "Surat" not in report.evidence.name
    assert report.evidence.name.endswith(".pdf")
    assert report.evidence.name.startswith("evidence/outputs/")


@pytest.mark.parametrize(
    ("upload", "code"),
    [
        (SimpleUploadedFile("a.exe", b"MZ" + b"\x00" * 10), "evidence_type"),
        (SimpleUploadedFile("a.png", b"%PDF-1.4 not a png"), "evidence_content"),
        (SimpleUploadedFile("big.png", PNG + b"\x00" * MAX_BYTES), "evidence_size"),
        (SimpleUploadedFile("a.docx", b"PK\x03\x04garbage"), "evidence_content"),
    ],
)
def test_evidence_limits(wfa, upload, code):
    with pytest.raises(ValidationFailed) as err:
        submit(wfa, evidence=upload)
    assert err.value.code == code
    assert not OutputReport.objects.exists()


def test_office_files_and_links_are_evidence(wfa):
    assert submit(wfa, evidence=office("rekap.xlsx", "xl/workbook.xml")).evidence_type == "xlsx"
    assert submit(wfa, evidence=office("kajian.docx", "word/document.xml")).evidence_type == "docx"
    link = submit(wfa, evidence=None, evidence_url="https://srikandi.arsip.go.id/naskah/77")
    assert (link.evidence, link.evidence_url) == ("", "https://srikandi.arsip.go.id/naskah/77")
    with pytest.raises(ValidationFailed) as err:
        submit(wfa, evidence=None, evidence_url="javascript:alert(1)")
    assert err.value.code == "evidence_url"
    with pytest.raises(ValidationFailed) as err:
        submit(wfa, evidence=None)
    assert "evidence" in err.value.params["errors"]


def test_only_the_employee_reports_and_never_for_a_future_day(wfa):
    with pytest.raises(NotAllowed):
        report_submit(
            actor=wfa.user("head_b"),
            employee=wfa.people["staff_b1"],
            day=timezone.localdate(),
            quantity=Decimal(1),
            description="x",
            unit="dokumen",
            evidence=png(),
        )
    with pytest.raises(ValidationFailed):
        submit(wfa, day=timezone.localdate() + timedelta(days=1))


def test_a_planned_output_is_reported_once(wfa):
    today = timezone.localdate()
    planned = planned_output_create(
        actor=wfa.user("staff_b1"),
        employee=wfa.people["staff_b1"],
        day=today,
        description="Telaah staf",
        target_quantity=Decimal(1),
        unit="dokumen",
    )
    submit(wfa, planned=planned)
    with pytest.raises(Conflict):
        submit(wfa, planned=planned)


def test_return_revise_then_accept(wfa):
    report = submit(wfa)
    with pytest.raises(ValidationFailed):
        report_verify(actor=wfa.user("head_b"), report=report, decision="returned")
    report_verify(
        actor=wfa.user("head_b"),
        report=report,
        decision="returned",
        comment="Lampirkan daftar hadir",
    )
    report.refresh_from_db()
    assert report.status == "returned"
    assert Notification.objects.filter(kind="output.returned").count() == 1
    report_revise(
        actor=wfa.user("staff_b1"),
        report=report,
        quantity=Decimal(2),
        description="Notulen dan daftar hadir",
        evidence=pdf(),
    )
    report.refresh_from_db()
    assert (report.status, report.revision, report.evidence_type) == ("submitted", 1, "pdf")
    assert list(report.verifications.values_list("status", flat=True).order_by("id")) == [
        "returned",
        "pending",
    ]
    report_verify(actor=wfa.user("head_b"), report=report, decision="accepted", quality=95)
    with pytest.raises(Conflict):
        report_revise(
            actor=wfa.user("staff_b1"), report=report, quantity=Decimal(1), description="x"
        )


def test_only_the_verifier_decides(wfa):
    report = submit(wfa)
    for who in ("staff_b1", "staff_b2", "head_a", "sekda"):
        with pytest.raises(NotAllowed):
            report_verify(actor=wfa.user(who), report=report, decision="accepted", quality=90)
    report_verify(
        actor=wfa.user("head_b"), report=report, decision="rejected", comment="Bukan output tugas"
    )
    with pytest.raises(Conflict):
        report_verify(actor=wfa.user("head_b"), report=report, decision="accepted", quality=90)


def test_bulk_accept_is_all_or_nothing(wfa):
    a, b = submit(wfa), submit(wfa, who="staff_b2")
    other = submit(wfa, who="head_b")  # verified by the Sekda, not by head_b
    with pytest.raises(NotAllowed):
        reports_accept(actor=wfa.user("head_b"), report_ids=[a.pk, other.pk], quality=90)
    assert OutputReport.objects.filter(status="accepted").count() == 0
    assert reports_accept(actor=wfa.user("head_b"), report_ids=[a.pk, b.pk], quality=90) == 2
    assert set(
        OutputReport.objects.filter(status="accepted").values_list("quality", flat=True)
    ) == {90}


def test_a_late_verification_escalates_to_the_verifiers_supervisor(wfa):
    report = submit(wfa)
    pending = report.verifications.get()
    assert verifications_escalate_overdue() == 0
    later = pending.due_at + timedelta(minutes=1)
    assert verifications_escalate_overdue(now=later) == 1
    assert verifications_escalate_overdue(now=later) == 0
    levels = list(report.verifications.order_by("id").values_list("level", "verifier", "status"))
    assert levels == [
        (1, wfa.people["head_b"].pk, "escalated"),
        (2, wfa.people["sekda"].pk, "pending"),
    ]
    assert Notification.objects.filter(kind="output.verification_escalated").count() == 2
    with pytest.raises(NotAllowed):
        report_verify(actor=wfa.user("head_b"), report=report, decision="accepted", quality=90)
    report_verify(actor=wfa.user("sekda"), report=report, decision="accepted", quality=90)
    # The Sekda has no supervisor in Fleksi: their own late verifications stay with them.
    top = submit(wfa, who="head_b")
    v = Verification.objects.get(report=top)
    assert verifications_escalate_overdue(now=v.due_at + timedelta(days=30)) == 0


def test_the_evidence_is_downloaded_only_through_the_checking_view(client, wfa):
    report = submit(wfa, evidence=png("foto.png"))
    url = reverse("outputs:evidence", args=[report.pk])
    client.force_login(wfa.user("head_b"))
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PNG
    assert response["Content-Type"] == "image/png"
    assert "attachment" in response["Content-Disposition"]
    client.force_login(wfa.user("staff_b2"))  # a colleague
    assert client.get(url).status_code == 404


# A Wednesday without a holiday: the world and the report are built at this moment.
@pytest.mark.time_machine(
    datetime(2027, 4, 14, 10, 0, tzinfo=ZoneInfo("Asia/Makassar")), tick=False
)
def test_the_api_receives_the_evidence_file_in_the_multipart_body(client, wfa):
    client.force_login(wfa.user("staff_b1"))
    response = client.post(
        reverse("api:outputs_report_create"),
        {
            "day": timezone.localdate().isoformat(),
            "quantity": "1",
            "description": "Notulen rapat",
            "unit": "dokumen",
            "evidence": png(),
        },
    )
    assert response.status_code == 201, response.content
    assert response.json()["evidence_sha256"] == hashlib.sha256(PNG).hexdigest()
    stored = OutputReport.objects.get(pk=response.json()["id"])
    assert stored.evidence.name.startswith("evidence/outputs/")
