"""Reading an uploaded file (CSV or XLSX; layouts in ``docs/service-levels.md``) into checked
rows, then handing them to the services. The file goes through the shared import framework
(:func:`fleksi.common.importing.pipeline.table_import`): the same reader, encodings,
limits and messages for a file that cannot be read at all.

Every problem of the file is reported at once (the well-formed rows are checked against the
database even when others are not); nothing is written if any row has a problem.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from django.utils import timezone

from fleksi.accounts.models import User
from fleksi.common.importing.pipeline import table_import
from fleksi.servicelevel.domain.cells import RowProblem
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


def _import(
    *,
    actor: User,
    name: str,
    data: bytes,
    dry_run: bool,
    parse: Callable[..., tuple[Sequence[Any], list[RowProblem]]],
    write: Callable[..., ImportReport],
) -> ImportReport:
    today: date = timezone.localdate()
    paths = editable_paths(actor)
    return table_import(
        name=name,
        data=data,
        parse=lambda cells: parse(cells, today=today),
        write=lambda rows, check_only: write(
            actor=actor, rows=rows, editable_paths=paths, dry_run=check_only
        ),
        report=ImportReport,
        dry_run=dry_run,
    )


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
