"""Reading an uploaded file (CSV or XLSX; layouts in ``docs/service-levels.md``) into checked
rows, then handing them to the services. The file is read by the shared import reader
(``fleksi.common.importing.reader``): the same encodings, delimiters, size and row limits,
and the same messages for a file that cannot be read at all.

Every problem of the file is reported at once (the well-formed rows are checked against the
database even when others are not); nothing is written if any row has a problem.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from django.utils import timezone

from fleksi.accounts.models import User
from fleksi.common.importing.reader import UnreadableFile, read_table
from fleksi.servicelevel.domain.cells import Cell, RowProblem
from fleksi.servicelevel.domain.rows import (
    parse_complaint_rows,
    parse_figure_rows,
    parse_survey_rows,
)
from fleksi.servicelevel.permissions import editable_paths
from fleksi.servicelevel.selectors import grade_scale
from fleksi.servicelevel.services import (
    ImportReport,
    complaints_import,
    figures_import,
    surveys_import,
)

KINDS = ("figures", "complaints", "surveys")


def _merge(problems: list[RowProblem], report: ImportReport, rows: int) -> ImportReport:
    if problems:
        merged = sorted([*problems, *report.problems], key=lambda p: (p.line, p.column))
        return ImportReport(problems=merged, rows=rows)
    return report


def _import(
    *,
    actor: User,
    name: str,
    data: bytes,
    dry_run: bool,
    parse: Callable[..., tuple[Sequence[Any], list[RowProblem]]],
    write: Callable[..., ImportReport],
) -> ImportReport:
    try:
        read = read_table(io.BytesIO(data), name=name)
    except UnreadableFile as exc:
        return ImportReport(problems=[exc.problem()])
    table: list[list[Cell]] = read.rows
    today: date = timezone.localdate()
    rows, problems = parse(table, today=today)
    problems = [*read.problems, *problems]
    report = write(
        actor=actor,
        rows=rows,
        editable_paths=editable_paths(actor),
        dry_run=dry_run or bool(problems),
    )
    return _merge(problems, report, len(rows))


def service_file_import(
    *, kind: str, actor: User, name: str, data: bytes, dry_run: bool = False
) -> ImportReport:
    """Import a file of daily figures, complaints or surveys (``kind``)."""
    if kind == "figures":
        return _import(
            actor=actor,
            name=name,
            data=data,
            dry_run=dry_run,
            parse=parse_figure_rows,
            write=figures_import,
        )
    if kind == "complaints":
        return _import(
            actor=actor,
            name=name,
            data=data,
            dry_run=dry_run,
            parse=parse_complaint_rows,
            write=complaints_import,
        )
    if kind == "surveys":
        scale = grade_scale()

        def write(**kw: Any) -> ImportReport:
            return surveys_import(scale=scale, **kw)

        return _import(
            actor=actor, name=name, data=data, dry_run=dry_run, parse=parse_survey_rows, write=write
        )
    raise ValueError(kind)
