"""The Perbup's legal path on 360 px phones, in Chromium: BKPSDM sends the draft to the
Bagian Hukum, who comments on a parameter and clears it; the Sekda initials it; the Bupati
enacts it; the Bagian Hukum uploads the signed PDF; the Sekda promulgates it, and it is in
force on its date with its signed PDF. Every page passes axe-core and fits the phone."""

import hashlib
from datetime import timedelta

import pytest
from django.utils import timezone

from fleksi.policy.models import PolicyVersion
from fleksi.policy.selectors import version_in_force
from fleksi.policy.services import policy_draft_create
from fleksi.testkit.phone import phone_page, phone_problems
from fleksi.testkit.policy import SIGNED_PDF

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_draft_perbup_goes_the_whole_legal_path_on_phones(browser, live_server, world, tmp_path):
    start = timezone.localdate() + timedelta(days=7)
    version = policy_draft_create(
        actor=world.user("bkpsdm"),
        regulation_number="Rancangan Perbup Fleksibilitas Kerja",
        title="Pelaksanaan Fleksibilitas Kerja ASN",
        effective_from=start,
    )
    url = f"{live_server.url}/policy/{version.pk}/"
    pdf = tmp_path / "perbup-ttd.pdf"
    pdf.write_bytes(SIGNED_PDF)
    problems: list[str] = []

    def act(who, label, do):
        page = phone_page(browser, live_server.url, world.user(who))
        try:
            page.goto(url)
            problems.extend(phone_problems(page, label))
            do(page)
            page.wait_for_load_state()
            message = page.locator(".msg").first.inner_text()
            return message
        finally:
            page.context.close()

    def click(name):
        return lambda page: page.get_by_role("button", name=name).click()

    assert "Diajukan" in act(
        "bkpsdm", "drafting", click("Ajukan ke Bagian Hukum untuk harmonisasi")
    )

    def comment_and_clear(page):
        page.select_option("#id_target", "max_wfa_days_per_week")
        page.fill("#id_text", "Sebutkan dasar Pasal 13 PermenPANRB 4/2025.")
        page.get_by_role("button", name="Simpan catatan").click()
        page.wait_for_load_state()
        assert "Sebutkan dasar Pasal 13" in page.locator("#legal").inner_text()
        page.get_by_role("button", name="Selesai diharmonisasi: teruskan ke Sekda").click()

    assert "Selesai diharmonisasi" in act("hukum", "harmonisation", comment_and_clear)
    assert "diparaf" in act("sekda", "cleared", click("Paraf dan teruskan ke Bupati")).lower()

    def enact(page):
        page.fill("#id_number", "18")
        page.get_by_role("button", name="Tetapkan", exact=True).click()

    assert "ditetapkan" in act("bupati", "initialled", enact).lower()

    def upload(page):
        page.set_input_files("#id_file", str(pdf))
        page.get_by_role("button", name="Unggah").click()

    assert "SHA-256" in act("hukum", "enacted", upload)

    def promulgate(page):
        page.fill("#id_gazette_number", "18")
        page.get_by_role("button", name="Undangkan dalam Berita Daerah").click()

    assert "diundangkan" in act("sekda", "enacted (Sekda)", promulgate).lower()

    version = PolicyVersion.objects.get(pk=version.pk)
    assert (version.stage, version.status) == ("promulgated", "published")
    assert version_in_force(start).pk == version.pk
    assert version_in_force(start - timedelta(days=1)) is None
    document = version.signed_documents.get()
    assert document.sha256 == hashlib.sha256(SIGNED_PDF).hexdigest()

    reader = phone_page(browser, live_server.url, world.user("staff_a1"))
    try:
        reader.goto(url)
        problems.extend(phone_problems(reader, "promulgated"))
        legal = reader.locator("#legal").inner_text()
        assert "Peraturan Bupati Nomor 18 Tahun" in reader.content()
        assert document.sha256 in legal
        assert "akan berlaku" in legal
    finally:
        reader.context.close()
    assert problems == [], "\n".join(problems)
