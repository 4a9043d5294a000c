"""Writes of complaints: imported from SP4N-LAPOR! exports (or sent by the API), upserted by
ticket number, all or nothing, one audit entry per created or changed complaint."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fleksi.audit.services import Change
from fleksi.common.errors import Conflict
from fleksi.servicelevel.domain.cells import RowProblem
from fleksi.servicelevel.domain.rows import COL_TICKET, ComplaintRow
from fleksi.servicelevel.models import Complaint, Source
from fleksi.servicelevel.services.common import (
    ImportReport,
    audit_by_stream,
    in_paths,
    stream_of,
)
from fleksi.servicelevel.services.targets import row_targets

COMPLAINT_FIELDS = ("service_id", "unit_id", "received_on", "category", "status", "resolution_days")


def complaints_import(
    *,
    actor: Any,
    rows: Sequence[ComplaintRow],
    editable_paths: Sequence[str] | None,
    dry_run: bool = False,
    source: str = Source.IMPORT,
) -> ImportReport:
    """Write checked complaint rows, all or nothing, upserted by ticket number. A ticket
    already recorded for a unit the importer may not change is a problem of its row."""
    report = ImportReport(rows=len(rows))
    targets, report.problems = row_targets(rows, editable_paths, public_only=False)
    now = timezone.now()
    with transaction.atomic():
        qs = Complaint.objects.filter(external_id__in=[r.external_id for r in rows])
        if not dry_run:
            qs = qs.select_for_update().order_by("external_id")
        existing = {c.external_id: c for c in qs.select_related("unit")}
        create: list[Complaint] = []
        update: list[Complaint] = []
        changes: list[tuple[str, Change]] = []
        for r in rows:
            row = existing.get(r.external_id)
            if row is not None and not in_paths(row.unit.path, editable_paths):
                report.problems.append(
                    RowProblem(r.line, COL_TICKET, "ticket_elsewhere", {"code": r.external_id})
                )
                continue
            target = targets.get(r.line)
            if target is None:
                continue
            after = {
                "service_id": target.service_id,
                "unit_id": target.unit_id,
                "received_on": r.received_on,
                "category": r.category,
                "status": r.status,
                "resolution_days": r.resolution_days,
            }
            before = {f: getattr(row, f) for f in COMPLAINT_FIELDS} if row else None
            if before == after:
                report.unchanged += 1
                continue
            if row is None:
                row = Complaint(external_id=r.external_id)
                create.append(row)
            else:
                update.append(row)
            for name, value in after.items():
                setattr(row, name, value)
            row.source, row.updated_by, row.updated_at = source, actor, now
            keys = [k for k in COMPLAINT_FIELDS if before is None or before[k] != after[k]]
            changes.append(
                (
                    stream_of(target.unit_id, target.root_id),
                    Change(
                        action="servicelevel.complaint.import",
                        object_type="servicelevel.complaint",
                        object_id=r.external_id,
                        object_repr=r.external_id,
                        before={k: before[k] for k in keys} if before else None,
                        after={k: after[k] for k in keys},
                    ),
                )
            )
        report.created, report.updated = len(create), len(update)
        if report.problems:
            report.problems.sort(key=lambda p: (p.line, p.column))
            report.created = report.updated = report.unchanged = 0
            return report
        if dry_run:
            return report
        try:
            with transaction.atomic():
                Complaint.objects.bulk_create(create, batch_size=1000)
        except IntegrityError as exc:
            raise Conflict(
                "complaints_changed", _("Complaints changed during the import: import again.")
            ) from exc
        Complaint.objects.bulk_update(
            update, [*COMPLAINT_FIELDS, "source", "updated_by", "updated_at"], batch_size=1000
        )
        audit_by_stream(actor=actor, changes=changes)
        report.applied = True
    return report
