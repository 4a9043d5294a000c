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
from fleksi.common.importing.reader import Limits
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
LIMITS = Limits()  # the shared limits: 20 MB, 50,000 lines below the header


def _surveys_import(**kw: Any) -> ImportReport:
    return surveys_import(scale=grade_scale(), **kw)


# kind → (the pure parser of its rows, the service that checks and writes them)
PIPELINES: dict[str, tuple[Callable[..., tuple[Sequence[Any], list[RowProblem]]], Any]] = {
    "figures": (parse_figure_rows, figures_import),
    "complaints": (parse_complaint_rows, complaints_import),
    "surveys": (parse_survey_rows, _surveys_import),
}


def service_file_import(
    *, kind: str, actor: User, name: str, data: bytes, dry_run: bool = False
) -> ImportReport:
    """Import a file of daily figures, complaints or surveys (``kind``)."""
    if kind not in PIPELINES:
        raise ValueError(kind)
    parse, write = PIPELINES[kind]
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
        limits=LIMITS,
    )
