"""The pages through HTTP: the day with its WFA plan, reporting with a photo, verifying,
the SKP with its cascade, the rating with how the suggestion was reached, team measures."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from fleksi.common.errors import ValidationFailed
from fleksi.outputs.models import MonthlyRating, OutputReport, PlannedOutput, SkpResult
from fleksi.outputs.services import IndicatorIn, rating_save, skp_result_save
from fleksi.outputs.tests.conftest import approved_wfa, png, skp_with_results

pytestmark = pytest.mark.django_db


def test_a_wfa_day_shows_the_request_plan_and_takes_a_report_with_a_photo(client, wfa):
    today = timezone.localdate()
    request = approved_wfa(wfa, "staff_b1", [today], items=[("Draf kajian", 1, "dokumen", today)])
    item = request.plan_items.get()
    client.force_login(wfa.user("staff_b1"))
    page = client.get(reverse("outputs:day")).content.decode()
    assert "Draf kajian" in page
    assert f"?item={item.pk}" in page
    url = reverse("outputs:report_new", args=[today.isoformat()]) + f"?item={item.pk}"
    assert client.get(url).status_code == 200
    response = client.post(url, {"quantity": "1", "description": "Draf lengkap", "evidence": png()})
    assert response.status_code == 302
    report = OutputReport.objects.get()
    assert report.planned_output.plan_item_id == item.pk
    assert not report.late
    # Another day's item cannot be reported on this day.
    other = today - timedelta(days=1)
    assert (
        client.get(
            reverse("outputs:report_new", args=[other.isoformat()]) + f"?item={item.pk}"
        ).status_code
        == 404
    )


def test_own_plan_and_an_unplanned_report_with_an_e_office_link(client, wfa):
    today = timezone.localdate().isoformat()
    client.force_login(wfa.user("staff_b2"))
    client.post(
        reverse("outputs:plan_add", args=[today]),
        {"description": "Telaah staf", "target_quantity": "2", "unit": "telaah"},
    )
    planned = PlannedOutput.objects.get()
    assert (planned.source, planned.target_quantity) == ("own", Decimal(2))
    response = client.post(
        reverse("outputs:report_new", args=[today]),
        {
            "quantity": "1",
            "description": "Surat undangan rapat",
            "unit": "surat",
            "evidence_url": "https://srikandi.arsip.go.id/naskah/99",
        },
    )
    assert response.status_code == 302
    assert OutputReport.objects.get().planned_output is None
    bad = client.post(
        reverse("outputs:report_new", args=[today]),
        {"quantity": "1", "description": "x", "unit": "surat", "evidence_url": "ftp://x/y"},
    )
    assert bad.status_code == 200
    assert OutputReport.objects.count() == 1


def test_the_supervisor_verifies_from_the_inbox_in_bulk(client, wfa):
    today = timezone.localdate().isoformat()
    for who in ("staff_b1", "staff_b2"):
        client.force_login(wfa.user(who))
        client.post(
            reverse("outputs:report_new", args=[today]),
            {"quantity": "1", "description": "Notulen", "unit": "dokumen", "evidence": png()},
        )
    client.force_login(wfa.user("head_b"))
    inbox = client.get(reverse("outputs:inbox")).content.decode()
    assert inbox.count('name="report"') == 2
    ids = list(OutputReport.objects.values_list("pk", flat=True))
    client.post(reverse("outputs:inbox_accept"), {"report": ids, "quality": "85"})
    assert set(OutputReport.objects.values_list("status", "quality")) == {("accepted", 85)}


def test_an_rhk_cascades_only_from_the_supervisors_skp_of_the_same_year(wfa):
    year = timezone.localdate().year
    _head, head_results = skp_with_results(wfa, "head_b", year, ["Dokumen perencanaan"])
    _other, other_results = skp_with_results(wfa, "head_b", year - 1, ["Tahun lalu"])
    skp, _r = skp_with_results(wfa, "staff_b1", year, ["Kajian"], parent=head_results[0])
    assert SkpResult.objects.get(skp=skp).parent == head_results[0]
    _peer, peer_results = skp_with_results(wfa, "staff_b2", year, ["Rekap"])
    for wrong in (other_results[0], peer_results[0]):
        with pytest.raises(ValidationFailed) as err:
            skp_result_save(
                actor=wfa.user("staff_b1"),
                skp=skp,
                number=2,
                text="Lain",
                parent=wrong,
                indicators=[IndicatorIn("Jumlah", Decimal(1), "dokumen")],
            )
        assert "parent" in err.value.params["errors"]


def test_skp_pages_create_edit_and_agree(client, wfa):
    client.force_login(wfa.user("staff_b1"))
    year = timezone.localdate().year
    response = client.post(reverse("outputs:skp_create"), {"year": year})
    skp_url = response.headers["Location"]
    skp_id = int(skp_url.rstrip("/").split("/")[-1])
    data = {
        "number": "1",
        "kind": "main",
        "text": "Kajian kebijakan daerah",
        "parent": "",
        "ind-TOTAL_FORMS": "2",
        "ind-INITIAL_FORMS": "0",
        "ind-MIN_NUM_FORMS": "0",
        "ind-MAX_NUM_FORMS": "10",
        "ind-0-text": "Jumlah kajian",
        "ind-0-target_quantity": "4",
        "ind-0-target_unit": "kajian",
        "ind-0-target_quality_pct": "100",
        "ind-0-target_time_months": "12",
    }
    assert client.post(reverse("outputs:rhk_create", args=[skp_id]), data).status_code == 302
    result = SkpResult.objects.get()
    assert [i.text for i in result.indicators.all()] == ["Jumlah kajian"]
    page = client.get(skp_url).content.decode()
    assert "Kajian kebijakan daerah" in page
    client.force_login(wfa.user("head_b"))
    client.post(reverse("outputs:skp_agree", args=[skp_id]))
    result.skp.refresh_from_db()
    assert result.skp.status == "agreed"
    client.force_login(wfa.user("staff_b1"))
    assert client.post(reverse("outputs:rhk_delete", args=[result.pk])).status_code == 302
    assert SkpResult.objects.filter(pk=result.pk).exists()  # agreed: fixed


def test_the_rating_page_shows_how_the_suggestion_was_reached(client, wfa):
    today = timezone.localdate()
    month = today.replace(day=1)
    client.force_login(wfa.user("staff_b1"))
    client.post(
        reverse("outputs:plan_add", args=[today.isoformat()]),
        {"description": "Telaah", "target_quantity": "1", "unit": "telaah"},
    )
    planned = PlannedOutput.objects.get()
    client.post(
        reverse("outputs:report_new", args=[today.isoformat()]) + f"?planned={planned.pk}",
        {"quantity": "1", "description": "Telaah selesai", "evidence": png()},
    )
    client.force_login(wfa.user("head_b"))
    report = OutputReport.objects.get()
    client.post(
        reverse("outputs:verify", args=[report.pk]), {"decision": "accepted", "quality": "95"}
    )
    url = reverse("outputs:rating", args=[wfa.people["staff_b1"].pk, month.strftime("%Y-%m")])
    response = client.get(url)
    # 100 % achieved, quality 95, all on time: above expectation, shown with its numbers.
    steps = [(s.code, s.observed, s.limit, s.met) for _label, s in response.context["steps"]]
    assert steps == [
        ("above.achievement", 100.0, 100.0, True),
        ("above.quality", 95.0, 90.0, True),
        ("above.on_time", 100.0, 90.0, True),
    ]
    assert response.context["suggestion"].level == "above"
    assert response.content.decode().count("ok-text") == 3
    # The supervisor enters behaviour "as expected": the quadrant says Baik; choosing
    # Sangat Baik needs a reason.
    response = client.post(url, {"behaviour": "as", "predikat": "sangat_baik", "reason": ""})
    assert response.status_code == 200
    assert not MonthlyRating.objects.exists()
    client.post(
        url,
        {
            "behaviour": "as",
            "predikat": "sangat_baik",
            "reason": "Inisiatif di luar target",
            "note_kolaboratif": "Membantu tim",
        },
    )
    rating = MonthlyRating.objects.get()
    assert (rating.results_suggested, rating.predikat_suggested, rating.predikat) == (
        "above",
        "baik",
        "sangat_baik",
    )
    assert rating.basis["achievement_pct"] == 100.0
    assert rating.behaviour_notes == {"kolaboratif": "Membantu tim"}
    client.force_login(wfa.user("staff_b1"))
    assert client.post(url, {"behaviour": "above", "predikat": "baik"}).status_code == 403


def test_without_planned_outputs_the_supervisor_chooses_the_results_level(wfa):
    month = timezone.localdate().replace(day=1)
    with pytest.raises(ValidationFailed):
        rating_save(
            actor=wfa.user("head_b"),
            employee=wfa.people["staff_b2"],
            month=month,
            behaviour="as",
            predikat="baik",
        )
    rating = rating_save(
        actor=wfa.user("head_b"),
        employee=wfa.people["staff_b2"],
        month=month,
        behaviour="as",
        predikat="butuh_perbaikan",
        results="below",
    )
    assert (rating.results_suggested, rating.results, rating.changed_reason) == ("", "below", "")


def test_team_measures_and_the_person_page(client, wfa):
    today = timezone.localdate()
    client.force_login(wfa.user("staff_b1"))
    client.post(
        reverse("outputs:plan_add", args=[today.isoformat()]),
        {"description": "Telaah", "target_quantity": "2", "unit": "telaah"},
    )
    client.force_login(wfa.user("head_b"))
    page = client.get(reverse("outputs:team")).content.decode()
    assert "Yusuf Hidayat" in page
    assert "Nur Aini" in page
    person = client.get(reverse("outputs:person", args=[wfa.people["staff_b1"].pk]))
    assert "Telaah" in person.content.decode()
    client.force_login(wfa.user("bupati"))
    assert "Bappeda" in client.get(reverse("outputs:team")).content.decode()
    by_unit = client.get(reverse("outputs:team"), {"unit": wfa.units["b"].pk})
    assert "Yusuf Hidayat" in by_unit.content.decode()


def test_the_jobs_and_the_fact_are_registered():
    from io import StringIO

    from django.core.management import call_command

    from fleksi.common.periodic import jobs
    from fleksi.outputs.apps import unreported_fact
    from fleksi.schedule.selectors.facts import _FACT_PROVIDERS

    assert {"outputs.escalate", "outputs.revocation"} <= {j.name for j in jobs()}
    assert _FACT_PROVIDERS["unreported_wfa_days"] is unreported_fact
    out = StringIO()
    call_command(
        "run_periodic", "--job", "outputs.escalate", "--job", "outputs.revocation", stdout=out
    )
    assert "outputs.escalate: 0" in out.getvalue()


def test_the_suggestion_uses_the_thresholds_of_the_policy_in_force(wfa):
    from fleksi.outputs.services.ratings import limits_on
    from fleksi.testkit.policy import publish_policy

    today = timezone.localdate()
    assert limits_on(today).as_achievement == 80
    tomorrow = today + timedelta(days=1)
    publish_policy(
        wfa,
        start=tomorrow,
        number="Perbup 2/2026",
        rating_as_min_achievement_pct=95,
        rating_above_min_quality=85,
    )
    assert limits_on(today).as_achievement == 80
    limits = limits_on(tomorrow)
    assert (limits.as_achievement, limits.above_quality, limits.as_quality) == (95, 85, 70)
