"""The application form of a WFA request and the unit head's keputusan: from the data, in
Indonesian, stored with their SHA-256, for the employee's chain and the unit's heads only."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from fleksi.common.domain.document import plain_text
from fleksi.common.errors import ValidationFailed
from fleksi.documents.domain.unitdocs import application_document, days_text, keputusan_document
from fleksi.documents.models import GeneratedDocument
from fleksi.documents.selectors import application_facts, head_title, keputusan_facts
from fleksi.documents.services import document_application_form, document_keputusan
from fleksi.schedule.models import ApprovalStep
from fleksi.schedule.services import PlanItemIn, request_approve, request_submit

MOMENT = datetime(2027, 8, 2, 9, 0, tzinfo=ZoneInfo("Asia/Makassar"))  # a Monday
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(MOMENT)]


def approved(world, who, days):
    request = request_submit(
        actor=world.user(who),
        employee=world.people[who],
        days=days,
        reason="Menyusun kajian di rumah",
        plan=[PlanItemIn("Kajian kebijakan", Decimal("2.5"), "naskah", max(days))],
    )
    step = ApprovalStep.objects.get(request=request, status="pending")
    request_approve(actor=world.user("head_b"), step=step)
    request.refresh_from_db()
    return request


def test_days_are_grouped_by_month():
    days = [date(2027, 3, 3), date(2027, 3, 4), date(2027, 3, 10), date(2027, 4, 2)]
    assert days_text(days) == "3, 4 dan 10 Maret 2027; 2 April 2027"


def test_the_form_carries_the_request_and_its_work_plan(wfa):
    tue = wfa.monday + timedelta(days=1)
    request = approved(wfa, "staff_b1", [tue])
    text = plain_text(application_document(application_facts(request)))
    assert "FORMULIR PERMOHONAN" in text
    assert "Pasal 30" in text
    assert wfa.people["staff_b1"].name in text
    assert wfa.people["staff_b1"].nip in text
    assert "Menyusun kajian di rumah" in text
    assert "Kajian kebijakan | 2,5 | naskah" in text
    assert "disetujui" in text
    assert "WFA reguler" in text
    assert "10 Agustus 2027" in text  # the Tuesday of the next week, in words
    document = document_application_form(actor=wfa.user("staff_b1"), request=request)
    with document.file.open("rb") as f:
        content = f.read()
    assert content.startswith(b"%PDF")
    assert document.sha256 == hashlib.sha256(content).hexdigest()


def test_the_keputusan_lists_who_works_flexibly_in_the_period(wfa):
    tue, wed = wfa.monday + timedelta(days=1), wfa.monday + timedelta(days=2)
    approved(wfa, "staff_b1", [tue, wed])
    unit = wfa.units["b"]
    facts = keputusan_facts(unit, wfa.monday, wfa.monday + timedelta(days=4), on=MOMENT.date())
    assert [r.name for r in facts.rows] == [wfa.people["staff_b1"].name]
    assert facts.rows[0].days == (tue, wed)
    text = plain_text(keputusan_document(facts))
    assert "KEPUTUSAN KEPALA BAPPEDA" in text
    assert "MEMUTUSKAN:" in text
    assert "KESATU:" in text
    assert "10 dan 11 Agustus 2027" in text
    assert "Peraturan Menteri Pendayagunaan Aparatur Negara" in text
    outside = keputusan_facts(
        unit, tue + timedelta(days=7), tue + timedelta(days=9), on=MOMENT.date()
    )
    assert outside.rows == ()
    assert head_title(wfa.units["a"]) == "Kepala Dinas Kependudukan dan Pencatatan Sipil"


def test_a_bad_period_writes_nothing(wfa):
    with pytest.raises(ValidationFailed) as caught:
        document_keputusan(
            actor=wfa.user("head_b"),
            unit=wfa.units["b"],
            start=date(2027, 3, 10),
            end=date(2027, 3, 1),
        )
    assert caught.value.code == "document_period"
    with pytest.raises(ValidationFailed):
        document_keputusan(
            actor=wfa.user("head_b"),
            unit=wfa.units["b"],
            start=date(2027, 1, 1),
            end=date(2028, 1, 5),
        )
    assert not GeneratedDocument.objects.exists()


def test_the_pages_print_the_form_and_make_the_keputusan(client, wfa):
    tue = wfa.monday + timedelta(days=1)
    request = approved(wfa, "staff_b1", [tue])
    client.force_login(wfa.user("staff_b1"))
    detail = client.get(reverse("schedule:request_detail", args=[request.pk])).content.decode()
    assert reverse("documents:request_form", args=[request.pk]) in detail
    response = client.post(
        reverse("documents:request_form", args=[request.pk]), {"fmt": "pdf", "paper": "f4"}
    )
    stored = GeneratedDocument.objects.get(kind="application_form")
    assert response.status_code == 302
    assert response["Location"] == reverse("documents:file", args=[stored.pk])
    client.force_login(wfa.user("head_b"))
    board = client.get(reverse("schedule:board") + f"?unit={wfa.units['b'].pk}").content.decode()
    assert reverse("documents:keputusan") in board
    response = client.post(
        reverse("documents:keputusan_new"),
        {
            "unit": wfa.units["b"].pk,
            "start": str(wfa.monday),
            "end": str(wfa.monday + timedelta(days=4)),
            "fmt": "docx",
            "paper": "f4",
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("documents:keputusan")).content.decode()
    made = GeneratedDocument.objects.get(kind="keputusan")
    assert made.sha256 in page
    refused = client.post(
        reverse("documents:keputusan_new"),
        {"unit": wfa.units["b"].pk, "start": "2027-03-10", "end": "2027-03-01", "fmt": "pdf",
         "paper": "a4"},
        follow=True,
    )  # fmt: skip
    assert "Pilih unit, periode, format, dan ukuran kertas." in refused.content.decode()
    assert GeneratedDocument.objects.filter(kind="keputusan").count() == 1


def test_the_api_makes_the_keputusan_for_a_head_only(client, wfa):
    client.force_login(wfa.user("head_b"))
    url = reverse("api:document_keputusan", args=[wfa.units["b"].pk])
    body = {"start": str(wfa.monday), "end": str(wfa.monday + timedelta(days=4))}
    created = client.post(url, body, content_type="application/json")
    assert created.status_code == 201
    assert created.json()["kind"] == "keputusan"
    assert created.json()["paper"] == "f4"
    listed = client.get(reverse("api:documents_keputusan")).json()
    assert [d["id"] for d in listed] == [created.json()["id"]]
    client.force_login(wfa.user("staff_b1"))
    assert client.post(url, body, content_type="application/json").status_code == 404
    assert client.get(reverse("api:documents_keputusan")).json() == []
