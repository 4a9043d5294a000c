"""The Pasal 35 monitoring report: tiers, before and after, from the evaluation's figures."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from fleksi.common.domain.document import plain_text
from fleksi.common.errors import ValidationFailed
from fleksi.documents.domain.monitoring import monitoring_document
from fleksi.documents.models import GeneratedDocument
from fleksi.documents.selectors import monitoring_facts
from fleksi.documents.services import document_monitoring_report
from fleksi.testkit.policy import publish_policy

MOMENT = datetime(2027, 8, 2, 9, 0, tzinfo=ZoneInfo("Asia/Makassar"))
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(MOMENT)]


def test_the_report_has_the_shape_pasal_35_asks(world):
    publish_policy(world)
    text = plain_text(monitoring_document(monitoring_facts(date(2027, 7, 1), on=MOMENT.date())))
    assert "LAPORAN PEMANTAUAN DAN EVALUASI" in text
    assert "PERIODE JULI 2027" in text
    assert "Pasal 35" in text
    for part in ("A. Kinerja pegawai", "B. Disiplin", "C. Kesiapan infrastruktur"):
        assert part in text
    assert "SEBELUM DAN SESUDAH" in text
    assert "IV. PEMANTAUAN PER PERANGKAT DAERAH" in text
    assert "Bupati Kutai Kartanegara" in text


def test_it_is_stored_with_its_hash_and_refuses_a_month_not_begun(world):
    document = document_monitoring_report(actor=world.user("sekda"), month=date(2027, 7, 15))
    with document.file.open("rb") as f:
        content = f.read()
    assert content.startswith(b"%PDF")
    assert document.sha256 == hashlib.sha256(content).hexdigest()
    assert (document.period_start, document.period_end) == (date(2027, 7, 1), date(2027, 7, 31))
    with pytest.raises(ValidationFailed) as caught:
        document_monitoring_report(actor=world.user("sekda"), month=date(2027, 9, 1))
    assert caught.value.code == "document_month"
    assert GeneratedDocument.objects.count() == 1


def test_the_page_and_the_api(client, world):
    client.force_login(world.user("bkpsdm"))
    response = client.post(
        reverse("documents:monitoring_new"), {"month": "2027-07", "fmt": "docx", "paper": "f4"}
    )
    assert response.status_code == 302
    stored = GeneratedDocument.objects.get()
    assert stored.sha256 in client.get(reverse("documents:monitoring")).content.decode()
    bad = client.post(
        reverse("api:document_monitoring"), {"month": "juli"}, content_type="application/json"
    )
    assert bad.status_code == 400
    assert bad.json()["code"] == "document_month"
    assert GeneratedDocument.objects.count() == 1
