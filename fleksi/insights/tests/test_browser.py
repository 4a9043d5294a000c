"""The evaluation in Chromium: the Sekda opens the regency dashboard of last month (figures
computed from the test world under a policy in force since then), sees the headline cards,
the before/after table and the charts, follows a figure to the rows behind it, asks for
last month's report and downloads its PDF and XLSX.

The page is in Bahasa Indonesia (the browser's language); the assertions use the page's
structure (ids, data attributes, links), not its words. The test settings run background
tasks immediately, so the report is generated inside the live server's request that asked
for it (after its transaction commits) and is ready when the list page comes back."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from django.utils import timezone

from fleksi.common.domain.months import month_key, months_back, previous_month
from fleksi.insights.models import EvaluationReport, UnitMonth
from fleksi.insights.services.refresh import stats_refresh
from fleksi.policy.models import PolicyVersion
from fleksi.testkit.policy import publish_policy
from fleksi.testkit.world import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def evaluated(world):
    """The world under a policy in force since last month, with three months computed:
    two before WFA (none, in fact: the month before last) and last month after."""
    today = timezone.localdate()
    last = previous_month(today)
    policy = publish_policy(world)
    PolicyVersion.objects.filter(pk=policy.pk).update(effective_from=last)  # no back-dating
    stats_refresh(months=months_back(today, 3), today=today)
    world.last_month = last
    return world


@pytest.fixture(autouse=True)
def _no_second_step(settings):
    # Two-step sign-in has its own browser test (accounts/tests/test_browser_mfa.py).
    settings.FLEKSI_MFA_REQUIRED_ROLES = frozenset()


def sign_in(page, base, username):
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base}/")


def test_sekda_reads_the_regency_and_downloads_the_monthly_report(live_server, page, evaluated):
    base = live_server.url
    month = month_key(evaluated.last_month)
    # Nothing is refused by the Content Security Policy and nothing fails to load.
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if "Refused" in m.text else None)
    page.on(
        "response",
        lambda r: (
            errors.append(r.url) if r.status >= 400 and not r.url.endswith("/favicon.ico") else None
        ),
    )
    sign_in(page, base, evaluated.user("sekda").username)

    # The regency dashboard of last month.
    page.goto(f"{base}/insights/?month={month}")
    assert page.locator("#month").input_value() == month
    cards = page.locator(".cards [data-figure]")
    assert cards.count() == 6
    headcount = sum(
        UnitMonth.objects.filter(month=evaluated.last_month).values_list("headcount", flat=True)
    )
    assert headcount > 0
    eligible = page.locator(".cards [data-figure=eligible_pct]").inner_text()
    assert f" {headcount} " in f" {eligible} "  # "n of <headcount> employees"
    # Before vs after: one row per indicator, with figures on both sides of the WFA start.
    rows = page.locator("#compare tbody tr")
    assert rows.count() >= 10
    attendance = page.locator("#compare tbody tr[data-indicator=attendance_pct] td.num")
    assert attendance.nth(0).inner_text() != "–"  # before
    assert attendance.nth(1).inner_text() != "–"  # after
    # Charts drawn by the server: trends with lines and the achievement bars per unit.
    charts = page.locator("svg.chart")
    assert charts.count() >= 4
    assert page.locator("svg.chart polyline").count() > 0
    assert page.locator("svg.chart title").first.text_content()
    # The perangkat daerah table and the kecamatan table.
    assert page.locator("#rows tbody tr").count() == 3  # Setda, Disdukcapil, Bappeda
    assert page.locator("#kecamatan tbody tr").count() == 2

    # A figure links to the rows behind it: attendance → the units' presence recap.
    page.locator(".cards [data-figure=attendance_pct] a").click()
    page.wait_for_url(f"{base}/presence/recap/units/?month={month}")
    assert page.get_by_role("link", name=evaluated.units["a"].name).count() >= 1

    # A unit's row leads to its own dashboard, with its people.
    page.goto(f"{base}/insights/?month={month}")
    page.locator("#rows tbody a", has_text=evaluated.units["a"].name).first.click()
    page.wait_for_url(f"{base}/insights/units/{evaluated.units['a'].pk}/?month={month}")
    assert page.locator("#people tbody tr").count() == 5  # head_a, the Bidang and the Loket

    # The reports page: ask for last month's report (the form proposes last month).
    page.goto(f"{base}/insights/?month={month}")
    page.locator("a[href='/insights/reports/']").first.click()
    page.wait_for_url(f"{base}/insights/reports/")
    assert page.locator("#id_month").input_value() == month
    page.select_option("#id_kind", "monthly")
    page.locator("form[action='/insights/reports/new/'] button[type=submit]").click()
    page.wait_for_url(f"{base}/insights/reports/")
    report = EvaluationReport.objects.get(period_start=evaluated.last_month, kind="monthly")
    assert report.status == "done", report.error
    row = page.locator(f"#report-{report.pk}")
    assert row.locator(".badge.ok").count() == 1

    # Download both files through the browser.
    with page.expect_download() as pdf_download:
        row.locator("a[data-format=pdf]").click()
    pdf = Path(pdf_download.value.path()).read_bytes()
    assert pdf_download.value.suggested_filename == f"evaluasi-wfa-monthly-{month}.pdf"
    assert pdf.startswith(b"%PDF-")
    assert len(pdf) > 5_000
    assert b"%%EOF" in pdf[-1024:]
    with page.expect_download() as xlsx_download:
        row.locator("a[data-format=xlsx]").click()
    xlsx = Path(xlsx_download.value.path()).read_bytes()
    assert xlsx_download.value.suggested_filename.endswith(".xlsx")
    with zipfile.ZipFile(io.BytesIO(xlsx)) as book:
        assert "xl/workbook.xml" in book.namelist()
    assert errors == []
