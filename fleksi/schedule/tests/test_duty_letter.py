"""Dinas luar needs a surat tugas (number, date, file); without one its days count towards
the weekly maximum (PermenPANRB 4/2025 Pasal 13 exempts duties that must be done outside the
office — the surat tugas is what shows it)."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from fleksi.common.errors import ValidationFailed
from fleksi.schedule.models import WfaRequest
from fleksi.schedule.tests.test_requests import statuses, submit

pytestmark = pytest.mark.django_db

LETTER = b"%PDF-1.7\nSurat Tugas Nomor 094/123/Bappeda\n%%EOF"


def pdf():
    return SimpleUploadedFile("Surat Tugas.pdf", LETTER, content_type="application/pdf")


def week(wfa):
    return [wfa.monday + timedelta(days=i) for i in (1, 2, 3)]


def test_without_a_surat_tugas_the_third_day_of_dinas_luar_is_refused(wfa):
    tue, wed, thu = week(wfa)
    request = submit(wfa, "staff_b1", [tue, wed, thu], kind="official_duty")
    assert statuses(request) == {tue: "pending", wed: "pending", thu: "refused"}
    failure = [r for r in request.days.get(day=thu).trace["rules"] if r["outcome"] == "fail"]
    assert [r["rule"] for r in failure] == ["weekly_cap"]
    assert "surat tugas" in failure[0]["message_id"]


def test_with_a_surat_tugas_dinas_luar_is_not_limited_per_week(wfa):
    tue, wed, thu = week(wfa)
    request = submit(
        wfa,
        "staff_b1",
        [tue, wed, thu],
        kind="official_duty",
        duty_letter_number="094/123/Bappeda",
        duty_letter_date=wfa.monday - timedelta(days=7),
        duty_letter=pdf(),
    )
    assert set(statuses(request).values()) == {"pending"}
    request.refresh_from_db()
    assert request.duty_letter_number == "094/123/Bappeda"
    assert request.duty_letter_sha256 == hashlib.sha256(LETTER).hexdigest()
    assert request.duty_letter.read() == LETTER


@pytest.mark.parametrize(
    ("kind", "given"),
    [
        ("official_duty", {"duty_letter_number": "094/1"}),
        ("official_duty", {"duty_letter_number": "094/1", "duty_letter": "file"}),
        ("regular", {"duty_letter_number": "094/1", "duty_letter_date": "date", "duty_letter": 1}),
    ],
)
def test_an_incomplete_or_misplaced_surat_tugas_is_refused(wfa, kind, given):
    tue = week(wfa)[0]
    kw = dict(given)
    if "duty_letter" in kw:
        kw["duty_letter"] = pdf()
    if "duty_letter_date" in kw:
        kw["duty_letter_date"] = wfa.monday - timedelta(days=7)
    with pytest.raises(ValidationFailed) as caught:
        submit(wfa, "staff_b1", [tue], kind=kind, **kw)
    assert "duty_letter" in caught.value.params["errors"]
    assert not WfaRequest.objects.exists()


def test_the_database_keeps_a_surat_tugas_whole(wfa):
    request = submit(wfa, "staff_b1", [week(wfa)[0]], kind="official_duty")
    with pytest.raises(IntegrityError), transaction.atomic():
        WfaRequest.objects.filter(pk=request.pk).update(duty_letter_number="094/1")
