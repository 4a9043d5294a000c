"""Stored imports (:class:`~fleksi.org.models.ImportBatch`): keep the uploaded file, validate
it, and apply it later (the upload page's two steps) or at once (the command)."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping
from typing import IO, Any, NoReturn

from django.core.files.base import ContentFile
from django.db import DatabaseError, transaction
from django.utils import timezone

from fleksi.common.errors import Conflict, ValidationFailed
from fleksi.common.importing.reader import (
    LIMITS,
    UnreadableFile,
    file_kind,
    read_data,
    read_table,
    too_large,
)
from fleksi.org.domain.people_import import Problem
from fleksi.org.importing.messages import problem_message
from fleksi.org.importing.service import ImportResult, people_import
from fleksi.org.models import ImportBatch

logger = logging.getLogger(__name__)

# Problems kept with a batch (the count is always exact; the list is cut beyond this).
MAX_STORED_PROBLEMS = 10_000


def _actor_label(actor: Any) -> str:
    return "system" if actor is None else str(getattr(actor, "username", actor))[:150]


def problems_to_json(problems: list[Problem]) -> list[list[Any]]:
    return [[p.line, p.column, p.code, dict(p.params)] for p in problems[:MAX_STORED_PROBLEMS]]


def problems_from_json(stored: list[list[Any]]) -> list[Problem]:
    return [Problem(line, column, code, params) for line, column, code, params in stored]


def _record(batch: ImportBatch, result: ImportResult) -> None:
    v = result.validation
    batch.rows_total = v.rows_total
    batch.error_count = len(v.problems)
    batch.rows_rejected = v.rows_rejected
    batch.errors = problems_to_json(v.problems)
    if result.written:
        batch.status = ImportBatch.Status.APPLIED
        batch.result = result.summary()
        batch.applied_at = timezone.now()
        batch.applied_partial = not v.is_valid
    else:
        batch.summary = result.summary()
        usable = not v.fatal and v.records
        batch.status = ImportBatch.Status.VALIDATED if usable else ImportBatch.Status.FAILED


def _fail(batch: ImportBatch, code: str, params: Mapping[str, Any]) -> None:
    batch.status = ImportBatch.Status.FAILED
    batch.errors = [[0, "", code, dict(params)]]
    batch.error_count = 1


def import_batch_run(
    *,
    actor: Any,
    file: IO[bytes],
    file_name: str,
    dry_run: bool = True,
    accept_partial: bool = False,
) -> tuple[ImportBatch, ImportResult | None]:
    """Keep the file, read it and validate it (``dry_run``) or import it at once.

    Returns the batch and the result (``None`` when the file could not be read at all).
    """
    data = file.read(LIMITS.max_bytes + 1)
    batch = ImportBatch(
        file_name=file_name[:255],
        sha256=hashlib.sha256(data).hexdigest(),
        uploaded_by_id=getattr(actor, "pk", None),
        uploaded_by_label=_actor_label(actor),
        status=ImportBatch.Status.FAILED,
    )
    result: ImportResult | None = None
    try:
        if len(data) > LIMITS.max_bytes:
            raise too_large(LIMITS)
        stored_name = f"import-{batch.sha256[:12]}.{file_kind(file_name)}"
        batch.file.save(stored_name, ContentFile(data), save=False)
        table = read_data(data, name=file_name)
    except UnreadableFile as exc:
        _fail(batch, exc.code, exc.params)
        batch.save()
        return batch, None
    batch.save()
    if not dry_run:
        batch.applied_by_label = _actor_label(actor)
    try:
        result = people_import(
            actor=actor,
            rows=table.rows,
            reading=table.problems,
            dry_run=dry_run,
            accept_partial=accept_partial,
            context={"import_batch": batch.pk, "file": batch.file_name},
        )
    except DatabaseError as exc:
        _failed_to_write(batch.pk, exc)
    _record(batch, result)
    batch.save()
    return batch, result


def _failed_to_write(batch_id: int, exc: Exception) -> NoReturn:
    """Mark the batch failed (its transaction was rolled back) and say so to the caller."""
    logger.error("people import %s could not be written: %r", batch_id, exc)
    ImportBatch.objects.filter(pk=batch_id).update(
        status=ImportBatch.Status.FAILED, errors=[[0, "", "apply_failed", {}]], error_count=1
    )
    raise ValidationFailed("apply_failed", problem_message("apply_failed", {})) from exc


def import_batch_apply(*, actor: Any, batch: ImportBatch, accept_partial: bool) -> ImportResult:
    """Apply a validated batch: all of it, or with ``accept_partial`` its valid rows.

    The file is validated again (Fleksi may have changed since); if it now has problems and
    a partial import was not accepted, nothing is written and the batch shows the new report.
    """
    try:
        with transaction.atomic():
            locked = ImportBatch.objects.select_for_update().get(pk=batch.pk)
            if locked.status != ImportBatch.Status.VALIDATED:
                raise Conflict("import_not_pending", problem_message("import_not_pending", {}))
            with locked.file.open("rb") as handle:
                table = read_table(handle, name=locked.file_name)
            result = people_import(
                actor=actor,
                rows=table.rows,
                reading=table.problems,
                dry_run=False,
                accept_partial=accept_partial,
                context={"import_batch": locked.pk, "file": locked.file_name},
            )
            if result.written:
                locked.applied_by_label = _actor_label(actor)
            _record(locked, result)
            locked.save()
    except (DatabaseError, OSError, UnreadableFile) as exc:
        _failed_to_write(batch.pk, exc)
    batch.refresh_from_db()
    return result
