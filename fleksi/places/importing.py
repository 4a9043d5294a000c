"""Reading a connectivity survey file (CSV or XLSX; layout in ``docs/places-readiness.md``)
into checked rows, then handing them to :func:`fleksi.places.services.profiles_import`.

The file is read by the shared reader (``fleksi.common.importing.reader``): the same
encodings, delimiters, size and row limits, and the same messages for a file that cannot
be read at all.
"""

from __future__ import annotations

import io
from typing import Any

from django.utils import timezone

from fleksi.common.importing.reader import MB, Limits, UnreadableFile, read_table
from fleksi.places.domain.profile_rows import parse_rows
from fleksi.places.services import ImportReport, profiles_import

LIMITS = Limits(max_bytes=5 * MB)


def profile_file_import(
    *, actor: Any, name: str, data: bytes, dry_run: bool = False
) -> ImportReport:
    """Read, check and (unless ``dry_run`` or a problem is found) import a survey file."""
    try:
        table = read_table(io.BytesIO(data), name=name, limits=LIMITS)
    except UnreadableFile as exc:
        return ImportReport(problems=[exc.problem()])
    rows, problems = parse_rows(table.rows, today=timezone.localdate())
    problems = [*table.problems, *problems]
    # The well-formed rows are checked against the desa list even when others are not, so
    # one pass reports every problem of the file.
    report = profiles_import(actor=actor, rows=rows, dry_run=dry_run or bool(problems))
    if problems:
        merged = sorted([*problems, *report.problems], key=lambda p: (p.line, p.column))
        return ImportReport(problems=merged, rows=len(rows))
    return report
