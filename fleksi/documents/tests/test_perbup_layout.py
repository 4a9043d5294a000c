"""Where each parameter stands in the generated draft: the article the version records for
it, else a free Pasal in topic order; numbering without gaps; problems listed, not hidden."""

from datetime import date

from fleksi.common.domain.document import plain_text
from fleksi.documents.domain.perbup import (
    PerbupFacts,
    group_lampiran,
    layout,
    parse_article,
    pasal_numbers,
    perbup_document,
)
from fleksi.policy.domain.params import PolicyParams, param_keys

DEMO_ARTICLES = {
    "max_wfa_days_per_week": "Pasal 6 ayat (1)",
    "default_max_offsite_share": "Pasal 7 ayat (1)",
    "min_onsite_public_service": "Pasal 8",
    "allowed_asn_types": "Pasal 4 ayat (1)",
    "probation_after_appointment_months": "Pasal 4 ayat (2) huruf a",
}


def facts(params, **kw):
    return PerbupFacts(
        title="Pelaksanaan Tugas Kedinasan secara Fleksibel",
        label="Rancangan uji",
        kind="original",
        effective_from=date(2027, 1, 4),
        params=params,
        lampiran=group_lampiran(
            [
                ("Bappeda", "Bappeda", "Analis Kebijakan", "capable"),
                ("Dinas Kelautan dan Perikanan", "Bidang Tangkap", "Penyuluh", "partly"),
            ]
        ),
        **kw,
    )


def test_articles_are_read():
    assert parse_article("Pasal 6 ayat (1)").pasal == 6
    assert parse_article("Pasal 4 ayat (2) huruf a").huruf == "a"
    assert parse_article("Perbup 7/2026 Pasal 5").pasal == 5
    assert parse_article("Pasal 8").ayat is None
    assert parse_article("Bab III") is None


def test_recorded_articles_are_honoured_and_mates_follow():
    plan = layout(PolicyParams(articles=DEMO_ARTICLES))
    for key, article in DEMO_ARTICLES.items():
        assert plan.where[key] == article
    # The other probation windows join the recorded list (huruf b, c, d).
    assert plan.where["probation_after_rotation_months"] == "Pasal 4 ayat (2) huruf d"
    assert set(plan.where) == set(param_keys())
    assert plan.notes == ()


def test_numbering_has_no_gaps_and_every_pasal_is_in_the_text():
    params = PolicyParams(articles=DEMO_ARTICLES)
    document, plan = perbup_document(facts(params))
    text = plain_text(document)
    numbers = pasal_numbers(plan)
    assert numbers == list(range(1, len(numbers) + 1))
    for n in numbers:
        assert f"Pasal {n}\n" in text
    assert "2 (dua) hari kerja dalam 1 (satu) minggu" in text
    assert "30% (tiga puluh persen)" in text
    assert "LAMPIRAN" in text
    assert "Analis Kebijakan" in text
    assert "Sepenuhnya" in text
    assert "DENGAN RAHMAT TUHAN YANG MAHA ESA" in text
    assert "Menimbang:" in text
    assert "Mengingat:" in text
    assert "Nomor 4 Tahun 2025" in text
    assert "Nomor 21 Tahun 2023" in text
    assert "Ditetapkan di Tenggarong" in text
    assert "Diundangkan di Tenggarong" in text
    assert "BERITA DAERAH KABUPATEN KUTAI KARTANEGARA TAHUN … NOMOR …" in text
    assert "mulai berlaku pada tanggal 4 Januari 2027" in text


def test_an_enacted_version_carries_its_numbers():
    document, _plan = perbup_document(
        facts(
            PolicyParams(),
            enacted_number="9",
            enacted_on=date(2027, 1, 2),
            gazette_number="9",
            gazette_year=2027,
            promulgated_on=date(2027, 1, 3),
            in_force=True,
        )
    )
    text = plain_text(document)
    assert "NOMOR 9 TAHUN 2027" in text
    assert "pada tanggal 2 Januari 2027" in text
    assert "BERITA DAERAH KABUPATEN KUTAI KARTANEGARA TAHUN 2027 NOMOR 9" in text
    assert "RANCANGAN" not in text


def test_what_cannot_be_honoured_is_listed_for_the_drafters():
    plan = layout(
        PolicyParams(
            articles={
                "max_wfa_days_per_week": "Pasal 1",
                "request_lead_days": "Pasal 30 ayat (2)",
                "approval_deadline_days": "Pasal 30 ayat (2)",
                "checkins_per_day": "lihat lampiran",
            }
        )
    )
    joined = " ".join(plan.notes)
    assert "Pasal 1 memuat ketentuan umum" in joined
    assert "dirujuk lebih dari satu parameter" in joined
    assert "bukan nomor pasal" in joined
    assert "Nomor pasal yang belum diisi" in joined  # Pasal 30 leaves a gap
    assert "Pasal 30: ayat (1) belum diisi" in joined
    assert plan.where["request_lead_days"] == "Pasal 30 ayat (2)"
    assert plan.where["max_wfa_days_per_week"] != "Pasal 1"


def test_a_parameter_added_later_still_becomes_an_ayat(monkeypatch):
    from fleksi.documents.domain import clauses

    monkeypatch.delitem(clauses.CLAUSES, "suspension_days")
    params = PolicyParams(suspension_days=45)
    assert (
        clauses.clause("suspension_days", params)
        == "Ketentuan suspension days: 45 (empat puluh lima)."
    )
    plan = layout(params)
    assert set(plan.where) == set(param_keys())
