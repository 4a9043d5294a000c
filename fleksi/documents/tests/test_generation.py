"""The draft Perbup and the comparison, generated through the services, the pages and the API:
stored with their SHA-256, on A4 or F4, and the DOCX opens in LibreOffice with every Pasal and
the Lampiran."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from datetime import date, datetime
from typing import NoReturn
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from fleksi.audit.models import AuditEntry
from fleksi.documents.domain.diff import changes
from fleksi.documents.domain.perbup import layout, pasal_numbers
from fleksi.documents.models import GeneratedDocument
from fleksi.documents.selectors import version_facts
from fleksi.documents.services import document_perbup_diff, document_perbup_draft
from fleksi.policy.selectors import params_of
from fleksi.testkit.mapping import approve_mapping
from fleksi.testkit.policy import draft_policy, publish_policy

MOMENT = datetime(2027, 3, 1, 9, 0, tzinfo=ZoneInfo("Asia/Makassar"))
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(MOMENT)]

ARTICLES = {
    "max_wfa_days_per_week": "Pasal 6 ayat (1)",
    "default_max_offsite_share": "Pasal 7 ayat (1)",
    "min_onsite_public_service": "Pasal 8",
    "allowed_asn_types": "Pasal 4 ayat (1)",
    "probation_after_appointment_months": "Pasal 4 ayat (2) huruf a",
}


@pytest.fixture
def mapped(world):
    approve_mapping(world, "loket", (90, 10), suitable={1})  # on site
    approve_mapping(world, "analis", (50, 30, 20), suitable={0, 1})  # capable
    return world


@pytest.fixture
def version(mapped):
    return draft_policy(mapped, start=date(2027, 4, 1), articles=ARTICLES)


def _bytes(document: GeneratedDocument) -> bytes:
    with document.file.open("rb") as f:
        return f.read()


def _pdf_text(path: str) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        _missing("pdftotext (poppler-utils)")
    return subprocess.run(
        [tool, path, "-"], check=True, capture_output=True, text=True, timeout=60
    ).stdout


def _headings(text: str) -> set[str]:
    """The lines that are a heading "Pasal N" on their own."""
    return {line.strip() for line in text.splitlines() if re.fullmatch(r"\s*Pasal \d+\s*", line)}


def _words(text: str) -> str:
    return " ".join(text.split())


def _missing(what: str) -> NoReturn:
    if os.environ.get("CI"):
        pytest.fail(f"{what} must be installed in CI (.ci/run installs it)")
    pytest.skip(f"{what} is not installed: apt-get install libreoffice-writer-nogui poppler-utils")


def test_the_draft_is_stored_with_its_hash_and_audited(mapped, version):
    document = document_perbup_draft(
        actor=mapped.user("bkpsdm"), version=version, fmt="docx", paper="f4"
    )
    content = _bytes(document)
    assert content[:2] == b"PK"  # a DOCX is a zip
    assert document.sha256 == hashlib.sha256(content).hexdigest()
    assert document.size == len(content)
    assert document.version == version
    assert document.created_by == mapped.user("bkpsdm")
    assert AuditEntry.objects.filter(
        action="documents.generated", object_id=str(document.pk)
    ).exists()


def test_the_pdf_embeds_its_font_and_takes_the_paper_asked(mapped, version, tmp_path):
    f4 = document_perbup_draft(actor=mapped.user("bkpsdm"), version=version, fmt="pdf", paper="f4")
    a4 = document_perbup_draft(actor=mapped.user("bkpsdm"), version=version, fmt="pdf", paper="a4")
    f4_bytes, a4_bytes = _bytes(f4), _bytes(a4)
    assert f4_bytes.startswith(b"%PDF")
    assert b"609.45 935.43" in f4_bytes  # 215 × 330 mm
    assert b"595.28 841.89" in a4_bytes  # 210 × 297 mm
    assert b"DejaVuSans" in f4_bytes
    assert b"/FontFile2" in f4_bytes
    path = tmp_path / "draft.pdf"
    path.write_bytes(f4_bytes)
    text = _pdf_text(str(path))
    numbers = pasal_numbers(layout(params_of(version)))
    assert _headings(text) == {f"Pasal {n}" for n in numbers}
    assert "LAMPIRAN" in text
    assert "Analis Kebijakan" in text


def test_the_docx_opens_in_libreoffice_with_every_pasal_and_the_lampiran(mapped, version, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        _missing("LibreOffice (soffice)")
    document = document_perbup_draft(
        actor=mapped.user("bkpsdm"), version=version, fmt="docx", paper="f4"
    )
    source = tmp_path / "rancangan.docx"
    source.write_bytes(_bytes(document))
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    text = _pdf_text(str(tmp_path / "rancangan.pdf"))
    numbers = pasal_numbers(layout(params_of(version)))
    assert len(numbers) > 10
    assert _headings(text) == {f"Pasal {n}" for n in numbers}
    text = _words(text)
    assert "PERATURAN BUPATI KUTAI KARTANEGARA" in text
    assert "LAMPIRAN" in text
    assert "Analis Kebijakan" in text  # a capable position, in its perangkat daerah
    assert "Bappeda".upper() in text
    assert "Petugas Loket" not in text  # on site: not in the Lampiran
    assert "2 (dua) hari kerja" in text


def test_the_comparison_lists_the_changed_ayat(mapped, version):
    newer = draft_policy(
        mapped,
        start=date(2027, 5, 1),
        number="Rancangan 3/2027",
        articles=ARTICLES,
        max_wfa_days_per_week=1,
        default_max_offsite_share=0.4,
    )
    found = changes(version_facts(version), version_facts(newer))
    assert [c.where for c in found] == ["Pasal 6 ayat (1)", "Pasal 7 ayat (1)"]
    assert "2 (dua) hari kerja" in found[0].before
    assert "1 (satu) hari kerja" in found[0].after
    document = document_perbup_diff(
        actor=mapped.user("hukum"), base=version, version=newer, fmt="pdf", paper="a4"
    )
    assert document.kind == "perbup_diff"
    assert document.base_version == version


def test_the_page_generates_and_lists_with_the_hash(client, mapped, version):
    client.force_login(mapped.user("hukum"))
    page = reverse("documents:version", args=[version.pk])
    response = client.post(
        reverse("documents:perbup_draft", args=[version.pk]), {"fmt": "pdf", "paper": "f4"}
    )
    assert response.status_code == 302
    stored = GeneratedDocument.objects.get()
    body = client.get(page).content.decode()
    assert stored.sha256 in body
    assert stored.name in body
    download = client.get(reverse("documents:file", args=[stored.pk]))
    assert download["X-Content-SHA256"] == stored.sha256
    assert hashlib.sha256(b"".join(download.streaming_content)).hexdigest() == stored.sha256


def test_bad_choices_write_nothing(client, mapped, version):
    client.force_login(mapped.user("bkpsdm"))
    response = client.post(
        reverse("documents:perbup_draft", args=[version.pk]), {"fmt": "odt", "paper": "f4"},
        follow=True,
    )  # fmt: skip
    assert "Pilih format dan ukuran kertas." in response.content.decode()
    api = client.post(
        reverse("api:document_perbup_diff", args=[version.pk]),
        {"base_version_id": version.pk, "format": "pdf"},
        content_type="application/json",
    )
    assert api.status_code == 400
    assert api.json()["code"] == "document_same_version"
    assert not GeneratedDocument.objects.exists()


def test_the_api_generates_and_downloads(client, mapped, version):
    publish_policy(mapped, start=date(2027, 3, 1))
    client.force_login(mapped.user("bkpsdm"))
    created = client.post(
        reverse("api:document_perbup_draft", args=[version.pk]),
        {"format": "docx", "paper": "a4"},
        content_type="application/json",
    )
    assert created.status_code == 201
    body = created.json()
    assert body["kind"] == "perbup_draft"
    assert body["paper"] == "a4"
    download = client.get(body["file_url"])
    assert download.status_code == 200
    assert hashlib.sha256(download.content).hexdigest() == body["sha256"]
    listed = client.get(reverse("api:documents_of_version", args=[version.pk])).json()
    assert [d["id"] for d in listed] == [body["id"]]
