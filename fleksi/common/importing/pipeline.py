"""The one path of a file import: read within limits, check the rows, then write or not.

An app gives its limits, its columns, its row checks (pure: rows of text in, checked rows
and problems out) and its writing (which checks against the database and, unless told to
only check, writes all or nothing). Every problem of the file is reported in one pass: the
well-formed rows are checked against the database even when other rows have problems, and
then nothing is written.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from fleksi.common.domain.importing import Cell, RowProblem, TextRow, sorted_problems, text_rows
from fleksi.common.importing.reader import LIMITS, Limits, UnreadableFile, read_table
from fleksi.common.importing.report import ImportReport


def table_import[R, Report: ImportReport](
    *,
    name: str,
    data: bytes,
    parse: Callable[[list[list[Cell]]], tuple[Sequence[R], list[RowProblem]]],
    write: Callable[[Sequence[R], bool], Report],
    report: type[Report],
    dry_run: bool = False,
    limits: Limits = LIMITS,
    columns: Sequence[str] = (),
) -> Report:
    """Read ``data`` (a file called ``name``) within ``limits``, ``parse`` its rows of cells
    (header included) and, unless ``dry_run`` or any problem, ``write`` them. ``columns``
    orders the problems of a line. A file beyond ``limits`` is refused whole
    (``too_many_rows`` and the like), never cut."""
    try:
        table = read_table(io.BytesIO(data), name=name, limits=limits)
    except UnreadableFile as exc:
        return report(problems=[exc.problem()])
    rows, found = parse(table.rows)
    problems = [*table.problems, *found]
    result = write(rows, dry_run or bool(problems)) if rows else report()
    if problems:
        every = sorted_problems([*problems, *result.problems], columns)
        return report(problems=every, rows=len(rows))
    return result


def file_import[R, Report: ImportReport](
    *,
    name: str,
    data: bytes,
    columns: Sequence[str],
    check: Callable[[list[TextRow]], tuple[Sequence[R], list[RowProblem]]],
    write: Callable[[Sequence[R], bool], Report],
    report: type[Report],
    dry_run: bool = False,
    limits: Limits = LIMITS,
    required: Sequence[str] | None = None,
) -> Report:
    """:func:`table_import` of a file whose header names its columns: each row is given to
    ``check`` as text by column (:func:`text_rows`); ``required`` (all of ``columns`` unless
    given) must be in the header."""

    def parse(cells: list[list[Cell]]) -> tuple[Sequence[R], list[RowProblem]]:
        raw, problems = text_rows(cells, columns if required is None else required)
        rows, found = check(raw) if raw else ([], [])
        return rows, [*problems, *found]

    return table_import(
        name=name,
        data=data,
        parse=parse,
        write=write,
        report=report,
        dry_run=dry_run,
        limits=limits,
        columns=columns,
    )
