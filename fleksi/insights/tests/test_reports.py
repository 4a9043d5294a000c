"""Evaluation reports: asking for one (validation, one in progress per period), generating it
in the background (the test settings run tasks at once), the real PDF and XLSX with the
dashboard's figures, their SHA-256, the failure path, the monthly job, the audit trail, the
download and the API's shapes."""

from __future__ import annotations

import hashlib
import io
import os
import random
import shutil
import subprocess
import tempfile
from datetime import timedelta

import pytest
from django.core.files.storage import FileSystemStorage
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from fleksi.audit.models import AuditEntry
from fleksi.common.domain.months import add_months, month_key, previous_month
from fleksi.common.errors import Conflict, NotAllowed, ValidationFailed
from fleksi.common.formats import figure_text
from fleksi.insights.domain.charts import BarRow, bar_chart
from fleksi.insights.domain.figures import COUNTS, INDICATORS, SUMS
from fleksi.insights.domain.months import quarter_of
from fleksi.insights.models import EvaluationReport, MonthRefresh
from fleksi.insights.schemas import DashboardOut, ReportOut, ReportPage
from fleksi.insights.selectors.dashboards import regency_dashboard
from fleksi.insights.services.jobs import monthly_report_job
from fleksi.insights.services.report_content import ReportContent, Table
from fleksi.insights.services.report_pdf import report_pdf
from fleksi.insights.services.report_xlsx import report_xlsx
from fleksi.insights.services.reports import (
    STALE_AFTER,
    report_generate_run,
    report_request,
    reports_release_stale,
)
from fleksi.insights.tests import scene
from fleksi.insights.tests.conftest import module_scoped
from fleksi.presence.selectors.facts import day_rules_forget
from fleksi.testkit.world import build_world

TODAY = timezone.localdate()
LAST = previous_month(TODAY)


def _build():
    w = scene.prepare(build_world(), LAST)
    scene.populate(w, LAST, random.Random(7).choice)
    return w


@pytest.fixture(scope="module")
def _world(django_db_setup, django_db_blocker):
    yield from module_scoped(django_db_blocker, _build)


@pytest.fixture
def w(_world, db, settings, tmp_path):
    day_rules_forget()
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    return _world


def generate(w, kind="monthly", start=LAST, who="sekda", capture=None):
    with capture(execute=True):
        report = report_request(actor=w.user(who), kind=kind, start=start)
    report.refresh_from_db()
    return report


def pdf_text(data: bytes) -> str:
    """The text shown by the PDF's pages, in the order it is drawn, with single spaces (the
    font is embedded as glyphs, so a PDF reader reads it: poppler's pdftotext)."""
    if shutil.which("pdftotext") is None:  # CI installs it (.ci/run): there it must be present
        if os.environ.get("CI"):
            pytest.fail("pdftotext (poppler-utils) must be installed in CI")
        pytest.skip("pdftotext (poppler-utils) is not installed")
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(data)
        f.flush()
        out = subprocess.run(
            ["pdftotext", "-raw", f.name, "-"], capture_output=True, text=True, check=True
        ).stdout
    return " ".join(out.split())


# --- Asking ---------------------------------------------------------------------------------


def test_request_validation(w):
    sekda = w.user("sekda")
    with pytest.raises(ValidationFailed) as kind:
        report_request(actor=sekda, kind="yearly", start=LAST)
    assert kind.value.code == "report_kind"
    nxt = add_months(TODAY.replace(day=1), 1)
    with pytest.raises(ValidationFailed) as future:
        report_request(actor=sekda, kind="monthly", start=nxt)
    assert future.value.code == "report_future"
    next_quarter = add_months(quarter_of(TODAY)[0], 3)
    with pytest.raises(ValidationFailed):
        report_request(actor=sekda, kind="quarterly", start=next_quarter)
    with pytest.raises(NotAllowed):
        report_request(actor=w.user("bupati"), kind="monthly", start=LAST)
    with pytest.raises(NotAllowed):
        report_request(actor=w.user("staff_a1"), kind="monthly", start=LAST)
    # This month and this quarter have begun: they may be asked for.
    this = report_request(actor=sekda, kind="monthly", start=TODAY)
    assert (this.period_start, this.status) == (TODAY.replace(day=1), "queued")
    quarter = report_request(actor=w.user("bkpsdm"), kind="quarterly", start=TODAY)
    assert (quarter.period_start, quarter.period_end) == quarter_of(TODAY)
    # One in progress per period: a clear error, in the user's language.
    with translation.override("en"), pytest.raises(Conflict) as busy:
        report_request(actor=sekda, kind="monthly", start=TODAY.replace(day=2))
    assert busy.value.code == "report_busy"
    assert "being generated" in busy.value.message
    # Once it is done (or failed), the period may be asked for again.
    EvaluationReport.objects.filter(pk=this.pk).update(status="done")
    again = report_request(actor=sekda, kind="monthly", start=TODAY)
    assert again.pk != this.pk


def test_an_interrupted_generation_does_not_block_its_period_for_ever(w):
    sekda = w.user("sekda")
    stuck = report_request(actor=sekda, kind="monthly", start=LAST)
    EvaluationReport.objects.filter(pk=stuck.pk).update(
        status="running", started_at=timezone.now() - timedelta(minutes=30)
    )
    with pytest.raises(Conflict):  # still within the hour: it may be working
        report_request(actor=sekda, kind="monthly", start=LAST)
    EvaluationReport.objects.filter(pk=stuck.pk).update(
        started_at=timezone.now() - STALE_AFTER - timedelta(minutes=1)
    )
    fresh = report_request(actor=sekda, kind="monthly", start=LAST)
    stuck.refresh_from_db()
    assert stuck.status == "failed"
    assert stuck.error
    assert fresh.status == "queued"
    # The monthly job releases stale ones too, and then queues the month again.
    EvaluationReport.objects.filter(pk=fresh.pk).update(
        created_at=timezone.now() - STALE_AFTER - timedelta(minutes=1)
    )
    assert reports_release_stale() == 1


# --- Generating -----------------------------------------------------------------------------


def test_a_monthly_report_is_a_real_pdf_and_xlsx_with_the_figures(
    w, django_capture_on_commit_callbacks
):
    report = generate(w, capture=django_capture_on_commit_callbacks)
    assert report.status == "done", report.error
    assert report.error == ""
    assert report.finished_at is not None
    pdf = report.pdf.open("rb").read()
    xlsx = report.xlsx.open("rb").read()
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")
    assert (report.pdf_size, report.xlsx_size) == (len(pdf), len(xlsx))
    assert report.pdf_sha256 == hashlib.sha256(pdf).hexdigest()
    assert report.xlsx_sha256 == hashlib.sha256(xlsx).hexdigest()
    assert report.policy_version is not None

    d = regency_dashboard([LAST])
    with translation.override("id"):
        title = _("Monthly evaluation of flexible work (WFA)")
        by_pd = _("By perangkat daerah")
        by_kec = _("By kecamatan")
        headline = _("Headline figures")
    text = pdf_text(pdf)
    assert title in text
    assert headline in text
    for row in d.rows:
        assert row.name in text

    book = load_workbook(io.BytesIO(xlsx), read_only=True)
    assert by_pd[:31] in book.sheetnames
    assert by_kec[:31] in book.sheetnames
    rows = list(book[by_pd[:31]].iter_rows(values_only=True))
    body = {r[0]: r for r in rows[1:]}
    assert set(body) == {r.name for r in d.rows}
    for r in d.rows:
        got = body[r.name]
        f = r.figures
        assert got[1:7] == (
            f.headcount,
            f.wfa_days,
            f.outputs,
            f.missing_days,
            f.complaints,
            f.alerts_active,
        )
        assert got[7] == f.eligible_pct
        assert got[8] == f.wfa_use_pct
        assert got[9] == f.achievement_pct
    assert d.total.wfa_days > 0
    wfa_days: list[int] = [int(str(body[r.name][2])) for r in d.rows]
    assert sum(wfa_days) == d.total.wfa_days
    assert report.summary["months"] == [LAST.isoformat()]
    assert report.summary["wfa_use_pct"] == d.total.wfa_use_pct
    assert report.summary["achievement_pct"] == d.total.achievement_pct
    assert report.summary["concerns"] == len(d.concerns)

    # The audit trail holds the request and the generation, with the files' hashes.
    entries = AuditEntry.objects.filter(object_type="insights.report", object_id=str(report.pk))
    actions = {e.action: e for e in entries}
    assert set(actions) == {"insights.report.request", "insights.report.generate"}
    assert actions["insights.report.generate"].after["pdf_sha256"] == report.pdf_sha256
    assert actions["insights.report.generate"].after["xlsx_sha256"] == report.xlsx_sha256

    # A second run of the task does nothing.
    assert report_generate_run(report_id=report.pk) == "skipped"


def test_a_quarterly_report_covers_three_months(w, django_capture_on_commit_callbacks):
    first, last = quarter_of(LAST)
    report = generate(w, kind="quarterly", start=LAST, capture=django_capture_on_commit_callbacks)
    assert report.status == "done", report.error
    assert (report.period_start, report.period_end) == (first, last)
    months = [add_months(first, i) for i in range(3)]
    covered = [m for m in months if m <= TODAY]
    assert report.summary["months"] == [m.isoformat() for m in covered]
    assert set(
        MonthRefresh.objects.filter(month__in=months).values_list("month", flat=True)
    ) == set(covered)
    d = regency_dashboard(covered)
    assert report.summary["wfa_use_pct"] == d.total.wfa_use_pct
    with translation.override("id"):
        by_pd = _("By perangkat daerah")[:31]
        title = _("Quarterly evaluation of flexible work (WFA)")
    assert title in pdf_text(report.pdf.open("rb").read())
    book = load_workbook(io.BytesIO(report.xlsx.open("rb").read()), read_only=True)
    body = {r[0]: r for r in list(book[by_pd].iter_rows(values_only=True))[1:]}
    # People are counted once, in the last month of the period (not once per month).
    last_month = regency_dashboard([covered[-1]])
    for r in last_month.rows:
        assert body[r.name][1] == r.figures.headcount
    # Counts of days and outputs add up over the months.
    for r in d.rows:
        assert body[r.name][2] == r.figures.wfa_days


def test_a_failure_marks_the_report_failed_and_leaves_nothing(
    w, django_capture_on_commit_callbacks, monkeypatch, tmp_path
):
    real_save = FileSystemStorage._save

    def broken(self, name, content):
        if name.endswith(".xlsx"):
            raise OSError("disk full")
        return real_save(self, name, content)

    monkeypatch.setattr(FileSystemStorage, "_save", broken)
    report = generate(w, capture=django_capture_on_commit_callbacks)
    assert report.status == "failed"
    assert "disk full" in report.error
    assert report.finished_at is not None
    assert not report.pdf
    assert not report.xlsx
    assert (report.pdf_sha256, report.xlsx_sha256) == ("", "")
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []
    actions = set(
        AuditEntry.objects.filter(
            object_type="insights.report", object_id=str(report.pk)
        ).values_list("action", flat=True)
    )
    assert actions == {"insights.report.request"}
    # A failed report does not block asking again.
    monkeypatch.setattr(FileSystemStorage, "_save", real_save)
    again = generate(w, capture=django_capture_on_commit_callbacks)
    assert again.status == "done"


def test_a_failure_while_building_is_recorded(w, django_capture_on_commit_callbacks, monkeypatch):
    def boom(content):
        raise ValueError("no figures")

    monkeypatch.setattr("fleksi.insights.services.reports.report_xlsx", boom)
    report = generate(w, capture=django_capture_on_commit_callbacks)
    assert (report.status, report.error) == ("failed", "ValueError: no figures")
    assert not report.pdf


def test_the_monthly_job_queues_last_month_once(w, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert monthly_report_job() == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert monthly_report_job() == 0
        assert monthly_report_job() == 0
    reports = EvaluationReport.objects.filter(kind="monthly", period_start=LAST)
    assert [(r.status, r.created_by_id) for r in reports] == [("done", None)]
    # A failed one is tried again by the next run.
    reports.update(status="failed")
    with django_capture_on_commit_callbacks(execute=True):
        assert monthly_report_job() == 1
    assert EvaluationReport.objects.filter(period_start=LAST, status="done").count() == 1


# --- Download and API -------------------------------------------------------------------------


def test_download_gives_the_file_with_its_type_and_name(
    w, client, django_capture_on_commit_callbacks
):
    report = generate(w, capture=django_capture_on_commit_callbacks)
    client.force_login(w.user("bupati"))
    for fmt, ctype in (
        ("pdf", "application/pdf"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ):
        response = client.get(reverse("insights:report_file", args=[report.pk, fmt]))
        assert response.status_code == 200
        assert response["Content-Type"] == ctype
        disposition = response["Content-Disposition"]
        assert disposition.startswith("attachment")
        assert f'filename="evaluasi-wfa-monthly-{month_key(LAST)}.{fmt}"' in disposition
        body = b"".join(response.streaming_content)
        stored = getattr(report, fmt).open("rb").read()
        assert body == stored
        assert response["X-Content-SHA256"] == hashlib.sha256(body).hexdigest()
    assert client.get(reverse("insights:report_file", args=[report.pk, "csv"])).status_code == 404
    queued = EvaluationReport.objects.create(kind="monthly", period_start=TODAY.replace(day=1),
                                             period_end=TODAY)  # fmt: skip
    url = reverse("insights:report_file", args=[queued.pk, "pdf"])
    assert client.get(url).status_code == 404


def test_api_shapes(w, client, django_capture_on_commit_callbacks):
    client.force_login(w.user("sekda"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("api:insights_report_new"),
            {"kind": "monthly", "month": month_key(LAST)},
            content_type="application/json",
        )
    assert response.status_code == 202, response.content
    created = ReportOut.model_validate(response.json())
    assert created.kind == "monthly"
    assert created.period_start == LAST
    one = ReportOut.model_validate(
        client.get(reverse("api:insights_report", args=[created.id])).json()
    )
    assert one.status == "done"
    assert one.pdf_url == reverse("insights:report_file", args=[created.id, "pdf"])
    assert one.pdf_sha256 == EvaluationReport.objects.get(pk=created.id).pdf_sha256
    page = ReportPage.model_validate(client.get(reverse("api:insights_reports")).json())
    assert page.count == 1
    assert [r.id for r in page.items] == [created.id]
    bad = client.post(
        reverse("api:insights_report_new"),
        {"kind": "monthly", "month": "last month"},
        content_type="application/json",
    )
    assert bad.status_code == 400
    assert bad.json()["code"] == "report_month"
    busy_month = month_key(TODAY)
    EvaluationReport.objects.create(
        kind="monthly", period_start=TODAY.replace(day=1), period_end=TODAY, status="running"
    )
    busy = client.post(
        reverse("api:insights_report_new"),
        {"kind": "monthly", "month": busy_month},
        content_type="application/json",
    )
    assert busy.status_code == 409
    assert busy.json()["code"] == "report_busy"

    body = client.get(reverse("api:insights_dashboard"), {"month": month_key(LAST)}).json()
    dash = DashboardOut.model_validate(body)
    assert (dash.tier, dash.month, dash.unit_id) == ("regency", LAST, None)
    assert set(dash.indicators) == set(INDICATORS)
    assert set(dash.counts) == set(COUNTS) | set(SUMS)
    assert len(dash.trend) == 12
    d = regency_dashboard([LAST])
    assert dash.counts["wfa_days"] == d.total.wfa_days
    assert dash.indicators["achievement_pct"] == d.total.achievement_pct
    assert {r.id for r in dash.rows} == {r.id for r in d.rows}
    assert {r.name for r in dash.kecamatan} == {"Tenggarong", "Tabang"}


@pytest.mark.parametrize(
    ("language", "decimal", "whole", "bar", "wrong"),
    [("id", "12,5", "1.234", "87,5%", "12.5"), ("en", "12.5", "1,234", "87.5%", "12,5")],
)
def test_the_pdf_writes_numbers_in_the_language_it_is_made_in(language, decimal, whole, bar, wrong):
    """Tables and charts of the PDF: 12,5 and 1.234 in Indonesian, 12.5 and 1,234 in English;
    the XLSX keeps the same figures as numbers."""
    with translation.override(language):
        chart = bar_chart("Capaian", [BarRow("Dinas A", 87.5)], figure=figure_text, x_max=100)
        table = Table(
            "Per perangkat daerah", ("Unit", "Pegawai", "Capaian"), [("Dinas A", 1234, 12.5)]
        )
        content = ReportContent(
            title="Evaluasi",
            period_label="Mei 2026",
            generated_at="1 Juni 2026",
            basis=[],
            headline=[("Capaian", figure_text(12.5, "%"))],
            changes=Table("Sebelum dan sesudah", ("Indikator", "Sebelum"), [("Capaian", 12.5)]),
            concerns=[],
            tables=[table],
            charts=[chart],
            dashboard=None,
        )
        text = pdf_text(report_pdf(content))
        xlsx = report_xlsx(content)
    shown = text.split()
    assert f"{decimal}%" in shown  # the headline
    assert decimal in shown  # the tables
    assert whole in shown
    assert bar in shown  # the chart's value after its bar
    assert wrong not in shown
    rows = list(load_workbook(io.BytesIO(xlsx))["Per perangkat daerah"].iter_rows(values_only=True))
    assert rows[1] == ("Dinas A", 1234, 12.5)
