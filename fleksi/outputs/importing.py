"""Importing an SKP file (CSV or XLSX; layout in ``docs/outputs.md``) through the shared
import framework (``fleksi.common.importing``): the app declares its columns, its row checks
(:func:`fleksi.outputs.domain.skp_rows.check_rows`) and its writing
(:func:`fleksi.outputs.services.skp_import.skps_import`).

An SKP file becomes the complete list of results of each employee's SKP in it, so a row that
was not read would remove a result: a file beyond the limits is refused whole, never cut.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fleksi.common.importing.pipeline import file_import
from fleksi.common.importing.reader import MB, Limits
from fleksi.outputs.domain.skp_rows import COLUMNS, REQUIRED, SkpRows, check_rows
from fleksi.outputs.services.skp_import import ImportReport, skps_import

LIMITS = Limits(max_bytes=10 * MB, max_rows=100_000)


def skp_file_import(*, actor: Any, name: str, data: bytes, dry_run: bool = False) -> ImportReport:
    """Read, check and (unless ``dry_run`` or a problem is found) import an SKP file."""

    def write(skps: Sequence[SkpRows], check_only: bool) -> ImportReport:
        return skps_import(actor=actor, skps=skps, dry_run=check_only)

    return file_import(
        name=name,
        data=data,
        columns=COLUMNS,
        required=REQUIRED,
        check=check_rows,
        write=write,
        report=ImportReport,
        dry_run=dry_run,
        limits=LIMITS,
    )
