"""Reading a connectivity survey file (CSV or XLSX; layout in ``docs/places-readiness.md``)
into checked rows, then handing them to :func:`fleksi.places.services.profiles_import`.

The file goes through the shared import framework
(:func:`fleksi.common.importing.pipeline.table_import`): the same reader, encodings,
limits and messages for a file that cannot be read at all; every problem of the file is
reported in one pass, and nothing is written if there is any.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.utils import timezone

from fleksi.common.domain.importing import Cell, RowProblem
from fleksi.common.importing.pipeline import table_import
from fleksi.common.importing.reader import MB, Limits
from fleksi.places.domain.profile_rows import COLUMNS, ProfileRow, parse_rows
from fleksi.places.services import ImportReport, profiles_import

LIMITS = Limits(max_bytes=5 * MB)


def profile_file_import(
    *, actor: Any, name: str, data: bytes, dry_run: bool = False
) -> ImportReport:
    """Read, check and (unless ``dry_run`` or a problem is found) import a survey file."""
    today = timezone.localdate()

    def parse(cells: list[list[Cell]]) -> tuple[list[ProfileRow], list[RowProblem]]:
        return parse_rows(cells, today=today)

    def write(rows: Sequence[ProfileRow], check_only: bool) -> ImportReport:
        return profiles_import(actor=actor, rows=rows, dry_run=check_only)

    return table_import(
        name=name,
        data=data,
        parse=parse,
        write=write,
        report=ImportReport,
        dry_run=dry_run,
        limits=LIMITS,
        columns=COLUMNS,
    )
