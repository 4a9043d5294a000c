"""The legal path through the pages and the API, as each role: the forms each one sees, the
timeline in words, refusals in plain language with nothing written."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from fleksi.policy.models import LegalStep, PolicyVersion
from fleksi.policy.selectors import version_in_force
from fleksi.policy.services import policy_draft_create
from fleksi.testkit.policy import SIGNED_PDF, signed_pdf

MOMENT = datetime(2027, 3, 1, 9, 0, tzinfo=ZoneInfo("Asia/Makassar"))
START = date(2027, 3, 15)
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(MOMENT)]


@pytest.fixture
def version(world):
    return policy_draft_create(
        actor=world.user("bkpsdm"),
        regulation_number="Rancangan Perbup WFA",
        title="Pelaksanaan Fleksibilitas Kerja",
        effective_from=START,
    )


def as_(client, world, who):
    client.force_login(world.user(who))
    return client


def post(client, world, who, name, version, data=None):
    response = as_(client, world, who).post(reverse(name, args=[version.pk]), data or {})
    assert response.status_code == 302, response.content[:300]
    version.refresh_from_db()
    return response


def page(client, world, who, version):
    response = as_(client, world, who).get(reverse("policy:version_detail", args=[version.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_whole_path_through_the_pages_ends_in_force(client, world, version):
    html = page(client, world, "bkpsdm", version)
    assert reverse("policy:legal_submit", args=[version.pk]) in html
    assert reverse("policy:legal_enact", args=[version.pk]) not in html
    post(client, world, "bkpsdm", "policy:legal_submit", version)
    assert version.stage == "harmonisation"
    html = page(client, world, "hukum", version)
    assert reverse("policy:legal_comment", args=[version.pk]) in html
    assert reverse("eligibility:simulation", args=[version.pk]) in html  # what-if stays
    post(
        client,
        world,
        "hukum",
        "policy:legal_comment",
        version,
        {"target": "", "article": "Pasal 5 ayat (2)", "text": "Rumusan ayat kurang jelas."},
    )
    post(client, world, "hukum", "policy:legal_return", version)
    assert version.stage == "drafting"
    post(client, world, "bkpsdm", "policy:legal_submit", version, {"note": "Sudah diperbaiki."})
    post(client, world, "hukum", "policy:legal_clear", version)
    post(client, world, "sekda", "policy:legal_initial", version)
    assert version.stage == "initialled"
    html = page(client, world, "bupati", version)
    assert reverse("policy:legal_enact", args=[version.pk]) in html
    post(
        client,
        world,
        "bupati",
        "policy:legal_enact",
        version,
        {"number": "18", "enacted_on": "2027-03-01"},
    )
    assert (version.stage, version.enacted_number) == ("enacted", "18")
    post(client, world, "hukum", "policy:legal_document_upload", version, {"file": signed_pdf()})
    post(
        client,
        world,
        "sekda",
        "policy:legal_promulgate",
        version,
        {"gazette_number": "18", "promulgated_on": "2027-03-01"},
    )
    assert (version.stage, version.status) == ("promulgated", "published")
    assert version_in_force(START).pk == version.pk
    html = page(client, world, "staff_a1", version)  # everyone reads a promulgated version
    assert "Peraturan Bupati Nomor 18 Tahun 2027" in html
    assert "1 Maret 2027" in html
    assert "15 Maret 2027" in html
    assert "2027-03-01" not in html.split('id="legal"')[1].split("</section>")[0]
    assert "Rumusan ayat kurang jelas." in html
    assert hashlib.sha256(SIGNED_PDF).hexdigest() in html
    document = version.signed_documents.get()
    response = client.get(reverse("policy:legal_document", args=[version.pk, document.pk]))
    assert b"".join(response.streaming_content) == SIGNED_PDF


def test_a_refused_step_says_why_on_the_page_and_writes_nothing(client, world, version):
    as_(client, world, "bupati")
    response = client.post(
        reverse("policy:legal_enact", args=[version.pk]),
        {"number": "18", "enacted_on": "2027-03-01"},
        follow=True,
    )
    html = response.content.decode()
    assert "tidak dapat dilakukan sekarang" in html
    assert "Sedang disusun" in html
    version.refresh_from_db()
    assert version.stage == "drafting"
    assert not LegalStep.objects.filter(version=version).exists()


def test_a_wrong_file_is_refused_in_the_users_language(client, world, version):
    for who, step in [("bkpsdm", "submit"), ("hukum", "clear"), ("sekda", "initial")]:
        post(client, world, who, f"policy:legal_{step}", version)
    post(
        client,
        world,
        "bupati",
        "policy:legal_enact",
        version,
        {"number": "18", "enacted_on": "2027-03-01"},
    )
    as_(client, world, "hukum")
    fake = signed_pdf("perbup.pdf", b"\x89PNG\r\n\x1a\n not a pdf")
    response = client.post(
        reverse("policy:legal_document_upload", args=[version.pk]), {"file": fake}, follow=True
    )
    assert "harus berupa berkas PDF" in response.content.decode()
    assert not version.signed_documents.exists()


def test_the_api_walks_the_same_path_and_refuses_out_of_order(client, world, version):
    def call(who, path, body, status=200):
        as_(client, world, who)
        response = client.post(
            reverse(path, args=[version.pk]), json.dumps(body), content_type="application/json"
        )
        assert response.status_code == status, response.content[:300]
        return response.json()

    refused = call("bupati", "api:legal_enact", {"number": "1", "enacted_on": "2027-03-01"}, 409)
    assert refused["code"] == "legal_out_of_order"
    assert call("bkpsdm", "api:legal_submit", {})["stage"] == "harmonisation"
    call("hukum", "api:legal_comment", {"target": "max_wfa_days_per_week", "text": "x"}, 201)
    assert call("hukum", "api:legal_clear", {})["next_steps"] == []
    assert call("sekda", "api:legal_initial", {})["stage"] == "initialled"
    out = call("bupati", "api:legal_enact", {"number": "18", "enacted_on": "2027-03-01"})
    assert out["enacted_number"] == "18"
    out = call(
        "sekda", "api:legal_promulgate", {"gazette_number": "3", "promulgated_on": "2027-03-01"}
    )
    assert (out["stage"], out["gazette_year"]) == ("promulgated", 2027)
    assert [s["step"] for s in out["steps"]] == [
        "submit",
        "clear",
        "initial",
        "enact",
        "promulgate",
    ]
    assert PolicyVersion.objects.get(pk=version.pk).status == "published"
    as_(client, world, "staff_a1")
    detail = client.get(reverse("api:legal_detail", args=[version.pk])).json()
    assert detail["notes"][0]["target"] == "max_wfa_days_per_week"
    summary = client.get(reverse("api:version_detail", args=[version.pk])).json()
    assert (summary["stage"], summary["kind"]) == ("promulgated", "original")


def test_enacting_asks_for_a_recent_sign_in(client, world, version):
    from fleksi.accounts.stepup import SESSION_KEY
    from fleksi.testkit.policy import through_legal_path

    version = through_legal_path(world, version, until="initial")
    as_(client, world, "bupati")
    session = client.session
    del session[SESSION_KEY]
    session.save()
    response = client.post(
        reverse("policy:legal_enact", args=[version.pk]),
        {"number": "18", "enacted_on": "2027-03-01"},
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:reauth"))
    version.refresh_from_db()
    assert version.stage == "initialled"
    response = client.post(
        reverse("api:legal_enact", args=[version.pk]),
        json.dumps({"number": "18", "enacted_on": "2027-03-01"}),
        content_type="application/json",
    )
    assert response.status_code == 403
    assert response.json()["code"] == "step_up_required"


def test_the_bagian_hukum_role_is_assigned_on_the_roles_page(client, world):
    as_(client, world, "bkpsdm")
    html = client.get(reverse("accounts:roles")).content.decode()
    assert 'value="bagian_hukum"' in html
    assert "Bagian Hukum" in html
    assert 'value="bagian_organisasi"' in html
    assert "Bagian Organisasi" in html
