"""The people import as one service: validate, then write in bulk in one transaction.

Units and positions are matched by code, employees by NIP / NI PPPK. Only what differs is
written and audited, so importing the same file twice changes nothing the second time
(only the summary entry of the import itself is recorded).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from fleksi.audit.services import Change, audit_record, audit_record_many
from fleksi.org.domain.people_import import (
    Cell,
    Problem,
    Validation,
    check_parsed,
    parse_table,
    with_reading_problems,
)
from fleksi.org.importing.apply import Written, write_plan
from fleksi.org.importing.plan import Plan, plan_changes
from fleksi.org.importing.state import Snapshot, snapshot_load
from fleksi.org.models import Unit
from fleksi.org.services import supervisors_refresh, units_rebuild_paths


@dataclass
class ImportResult:
    validation: Validation
    dry_run: bool
    accept_partial: bool
    written: bool = False
    units_created: int = 0
    units_updated: int = 0
    positions_created: int = 0
    positions_updated: int = 0
    employees_created: int = 0
    employees_updated: int = 0
    employees_unchanged: int = 0
    supervisors_changed: int = 0
    created_employee_ids: list[int] = field(default_factory=list)

    @property
    def problems(self) -> list[Problem]:
        return self.validation.problems

    @property
    def is_valid(self) -> bool:
        return self.validation.is_valid

    @property
    def blocked(self) -> bool:
        """Nothing may be written: the file is unusable, or it has problems and a partial
        import was not accepted."""
        v = self.validation
        return v.fatal or (not v.is_valid and not self.accept_partial)

    def count(self, plan: Plan) -> None:
        self.units_created = len(plan.units_new)
        self.units_updated = len(plan.units_changed)
        self.positions_created = len(plan.positions_new)
        self.positions_updated = len(plan.positions_changed)
        self.employees_created = len(plan.employees_new)
        self.employees_updated = len(plan.employees_changed)
        self.employees_unchanged = plan.employees_unchanged

    def summary(self) -> dict[str, int]:
        return {
            "rows_total": self.validation.rows_total,
            "rows_valid": len(self.validation.records),
            "rows_rejected": self.validation.rows_rejected,
            "problems": len(self.validation.problems),
            "units_created": self.units_created,
            "units_updated": self.units_updated,
            "positions_created": self.positions_created,
            "positions_updated": self.positions_updated,
            "employees_created": self.employees_created,
            "employees_updated": self.employees_updated,
            "employees_unchanged": self.employees_unchanged,
            "supervisors_changed": self.supervisors_changed,
        }


def people_import(
    *,
    actor: Any,
    rows: Iterable[Sequence[Cell]],
    dry_run: bool,
    reading: Sequence[Problem] = (),
    accept_partial: bool = False,
    today: date | None = None,
    context: Mapping[str, Any] | None = None,
) -> ImportResult:
    """Import people from the rows of a registry export (header first).

    With ``dry_run`` nothing is written and the result says what would change. Otherwise
    the whole file is written in one transaction if it is valid; if it is not, nothing is
    written unless ``accept_partial``, in which case only the valid rows are. ``reading``
    are the lines the reader could not read (given as empty rows). Sign-in
    accounts for new employees are the caller's business (``result.created_employee_ids``).
    """
    parsed = parse_table(rows, today=today or timezone.localdate())
    ctx = dict(context or {})
    # A dry run only reads; a real one reads and writes under one transaction, so what it
    # compared is what it changes.
    with contextlib.nullcontext() if dry_run else transaction.atomic():
        snap = snapshot_load(parsed.references()) if parsed.header else Snapshot()
        validation = with_reading_problems(check_parsed(parsed, snap.known()), reading)
        result = ImportResult(validation, dry_run=dry_run, accept_partial=accept_partial)
        if validation.fatal:
            return result
        plan = plan_changes(validation.records, validation.present, snap)
        result.count(plan)
        if dry_run or result.blocked or not validation.records:
            return result
        written = write_plan(plan, snap, ctx)
        if written.reparented:
            units_rebuild_paths()
        _audit(actor, written)
        result.supervisors_changed = supervisors_refresh(actor=actor)
        result.created_employee_ids = written.created_employee_ids
        result.written = True
        audit_record(
            actor=actor,
            change=Change(
                action="org.people_import",
                object_type="org.import",
                object_id=str(ctx.get("import_batch", "")),
                object_repr=str(ctx.get("file", "")),
                after=result.summary(),
                context=ctx,
            ),
        )
    return result


def _audit(actor: Any, written: Written) -> None:
    """One batch of entries per perangkat daerah's stream (``pd:<root id>``)."""
    if not written.changes:
        return
    root_of = dict(Unit.objects.values_list("id", "root_id"))
    by_stream: dict[str, list[Change]] = {}
    for unit_id, change in written.changes:
        by_stream.setdefault(f"pd:{root_of.get(unit_id) or unit_id}", []).append(change)
    for stream, changes in by_stream.items():
        audit_record_many(actor=actor, stream=stream, changes=changes)
