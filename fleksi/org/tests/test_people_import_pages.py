"""The upload page of the BKPSDM administrator, through the HTTP client.

Who may open the pages (everyone else 403, anonymous to the sign-in page) is in
``test_access.py``. Messages are checked in English (the `django_language` cookie): the
Indonesian catalogue is filled in by the translators.
"""

import csv
import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from fleksi.accounts.models import User
from fleksi.org import forms as org_forms
from fleksi.org.models import Employee, ImportBatch
from fleksi.testkit.html import squashed
from fleksi.testkit.people_files import (
    csv_bytes,
    nip,
    person,
    private_storage_in,
    small_agency,
    table,
    xlsx_bytes,
)

pytestmark = pytest.mark.django_db

AGENCY = small_agency()
NIPS = [r["NIP"] for r in AGENCY]
BAD = [*AGENCY[:3], AGENCY[3] | {"EMAIL": "salah"}, AGENCY[4]]  # line 5 is wrong


@pytest.fixture(autouse=True)
def _storage(settings, tmp_path):
    private_storage_in(settings, tmp_path)


@pytest.fixture
def admin(client, world):
    client.force_login(world.user("bkpsdm"))
    client.cookies["django_language"] = "en"
    return client


def send(client, data, name="export.csv"):
    upload = SimpleUploadedFile(name, data)
    return client.post(reverse("org:import_people"), {"file": upload})


def test_the_page_lists_past_imports(admin):
    page = admin.get(reverse("org:import_people"))
    assert page.status_code == 200
    assert b'enctype="multipart/form-data"' in page.content
    assert b'accept=".csv,.xlsx"' in page.content
    assert b"No file has been imported yet." in page.content
    send(admin, csv_bytes(table(AGENCY)), "kukar-2026.csv")
    page = admin.get(reverse("org:import_people"))
    assert b"kukar-2026.csv" in page.content
    assert b"Validated" in page.content


def test_upload_validate_then_apply(admin):
    response = send(admin, csv_bytes(table(AGENCY), delimiter=";", bom=True))
    batch = ImportBatch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("org:import_batch", args=[batch.pk])
    report = admin.get(response["Location"])
    assert b"What the import would change" in report.content
    assert b"Apply the import" in report.content
    assert not Employee.objects.filter(nip__in=NIPS).exists()

    applied = admin.post(reverse("org:import_apply", args=[batch.pk]), follow=True)
    assert applied.status_code == 200
    assert b"The import was applied: 5 people added, 0 updated, 5 sign-in accounts created." in (
        applied.content
    )
    assert b"What the import changed" in applied.content
    assert Employee.objects.filter(nip__in=NIPS).count() == 5
    assert User.objects.filter(username__in=NIPS).count() == 5
    batch.refresh_from_db()
    assert (batch.status, batch.uploaded_by_label, batch.applied_by_label) == (
        "applied",
        "bkpsdm",
        "bkpsdm",
    )


def test_xlsx_upload(admin):
    send(admin, xlsx_bytes(table(AGENCY)), "export.xlsx")
    batch = ImportBatch.objects.get()
    assert (batch.status, batch.rows_total, batch.error_count) == ("validated", 5, 0)


def test_the_report_shows_line_column_and_reason(admin):
    send(admin, csv_bytes(table(BAD)))
    batch = ImportBatch.objects.get()
    report = admin.get(reverse("org:import_batch", args=[batch.pk]))
    text = squashed(report.content.decode())
    row = '<td class="num">5</td><td class="mono">EMAIL</td><td>“salah” is not an e-mail address.'
    assert row in text
    assert "1 row has problems: the whole file cannot be imported." in text
    assert 'name="accept_partial"' in text
    assert "Download all problems (CSV)" in text


def test_nip_problems_name_the_part_that_is_wrong(admin):
    send(admin, csv_bytes(table([AGENCY[0], AGENCY[1] | {"TANGGAL_LAHIR": "1975-06-02"}])))
    report = admin.get(reverse("org:import_batch", args=[ImportBatch.objects.get().pk]))
    assert (
        "Digits 1–8 of the NIP (19750601) do not match the recorded birth date."
        in report.content.decode()
    )


def test_apply_needs_the_box_when_some_rows_have_problems(admin):
    send(admin, csv_bytes(table(BAD)))
    batch = ImportBatch.objects.get()
    refused = admin.post(reverse("org:import_apply", args=[batch.pk]), follow=True)
    assert b"tick the box to import the valid rows only" in refused.content
    assert not Employee.objects.filter(nip__in=NIPS).exists()
    applied = admin.post(
        reverse("org:import_apply", args=[batch.pk]), {"accept_partial": "on"}, follow=True
    )
    assert b"4 people added" in applied.content
    assert Employee.objects.filter(nip__in=NIPS).count() == 4
    assert b"valid rows only" in applied.content


def test_an_applied_batch_cannot_be_applied_again(admin):
    send(admin, csv_bytes(table(AGENCY)))
    batch = ImportBatch.objects.get()
    admin.post(reverse("org:import_apply", args=[batch.pk]))
    again = admin.post(reverse("org:import_apply", args=[batch.pk]), follow=True)
    assert b"already been applied" in again.content
    assert b"Apply the import" not in again.content


def test_problems_download_as_csv(admin):
    send(admin, csv_bytes(table(BAD)))
    batch = ImportBatch.objects.get()
    response = admin.get(reverse("org:import_errors", args=[batch.pk]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [
        ["Line", "Column", "Code", "Problem"],
        ["5", "EMAIL", "invalid_email", "“salah” is not an e-mail address."],
    ]


def test_many_problems_are_paginated(admin):
    rows = [person(NIP=nip(date(1985, 3, 12), "1", i), EMAIL="salah") for i in range(1, 151)]
    send(admin, csv_bytes(table(rows)))
    batch = ImportBatch.objects.get()
    assert batch.error_count == 150
    first = admin.get(reverse("org:import_batch", args=[batch.pk])).content.decode()
    assert first.count("is not an e-mail address") == 100
    assert "Page 1 of 2" in first
    second = admin.get(reverse("org:import_batch", args=[batch.pk]), {"page": 2}).content.decode()
    assert second.count("is not an e-mail address") == 50


@pytest.mark.parametrize(
    ("name", "data", "error"),
    [
        ("export.txt", b"NIP\n", "File extension “txt” is not allowed."),
        ("export.csv", b"", "The submitted file is empty."),
    ],
)
def test_the_file_field_refuses_other_types(admin, name, data, error):
    response = send(admin, data, name)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_the_file_field_refuses_large_files(admin, monkeypatch):
    monkeypatch.setattr(org_forms, "MAX_BYTES", 100)
    response = send(admin, csv_bytes(table(AGENCY)))
    assert response.status_code == 200
    assert b"The file is larger than" in response.content
    assert not ImportBatch.objects.exists()


def test_an_unreadable_file_gives_a_failed_batch_with_the_reason(admin):
    send(admin, b"PK\x03\x04junk", "export.xlsx")
    batch = ImportBatch.objects.get()
    report = admin.get(reverse("org:import_batch", args=[batch.pk]))
    assert batch.status == "failed"
    assert b"cannot be read as XLSX" in report.content
    assert b"Apply the import" not in report.content


def test_anonymous_is_sent_to_sign_in(client, world):
    response = client.get(reverse("org:import_people"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize(
    "who", ["staff_a1", "head_a", "sekda", "bupati", "auditor", "diskominfo", "layanan", "kepeg_a"]
)
def test_no_other_role_may_upload(client, world, who):
    client.force_login(world.user(who))
    response = send(client, csv_bytes(table(AGENCY)))
    assert response.status_code == 403
    assert not ImportBatch.objects.exists()
