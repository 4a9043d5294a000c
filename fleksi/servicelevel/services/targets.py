"""Where an imported complaint or survey belongs: a service (and its unit) or a unit alone,
resolved for a whole file at once and checked against the importer's units."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from fleksi.org.models import Unit
from fleksi.servicelevel.domain.cells import RowProblem
from fleksi.servicelevel.domain.rows import COL_SERVICE, COL_UNIT, ComplaintRow, SurveyRow
from fleksi.servicelevel.models import PublicService
from fleksi.servicelevel.services.common import in_paths


@dataclass(frozen=True)
class Target:
    """Where a row belongs: a service (and its unit) or a unit alone."""

    service_id: int | None
    unit_id: int
    root_id: int | None
    path: str


def row_targets(
    rows: Sequence[ComplaintRow | SurveyRow],
    editable_paths: Sequence[str] | None,
    *,
    public_only: bool,
) -> tuple[dict[int, Target], list[RowProblem]]:
    """Resolve each row's KODE_LAYANAN / KODE_UNIT in two queries; problems per line."""
    services = {
        code: (pk, unit_id, root_id, path, unit_code)
        for pk, code, unit_id, root_id, path, unit_code in PublicService.objects.filter(
            code__in={r.service_code.upper() for r in rows if r.service_code}
        ).values_list("pk", "code", "unit_id", "unit__root_id", "unit__path", "unit__code")
    }
    units = {
        code: (pk, root_id, path, public)
        for pk, code, root_id, path, public in Unit.objects.filter(
            code__in={r.unit_code for r in rows if r.unit_code}
        ).values_list("pk", "code", "root_id", "path", "is_public_service")
    }
    found: dict[int, Target] = {}
    problems: list[RowProblem] = []
    for r in rows:
        target: Target | None = None
        if r.service_code:
            s = services.get(r.service_code.upper())
            if s is None:
                problems.append(
                    RowProblem(r.line, COL_SERVICE, "unknown_service", {"code": r.service_code})
                )
                continue
            if r.unit_code and r.unit_code != s[4]:
                problems.append(
                    RowProblem(r.line, COL_UNIT, "unit_mismatch", {"code": r.unit_code})
                )
                continue
            target = Target(s[0], s[1], s[2], s[3])
        else:
            u = units.get(r.unit_code)
            if u is None:
                problems.append(RowProblem(r.line, COL_UNIT, "unknown_unit", {"code": r.unit_code}))
                continue
            if public_only and not u[3]:
                problems.append(
                    RowProblem(r.line, COL_UNIT, "unit_not_public", {"code": r.unit_code})
                )
                continue
            target = Target(None, u[0], u[1], u[2])
        if not in_paths(target.path, editable_paths):
            column = COL_SERVICE if r.service_code else COL_UNIT
            code = r.service_code or r.unit_code
            problems.append(RowProblem(r.line, column, "not_yours", {"code": code}))
            continue
        found[r.line] = target
    return found, problems
