"""The test world with a month of figures computed, and helpers."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from fleksi.insights.domain.months import month_start, previous_month
from fleksi.insights.models import EvaluationReport
from fleksi.insights.services.refresh import stats_refresh


@pytest.fixture
def computed(world):
    """The world with this month and the last computed (no records yet: zero figures)."""
    today = timezone.localdate()
    stats_refresh(months=[previous_month(today), today], today=today)
    return world


def ready_report(world) -> EvaluationReport:
    """A finished report with two small files in (private) storage."""
    cache = world.__dict__.setdefault("_made", {})
    if "report" not in cache:
        month = previous_month(timezone.localdate())
        report = EvaluationReport.objects.create(
            kind="monthly",
            period_start=month_start(month),
            period_end=month,
            status="done",
            pdf_sha256="0" * 64,
            xlsx_sha256="1" * 64,
        )
        report.pdf.save(f"test-{report.pk}.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
        report.xlsx.save(f"test-{report.pk}.xlsx", ContentFile(b"PK test"), save=False)
        report.save()
        cache["report"] = report
    return cache["report"]
