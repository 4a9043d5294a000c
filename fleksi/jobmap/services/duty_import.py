"""Import of duties from a checked file (see ``docs/import-duties.md``).

For each position in the file, the file's rows become its complete list of duties, matched
by number (NO_URUT): a number in the file and not in the database is added, one in both is
updated if its text or share differs, one only in the database is removed. Positions not in
the file are left alone. All or nothing: any problem and nothing is written; importing the
same file again changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from fleksi.audit.services import Change, audit_record_many
from fleksi.common.domain.importing import RowProblem
from fleksi.common.importing.report import ImportReport as BaseReport
from fleksi.jobmap.domain.rows import COL_POSITION, DutyRow
from fleksi.jobmap.models import Assessment, Duty
from fleksi.org.models import Position

CHUNK = 900
FIELDS = ("description", "output", "time_share")


@dataclass
class ImportReport(BaseReport):
    """The shared report, with the number of positions whose duties the file lists."""

    positions: int = 0


@dataclass
class _Plan:
    create: list[Duty] = field(default_factory=list)
    update: list[Duty] = field(default_factory=list)
    delete: list[int] = field(default_factory=list)
    changes: dict[int, dict[str, Any]] = field(default_factory=dict)  # position id → summary


def _positions_by_code(codes: Sequence[str]) -> dict[str, tuple[int, str, int, int | None]]:
    """code → (id, unit path, unit id, perangkat daerah id)."""
    found: dict[str, tuple[int, str, int, int | None]] = {}
    for i in range(0, len(codes), CHUNK):
        for pid, code, path, unit_id, root_id in Position.objects.filter(
            code__in=codes[i : i + CHUNK]
        ).values_list("id", "code", "unit__path", "unit_id", "unit__root_id"):
            found[code] = (pid, path, unit_id, root_id)
    return found


def _plan(rows: Sequence[DutyRow], position_of: dict[str, int]) -> tuple[_Plan, int]:
    ids = sorted(set(position_of.values()))
    existing: dict[tuple[int, int], Duty] = {}
    for i in range(0, len(ids), CHUNK):
        for duty in Duty.objects.filter(position_id__in=ids[i : i + CHUNK]):
            existing[(duty.position_id, duty.order)] = duty
    plan = _Plan()
    unchanged = 0
    seen: set[tuple[int, int]] = set()
    for row in rows:
        pid = position_of[row.position_code]
        key = (pid, row.order)
        seen.add(key)
        values = {
            "description": row.description,
            "output": row.output,
            "time_share": row.time_share,
        }
        current = existing.get(key)
        if current is None:
            plan.create.append(Duty(position_id=pid, order=row.order, **values))
            plan.changes.setdefault(pid, {}).setdefault("added", []).append(row.order)
        elif any(getattr(current, f) != values[f] for f in FIELDS):
            for f in FIELDS:
                setattr(current, f, values[f])
            plan.update.append(current)
            plan.changes.setdefault(pid, {}).setdefault("updated", []).append(row.order)
        else:
            unchanged += 1
    for key, duty in existing.items():
        if key not in seen:
            plan.delete.append(duty.pk)
            plan.changes.setdefault(key[0], {}).setdefault("removed", []).append(key[1])
    return plan, unchanged


def duties_import(
    *,
    actor: Any,
    rows: Sequence[DutyRow],
    dry_run: bool = False,
    unit_paths: Sequence[str] | None = None,
) -> ImportReport:
    """Check ``rows`` against the organisation and write them (unless ``dry_run``).
    ``unit_paths`` limits the positions to those subtrees (``None``: any position)."""
    report = ImportReport(rows=len(rows))
    codes = sorted({r.position_code for r in rows})
    found = _positions_by_code(codes)
    first_line: dict[str, int] = {}
    for row in rows:
        first_line.setdefault(row.position_code, row.line)
        if row.position_code not in found:
            report.problems.append(
                RowProblem(
                    row.line, COL_POSITION, "unknown_position", {"position": row.position_code}
                )
            )
    position_of = {code: found[code][0] for code in codes if code in found}
    if unit_paths is not None:
        for code, (_pid, path, _u, _r) in found.items():
            if not any(path.startswith(p) for p in unit_paths):
                report.problems.append(
                    RowProblem(
                        first_line[code], COL_POSITION, "position_out_of_scope", {"position": code}
                    )
                )
    with transaction.atomic():
        ids = sorted(position_of.values())
        if not dry_run and not report.problems:
            for i in range(0, len(ids), CHUNK):  # lock in id order: no deadlock between imports
                chunk = ids[i : i + CHUNK]
                list(Position.objects.select_for_update().filter(pk__in=chunk).order_by("pk"))
        proposed: set[int] = set()
        for i in range(0, len(ids), CHUNK):
            proposed.update(
                Assessment.objects.filter(
                    position_id__in=ids[i : i + CHUNK], status=Assessment.Status.PROPOSED
                ).values_list("position_id", flat=True)
            )
        for code, pid in position_of.items():
            if pid in proposed:
                report.problems.append(
                    RowProblem(
                        first_line[code], COL_POSITION, "assessment_proposed", {"position": code}
                    )
                )
        report.problems.sort(key=lambda p: (p.line, p.column))
        report.positions = len(position_of)
        if report.problems:
            return report
        plan, report.unchanged = _plan(rows, position_of)
        report.created, report.updated, report.deleted = (
            len(plan.create),
            len(plan.update),
            len(plan.delete),
        )
        if dry_run:
            return report
        for i in range(0, len(plan.delete), CHUNK):
            Duty.objects.filter(pk__in=plan.delete[i : i + CHUNK]).delete()
        Duty.objects.bulk_update(plan.update, list(FIELDS), batch_size=1000)
        Duty.objects.bulk_create(plan.create, batch_size=1000)
        by_stream: dict[str, list[Change]] = {}
        code_of = {pid: code for code, pid in position_of.items()}
        for pid, summary in plan.changes.items():
            _p, _path, unit_id, root_id = found[code_of[pid]]
            by_stream.setdefault(f"pd:{root_id or unit_id}", []).append(
                Change(
                    action="jobmap.duty.import",
                    object_type="org.position",
                    object_id=str(pid),
                    object_repr=code_of[pid],
                    after=summary,
                )
            )
        for stream, changes in by_stream.items():
            audit_record_many(actor=actor, stream=stream, changes=changes)
        report.applied = True
    return report
