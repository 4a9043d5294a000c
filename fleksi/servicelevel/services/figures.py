"""Writes of the daily figures: by the week's form, the API or a file, always as an upsert
by service and day (entering a day again replaces it; the same values change nothing)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from fleksi.audit.services import Change
from fleksi.common.errors import Conflict
from fleksi.servicelevel.domain.cells import RowProblem
from fleksi.servicelevel.domain.rows import COL_SERVICE, MEDIAN_MAX, FigureRow
from fleksi.servicelevel.models import PublicService, ServiceDaily, Source
from fleksi.servicelevel.services.common import (
    ImportReport,
    audit_by_stream,
    in_paths,
    stream_of,
)

VALUE_FIELDS = ("received", "completed", "median_processing", "median_waiting_minutes")
CENT = Decimal("0.01")
CHUNK = 500


@dataclass(frozen=True)
class FigureEntry:
    service_id: int
    day: date
    received: int
    completed: int
    median_processing: Decimal | None = None
    median_waiting: Decimal | None = None
    line: int = 0  # where it came from (a file's line), for problems


def _values(e: FigureEntry) -> dict[str, Any]:
    def q(v: Decimal | None) -> Decimal | None:
        return None if v is None else v.quantize(CENT)

    return {
        "received": e.received,
        "completed": e.completed,
        "median_processing": q(e.median_processing),
        "median_waiting_minutes": q(e.median_waiting),
    }


def entry_problems(e: FigureEntry, today: date) -> list[tuple[str, str, dict[str, Any]]]:
    """(field, code, params) of what is wrong with one entry."""
    out: list[tuple[str, str, dict[str, Any]]] = []
    if e.day > today:
        out.append(("day", "future_date", {"value": e.day.isoformat()}))
    for name in ("received", "completed"):
        if getattr(e, name) < 0:
            out.append((name, "bad_count", {"value": getattr(e, name), "max": ""}))
    for name in ("median_processing", "median_waiting"):
        v = getattr(e, name)
        if v is not None and not Decimal(0) <= v <= MEDIAN_MAX:
            out.append((name, "bad_number", {"value": v, "low": 0, "high": MEDIAN_MAX}))
    return out


def figures_upsert(
    *,
    actor: Any,
    entries: Sequence[FigureEntry],
    source: str = Source.FORM,
    dry_run: bool = False,
) -> ImportReport:
    """Write checked entries, all or nothing, one audit entry per changed day. Entries for
    services that do not exist or days in the future are problems of their line."""
    report = ImportReport(rows=len(entries))
    today = timezone.localdate()
    services = {
        pk: (unit_id, root_id, code)
        for pk, unit_id, root_id, code in PublicService.objects.filter(
            pk__in={e.service_id for e in entries}
        ).values_list("pk", "unit_id", "unit__root_id", "code")
    }
    seen: set[tuple[int, date]] = set()
    for e in entries:
        if (e.service_id, e.day) in seen:
            report.problems.append(RowProblem(e.line, "day", "duplicate_row", {"first_line": ""}))
        seen.add((e.service_id, e.day))
        if e.service_id not in services:
            report.problems.append(
                RowProblem(e.line, COL_SERVICE, "unknown_service", {"code": str(e.service_id)})
            )
        for name, code, params in entry_problems(e, today):
            report.problems.append(RowProblem(e.line, name, code, params))
    if report.problems:
        return report
    now = timezone.now()
    with transaction.atomic():
        existing: dict[tuple[int, date], ServiceDaily] = {}
        keys = sorted({(e.service_id, e.day) for e in entries})
        for i in range(0, len(keys), CHUNK):
            q = Q(pk__in=[])
            for service_id, day in keys[i : i + CHUNK]:
                q |= Q(service_id=service_id, day=day)
            qs = ServiceDaily.objects.filter(q)
            if not dry_run:
                qs = qs.select_for_update().order_by("service_id", "day")
            existing.update({(d.service_id, d.day): d for d in qs})
        create: list[ServiceDaily] = []
        update: list[ServiceDaily] = []
        changes: list[tuple[str, Change]] = []
        for e in entries:
            after = _values(e)
            row = existing.get((e.service_id, e.day))
            before = {f: getattr(row, f) for f in VALUE_FIELDS} if row else None
            if before == after:
                report.unchanged += 1
                continue
            if row is None:
                row = ServiceDaily(service_id=e.service_id, day=e.day)
                existing[(e.service_id, e.day)] = row
                create.append(row)
            else:
                update.append(row)
            for name, value in after.items():
                setattr(row, name, value)
            row.source, row.entered_by, row.entered_at = source, actor, now
            unit_id, root_id, code = services[e.service_id]
            keys_changed = [k for k in VALUE_FIELDS if before is None or before[k] != after[k]]
            changes.append(
                (
                    stream_of(unit_id, root_id),
                    Change(
                        action=f"servicelevel.figures.{'import' if source == 'import' else 'set'}",
                        object_type="servicelevel.daily",
                        object_id=f"{e.service_id}:{e.day.isoformat()}",
                        object_repr=f"{code} {e.day.isoformat()}",
                        before={k: before[k] for k in keys_changed} if before else None,
                        after={k: after[k] for k in keys_changed},
                        context={"source": source},
                    ),
                )
            )
        report.created, report.updated = len(create), len(update)
        if dry_run:
            return report
        try:
            with transaction.atomic():
                ServiceDaily.objects.bulk_create(create, batch_size=1000)
        except IntegrityError as exc:
            raise Conflict(
                "figures_changed", _("The figures changed meanwhile: enter them again.")
            ) from exc
        ServiceDaily.objects.bulk_update(
            update, [*VALUE_FIELDS, "source", "entered_by", "entered_at"], batch_size=1000
        )
        audit_by_stream(actor=actor, changes=changes)
        report.applied = True
    return report


def figures_import(
    *,
    actor: Any,
    rows: Sequence[FigureRow],
    editable_paths: Sequence[str] | None,
    dry_run: bool = False,
) -> ImportReport:
    """Checked file rows → entries: each service code must exist, be active and belong to a
    unit the importer may change (``editable_paths``; ``None``: every unit)."""
    codes = sorted({r.service_code.upper() for r in rows})
    known = {
        code: (pk, path, active)
        for pk, code, path, active in PublicService.objects.filter(code__in=codes).values_list(
            "pk", "code", "unit__path", "is_active"
        )
    }
    problems: list[RowProblem] = []
    entries: list[FigureEntry] = []
    for r in rows:
        found = known.get(r.service_code.upper())
        if found is None:
            problems.append(
                RowProblem(r.line, COL_SERVICE, "unknown_service", {"code": r.service_code})
            )
            continue
        pk, path, active = found
        if not in_paths(path, editable_paths):
            problems.append(
                RowProblem(r.line, COL_SERVICE, "service_not_yours", {"code": r.service_code})
            )
            continue
        if not active:
            problems.append(
                RowProblem(r.line, COL_SERVICE, "service_inactive", {"code": r.service_code})
            )
            continue
        entries.append(
            FigureEntry(
                pk, r.day, r.received, r.completed, r.median_processing, r.median_waiting, r.line
            )
        )
    report = figures_upsert(
        actor=actor, entries=entries, source=Source.IMPORT, dry_run=dry_run or bool(problems)
    )
    if problems:
        return ImportReport(
            problems=sorted([*problems, *report.problems], key=lambda p: (p.line, p.column)),
            rows=len(rows),
        )
    report.rows = len(rows)
    return report
