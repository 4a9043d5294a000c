"""Generate a document from the data, keep its file with its SHA-256, and audit it."""

from __future__ import annotations

import hashlib
import re
from datetime import date, timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fleksi.audit.services import Change, audit_record
from fleksi.common.documents import document_file
from fleksi.common.domain.document import PAPERS, Document
from fleksi.common.domain.months import add_months
from fleksi.common.errors import ValidationFailed
from fleksi.documents.domain.diff import diff_document
from fleksi.documents.domain.monitoring import monitoring_document, month_words
from fleksi.documents.domain.perbup import perbup_document
from fleksi.documents.domain.unitdocs import application_document, keputusan_document
from fleksi.documents.domain.words import day_words
from fleksi.documents.models import GeneratedDocument
from fleksi.documents.selectors import (
    application_facts,
    keputusan_facts,
    monitoring_facts,
    perbup_facts,
    version_facts,
)
from fleksi.org.models import Unit
from fleksi.policy.models import PolicyVersion
from fleksi.schedule.models import WfaRequest

FORMATS = ("docx", "pdf")


def _check(fmt: str, paper: str) -> None:
    if fmt not in FORMATS:
        raise ValidationFailed("document_format", _("Choose DOCX or PDF."))
    if paper not in PAPERS:
        raise ValidationFailed("document_paper", _("Choose A4 or F4 paper."))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "dokumen"


def _store(
    *,
    actor: Any,
    kind: str,
    document: Document,
    fmt: str,
    paper: str,
    name: str,
    subject: str,
    **links: Any,
) -> GeneratedDocument:
    content = document_file(document, fmt=fmt, paper=paper)
    digest = hashlib.sha256(content).hexdigest()
    filename = f"{name}-{paper}.{fmt}"
    with transaction.atomic():
        row = GeneratedDocument(
            kind=kind,
            fmt=fmt,
            paper=paper,
            subject=subject[:255],
            name=filename,
            size=len(content),
            sha256=digest,
            created_by=actor,
            created_at=timezone.now(),
            **links,
        )
        row.file.save(filename, ContentFile(content), save=False)
        row.save()
        audit_record(
            actor=actor,
            change=Change(
                action="documents.generated",
                object_type="documents.generateddocument",
                object_id=str(row.pk),
                object_repr=filename,
                after={"kind": kind, "format": fmt, "paper": paper, "sha256": digest},
            ),
        )
    return row


def document_perbup_draft(
    *, actor: Any, version: PolicyVersion, fmt: str, paper: str = "a4"
) -> GeneratedDocument:
    """The draft Perbup of ``version`` (its parameters, its Lampiran from the duty mapping)."""
    _check(fmt, paper)
    document, _plan = perbup_document(perbup_facts(version))
    return _store(
        actor=actor,
        kind=GeneratedDocument.Kind.PERBUP_DRAFT,
        document=document,
        fmt=fmt,
        paper=paper,
        name=f"rancangan-perbup-{version.pk}-{_slug(version.regulation_number)}",
        subject=version.regulation_number,
        version=version,
    )


def document_perbup_diff(
    *, actor: Any, base: PolicyVersion, version: PolicyVersion, fmt: str, paper: str = "a4"
) -> GeneratedDocument:
    """Which Pasal and ayat changed from ``base`` to ``version``, old wording beside new."""
    _check(fmt, paper)
    if base.pk == version.pk:
        raise ValidationFailed("document_same_version", _("Choose two different versions."))
    document = diff_document(version_facts(base), version_facts(version))
    return _store(
        actor=actor,
        kind=GeneratedDocument.Kind.PERBUP_DIFF,
        document=document,
        fmt=fmt,
        paper=paper,
        name=f"perbandingan-perbup-{base.pk}-{version.pk}",
        subject=f"{base.regulation_number} → {version.regulation_number}",
        version=version,
        base_version=base,
    )


def document_application_form(
    *, actor: Any, request: WfaRequest, fmt: str = "pdf", paper: str = "a4"
) -> GeneratedDocument:
    """The employee's printable application form of ``request`` (Pasal 30's content)."""
    _check(fmt, paper)
    document = application_document(application_facts(request))
    return _store(
        actor=actor,
        kind=GeneratedDocument.Kind.APPLICATION_FORM,
        document=document,
        fmt=fmt,
        paper=paper,
        name=f"formulir-permohonan-wfa-{request.pk}",
        subject=f"{request.employee.name} ({request.pk})",
        request=request,
    )


MAX_PERIOD_DAYS = 366


def document_keputusan(
    *, actor: Any, unit: Unit, start: date, end: date, fmt: str = "docx", paper: str = "f4"
) -> GeneratedDocument:
    """The unit head's keputusan: who works flexibly by location in ``unit``'s subtree between
    ``start`` and ``end`` (their approved WFA days), for the head to number and sign."""
    _check(fmt, paper)
    if end < start:
        raise ValidationFailed("document_period", _("The period ends before it starts."))
    if (end - start).days >= MAX_PERIOD_DAYS:
        raise ValidationFailed("document_period", _("A period is at most one year."))
    document = keputusan_document(keputusan_facts(unit, start, end, on=timezone.localdate()))
    return _store(
        actor=actor,
        kind=GeneratedDocument.Kind.KEPUTUSAN,
        document=document,
        fmt=fmt,
        paper=paper,
        name=f"keputusan-wfa-{_slug(unit.name)}-{start:%Y%m%d}-{end:%Y%m%d}",
        subject=f"{unit.name}: {day_words(start)} – {day_words(end)}",
        unit=unit,
        period_start=start,
        period_end=end,
    )


def document_monitoring_report(
    *, actor: Any, month: date, fmt: str = "pdf", paper: str = "a4"
) -> GeneratedDocument:
    """The Pasal 35 monitoring report of ``month`` (its first day) for the Bupati and
    KemenPANRB, from the evaluation's monthly figures."""
    _check(fmt, paper)
    month = month.replace(day=1)
    if month > timezone.localdate():
        raise ValidationFailed("document_month", _("That month has not begun yet."))
    document = monitoring_document(monitoring_facts(month, on=timezone.localdate()))
    return _store(
        actor=actor,
        kind=GeneratedDocument.Kind.MONITORING,
        document=document,
        fmt=fmt,
        paper=paper,
        name=f"laporan-pemantauan-wfa-{month:%Y-%m}",
        subject=month_words(month),
        period_start=month,
        period_end=add_months(month, 1) - timedelta(days=1),
    )
