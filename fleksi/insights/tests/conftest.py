"""The test world with a month of figures computed, and helpers.

``world``/``computed`` are the project's function-scoped world (built again for every test).
``shared``/``shared_computed`` build it **once per test module** inside a transaction that is
rolled back when the module ends; every test still runs in its own savepoint (the ``db``
fixture), so what a test writes is gone for the next one. Use them only in tests that do not
need other database connections (no live server, no ``transactional_db``).
"""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from fleksi.common.domain.months import month_start, previous_month
from fleksi.insights.models import EvaluationReport
from fleksi.insights.services.refresh import stats_refresh
from fleksi.testkit.module_world import fresh, module_scoped
from fleksi.testkit.world import World, build_world


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


def _computed_world() -> World:
    w = build_world()
    today = timezone.localdate()
    stats_refresh(months=[previous_month(today), today], today=today)
    ready_report(w)
    return w


@pytest.fixture(scope="module")
def _shared_computed(django_db_setup, django_db_blocker):
    yield from module_scoped(django_db_blocker, _computed_world)


@pytest.fixture
def shared_computed(_shared_computed, db) -> World:
    """Like ``computed`` (with a ready report), built once per module."""
    return fresh(_shared_computed)
