"""Evaluation reports: asked for (by the Sekda or BKPSDM, or by the monthly job), generated in
the background (a Django task queued after the request commits), kept in private storage
with the SHA-256 of each file, and audited.

Generating a report first recomputes the months it covers (``refresh.stats_refresh``), so it
reads the records as they are then; the PDF and the XLSX are built from the same figures.
"""

from __future__ import annotations

import hashlib
import logging
import time
from datetime import date, timedelta
from functools import partial
from typing import Any

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.tasks import task
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from fleksi.audit.services import AGENCY_STREAM, Change, audit_record
from fleksi.common.domain.months import add_months, month_end, month_start, previous_month
from fleksi.common.errors import Conflict, NotAllowed, ValidationFailed
from fleksi.insights.domain.months import quarter_of
from fleksi.insights.models import EvaluationReport
from fleksi.insights.permissions import may_generate_reports
from fleksi.insights.services.refresh import stats_refresh
from fleksi.insights.services.report_content import report_content
from fleksi.insights.services.report_pdf import report_pdf
from fleksi.insights.services.report_xlsx import report_xlsx

logger = logging.getLogger(__name__)
STALE_AFTER = timedelta(hours=1)  # the monthly report takes well under a minute (make bench)
REPORT_LANGUAGE = "id"  # the reports are for the Bupati and the DPRD: Bahasa Indonesia


@task()
def report_generate(report_id: int) -> str:
    """Background task: generate one queued report. Returns its status afterwards."""
    return report_generate_run(report_id=report_id)


def period_of(kind: str, start: date) -> tuple[date, date]:
    if kind == EvaluationReport.Kind.QUARTERLY:
        return quarter_of(start)
    first = month_start(start)
    return first, month_end(first)


def _enqueue(report_id: int) -> None:
    try:
        report_generate.enqueue(report_id)
    except Exception as exc:
        logger.exception("could not queue report %s", report_id)
        EvaluationReport.objects.filter(pk=report_id, status="queued").update(
            status="failed", error=f"{type(exc).__name__}: {exc}"[:2000], finished_at=timezone.now()
        )


def report_request(
    *, actor: Any, kind: str, start: date, today: date | None = None
) -> EvaluationReport:
    """Queue a report of the month (or quarter) holding ``start``; it is generated after the
    transaction commits. ``actor`` None: the scheduled job."""
    today = today or timezone.localdate()
    if actor is not None and not may_generate_reports(actor):
        raise NotAllowed(
            "not_generator", _("Only the Sekda and BKPSDM ask for evaluation reports.")
        )
    if kind not in EvaluationReport.Kind.values:
        raise ValidationFailed("report_kind", _("Unknown kind of report."))
    first, last = period_of(kind, start)
    if first > today:
        raise ValidationFailed("report_future", _("A report covers a period that has begun."))
    reports_release_stale(kind=kind, period_start=first)
    try:
        with transaction.atomic():
            report = EvaluationReport.objects.create(
                kind=kind, period_start=first, period_end=last, created_by=actor
            )
            audit_record(
                actor=actor,
                stream=AGENCY_STREAM,
                change=Change(
                    action="insights.report.request",
                    object_type="insights.report",
                    object_id=str(report.pk),
                    object_repr=f"{kind} {first:%Y-%m}",
                    after={"kind": kind, "period_start": first, "period_end": last},
                ),
            )
            transaction.on_commit(partial(_enqueue, report.pk), robust=True)
    except IntegrityError as exc:
        raise Conflict(
            "report_busy", _("A report of this period is being generated; wait until it is ready.")
        ) from exc
    return report


def reports_release_stale(
    *, kind: str | None = None, period_start: date | None = None, now: Any = None
) -> int:
    """Mark reports whose generation was interrupted (the worker stopped) as failed, so the
    period can be asked for again: running for longer than :data:`STALE_AFTER`, or queued
    that long without a worker taking them. Returns how many were released."""
    now = now or timezone.now()
    limit = now - STALE_AFTER
    qs = EvaluationReport.objects.filter(
        Q(status="running", started_at__lt=limit) | Q(status="queued", created_at__lt=limit)
    )
    if kind is not None and period_start is not None:
        qs = qs.filter(kind=kind, period_start=period_start)
    return qs.update(
        status="failed",
        finished_at=now,
        error=_("Interrupted: not finished within %(minutes)d minutes; ask for it again.")
        % {"minutes": int(STALE_AFTER.total_seconds() // 60)},
    )


def report_monthly_due(*, today: date) -> EvaluationReport | None:
    """Queue last month's report unless one exists (ready or on its way)."""
    month = previous_month(today)
    reports_release_stale()
    exists = EvaluationReport.objects.filter(
        kind=EvaluationReport.Kind.MONTHLY,
        period_start=month,
        status__in=["queued", "running", "done"],
    ).exists()
    if exists:
        return None
    return report_request(actor=None, kind=EvaluationReport.Kind.MONTHLY, start=month, today=today)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def report_generate_run(*, report_id: int, today: date | None = None) -> str:
    """Generate the report if it is still queued (a second run of the task does nothing)."""
    claimed = EvaluationReport.objects.filter(pk=report_id, status="queued").update(
        status="running", started_at=timezone.now()
    )
    if not claimed:
        return "skipped"
    started = time.perf_counter()
    report = EvaluationReport.objects.get(pk=report_id)
    today = today or timezone.localdate()
    try:
        months = []
        m = report.period_start
        while m <= report.period_end:
            months.append(m)
            m = add_months(m, 1)
        stats_refresh(months=months, today=today)
        with translation.override(REPORT_LANGUAGE):
            content = report_content(report, months=[m for m in months if m <= today])
            pdf, xlsx = report_pdf(content), report_xlsx(content)
        name = f"evaluasi-wfa-{report.kind}-{report.period_start:%Y-%m}-{report.pk}"
        _finish(report, name, pdf, xlsx, content.summary, content.dashboard.version, started)
        return EvaluationReport.Status.DONE
    except Exception as exc:
        logger.exception("report %s failed", report_id)
        EvaluationReport.objects.filter(pk=report_id).update(
            status=EvaluationReport.Status.FAILED,
            error=f"{type(exc).__name__}: {exc}"[:2000],
            finished_at=timezone.now(),
            seconds=round(time.perf_counter() - started, 3),
        )
        return EvaluationReport.Status.FAILED


def _finish(
    report: EvaluationReport,
    name: str,
    pdf: bytes,
    xlsx: bytes,
    summary: dict[str, Any],
    version: Any,
    started: float,
) -> None:
    """Store both files and mark the report done, in one transaction; when anything fails,
    the files already written are removed again (storage is not transactional), so a failed
    report leaves no file behind."""
    written: list[str] = []
    try:
        with transaction.atomic():
            report.pdf.save(f"{name}.pdf", ContentFile(pdf), save=False)
            written.append(str(report.pdf.name))
            report.xlsx.save(f"{name}.xlsx", ContentFile(xlsx), save=False)
            written.append(str(report.xlsx.name))
            report.pdf_sha256, report.xlsx_sha256 = _sha(pdf), _sha(xlsx)
            report.pdf_size, report.xlsx_size = len(pdf), len(xlsx)
            report.summary = summary
            report.policy_version = version
            report.status = EvaluationReport.Status.DONE
            report.finished_at = timezone.now()
            report.seconds = round(time.perf_counter() - started, 3)
            report.save()
            audit_record(
                actor=None,
                stream=AGENCY_STREAM,
                change=Change(
                    action="insights.report.generate",
                    object_type="insights.report",
                    object_id=str(report.pk),
                    object_repr=f"{report.kind} {report.period_start:%Y-%m}",
                    after={
                        "pdf_sha256": report.pdf_sha256,
                        "xlsx_sha256": report.xlsx_sha256,
                        "summary": report.summary,
                    },
                ),
            )
    except Exception:
        storage = report.pdf.storage
        for stored in written:
            try:
                storage.delete(stored)
            except OSError:  # pragma: no cover - logged with the original error
                logger.exception("could not remove %s", stored)
        raise
