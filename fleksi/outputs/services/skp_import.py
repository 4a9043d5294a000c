"""Import of SKPs from a checked file (layout in ``docs/outputs.md``).

For each employee and year in the file, the file's RHK rows become the SKP's complete list
of results, matched by number (indicators replaced); a result only in the database is
removed unless something uses it. ``NO_RHK_ATASAN`` is looked up in the supervisor's SKP of
the same year — in the database or in the same file. Imported SKPs count as agreed (the
e-Kinerja SKP is the reference). All or nothing; re-importing the same file changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from fleksi.audit.services import Change, audit_record_many
from fleksi.common.domain.importing import RowProblem
from fleksi.common.importing.report import ImportReport as BaseReport
from fleksi.org.models import Employee
from fleksi.outputs.domain.skp_rows import (
    COL_NIP,
    COL_PARENT,
    RhkRow,
    SkpRows,
    problem_order,
)
from fleksi.outputs.models import Skp, SkpIndicator, SkpResult
from fleksi.outputs.services.skp import result_in_use

CHUNK = 900


@dataclass
class ImportReport(BaseReport):
    """The shared report, with the number of SKPs (employee and year) in the file."""

    skps: int = 0


def _signature(
    kind: str, text: str, parent: int | None, indicators: list[tuple[Any, ...]]
) -> tuple[Any, ...]:
    return (kind, text, parent, tuple(indicators))


def _row_indicators(row: RhkRow) -> list[tuple[Any, ...]]:
    return [(i.text, i.quantity, i.unit, i.quality_pct, i.time_months) for i in row.indicators]


def skps_import(*, actor: Any, skps: Sequence[SkpRows], dry_run: bool = False) -> ImportReport:
    report = ImportReport(rows=sum(len(r.indicators) for s in skps for r in s.results.values()))
    nips = sorted({s.nip for s in skps})
    people: dict[str, tuple[int, int | None, int, int | None]] = {}
    for i in range(0, len(nips), CHUNK):
        for pk, nip, sup_of, unit_of, root_of in Employee.objects.filter(
            nip__in=nips[i : i + CHUNK]
        ).values_list("id", "nip", "supervisor_id", "unit_id", "unit__root_id"):
            people[nip] = (pk, sup_of, unit_of, root_of)
    for s in skps:
        if s.nip not in people:
            report.problems.append(RowProblem(s.line, COL_NIP, "unknown_nip", {"nip": s.nip}))
    known = [s for s in skps if s.nip in people]
    # The numbers of every result a parent may point to: in the file, or in the database.
    in_file = {(people[s.nip][0], s.year) for s in known}
    numbers: dict[tuple[int, int], set[int]] = {
        (people[s.nip][0], s.year): set(s.results) for s in known
    }
    supervisors: set[int] = {sid for s in known if (sid := people[s.nip][1]) is not None}
    with transaction.atomic():
        for sup_id, year, number in SkpResult.objects.filter(
            skp__employee_id__in=supervisors
        ).values_list("skp__employee_id", "skp__year", "number"):
            if (sup_id, year) not in in_file:
                numbers.setdefault((sup_id, year), set()).add(number)
        for s in known:
            supervisor = people[s.nip][1]
            for rhk in s.results.values():
                if rhk.parent_number is None:
                    continue
                known_numbers = numbers.get((supervisor or 0, s.year), set())
                if supervisor is None or rhk.parent_number not in known_numbers:
                    report.problems.append(
                        RowProblem(
                            rhk.line,
                            COL_PARENT,
                            "parent_unknown",
                            {"number": rhk.parent_number, "year": s.year},
                        )
                    )
        existing: dict[tuple[int, int], Skp] = {
            (skp.employee_id, skp.year): skp
            for skp in Skp.objects.filter(employee_id__in=[people[s.nip][0] for s in known])
        }
        current: dict[int, dict[int, SkpResult]] = {}
        for r in SkpResult.objects.filter(skp__in=list(existing.values())).prefetch_related(
            "indicators"
        ):
            current.setdefault(r.skp_id, {})[r.number] = r
        for s in known:
            skp = existing.get((people[s.nip][0], s.year))
            for number, stored in (current.get(skp.pk, {}) if skp else {}).items():
                if number not in s.results and result_in_use(stored):
                    report.problems.append(
                        RowProblem(s.line, "", "rhk_in_use", {"number": number, "nip": s.nip})
                    )
        report.problems.sort(key=problem_order)
        report.skps = len(known)
        if report.problems:
            return report
        changes: dict[str, list[Change]] = {}
        parents: list[tuple[SkpResult, int, int, int]] = []  # result, sup, year, number
        for s in known:
            emp, sup, unit_id, root_id = people[s.nip]
            skp = existing.get((emp, s.year))
            if skp is None:
                skp = Skp(
                    employee_id=emp,
                    year=s.year,
                    rater_id=sup,
                    source=Skp.Source.IMPORT,
                    status=Skp.Status.AGREED,
                )
                if not dry_run:
                    skp.save()
                    existing[(emp, s.year)] = skp
            olds = current.get(skp.pk, {}) if skp.pk else {}
            for number, row in s.results.items():
                old = olds.get(number)
                wanted = _row_indicators(row)
                old_parent = old.parent if old is not None else None
                old_parent_no = old_parent.number if old_parent is not None else None
                if old is not None and _signature(
                    old.kind,
                    old.text,
                    old_parent_no,
                    [
                        (
                            i.text,
                            i.target_quantity,
                            i.target_unit,
                            i.target_quality_pct,
                            i.target_time_months,
                        )
                        for i in old.indicators.all()
                    ],
                ) == _signature(row.kind, row.text, row.parent_number, wanted):
                    report.unchanged += 1
                    continue
                if old is None:
                    report.created += 1
                else:
                    report.updated += 1
                if dry_run:
                    continue
                result = old or SkpResult(skp=skp, number=number)
                result.kind, result.text, result.parent = row.kind, row.text, None
                result.save()
                result.indicators.all().delete()
                SkpIndicator.objects.bulk_create(
                    [
                        SkpIndicator(
                            result=result,
                            order=i,
                            text=t,
                            target_quantity=q,
                            target_unit=u,
                            target_quality_pct=ql,
                            target_time_months=m,
                        )
                        for i, (t, q, u, ql, m) in enumerate(wanted, start=1)
                    ]
                )
                if row.parent_number is not None and sup is not None:
                    parents.append((result, sup, s.year, row.parent_number))
                changes.setdefault(f"pd:{root_id or unit_id}", []).append(
                    Change(
                        action="outputs.skp.import",
                        object_type="outputs.skp_result",
                        object_id=str(result.pk),
                        object_repr=s.nip,
                        after={
                            "year": s.year,
                            "number": number,
                            "text": row.text,
                            "parent": row.parent_number,
                            "indicators": wanted,
                        },
                    )
                )
            for number, stored in olds.items():
                if number not in s.results:
                    report.deleted += 1
                    if not dry_run:
                        stored.delete()
        if dry_run:
            return report
        for result, parent_sup, year, number in parents:
            result.parent = SkpResult.objects.get(
                skp__employee_id=parent_sup, skp__year=year, number=number
            )
            result.save(update_fields=["parent"])
        for stream, items in changes.items():
            audit_record_many(actor=actor, stream=stream, changes=items)
        report.applied = True
    return report
