"""Importing a duty file (CSV or XLSX; layout in ``docs/import-duties.md``) through the shared
import framework (``fleksi.common.importing``): the app declares its columns, its row checks
(:func:`fleksi.jobmap.domain.rows.check_rows`) and its writing
(:func:`fleksi.jobmap.services.duties_import`).

A duty file becomes the complete list of duties of each position in it, so a row that was
not read would delete a duty: a file beyond the limits is refused as a whole, never cut.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fleksi.common.importing.pipeline import file_import
from fleksi.common.importing.reader import MB, Limits
from fleksi.jobmap.domain.rows import COLUMNS, DutyRow, check_rows
from fleksi.jobmap.services import ImportReport, duties_import

LIMITS = Limits(max_bytes=5 * MB, max_rows=50_000)


def duty_file_import(
    *,
    actor: Any,
    name: str,
    data: bytes,
    dry_run: bool = False,
    unit_paths: Sequence[str] | None = None,
) -> ImportReport:
    """Read, check and (unless ``dry_run`` or a problem is found) import a duty file."""

    def write(rows: Sequence[DutyRow], check_only: bool) -> ImportReport:
        return duties_import(actor=actor, rows=rows, dry_run=check_only, unit_paths=unit_paths)

    return file_import(
        name=name,
        data=data,
        columns=COLUMNS,
        check=check_rows,
        write=write,
        report=ImportReport,
        dry_run=dry_run,
        limits=LIMITS,
    )
