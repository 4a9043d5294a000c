"""Reading an uploaded CSV or XLSX file into rows of cells, within limits.

Every limit is checked while reading, before the work it bounds is done: the size of the
upload; for XLSX the unpacked size of the archive and of each part read whole (shared
strings, styles), inspected in the zip directory before anything is unpacked; the number
of lines (empty lines count too, so a sheet that claims a million rows costs nothing);
the columns and the length of a cell. What the file says about itself (an XLSX sheet's
``<dimension>``) is never trusted. A file beyond a limit is refused as a whole with a
clear message: rows are never dropped silently (a duty file becomes the complete list of
duties, so a dropped row would delete one).

CSV: UTF-8 with or without a byte-order mark; a file saved by Excel in Windows-1252 is
read as such. The encoding is decided per line: in a UTF-8 file with a stray byte from
another encoding only that line is reported (``row_encoding``), the others are read as
UTF-8. Comma, semicolon or tab as delimiter (taken from the first line).
XLSX: the first sheet, streamed row by row; date cells arrive as dates; a number shown
as a percentage arrives as the text shown (``"12.5%"``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath
from typing import IO, Any

from fleksi.common.domain.importing import Cell, RowProblem
from fleksi.common.errors import ValidationFailed

MB = 1024 * 1024
EXTENSIONS = (".csv", ".xlsx")


@dataclass(frozen=True)
class Limits:
    """What a reader accepts; an import may lower them (never needs to raise them)."""

    max_bytes: int = 20 * MB  # the uploaded file
    max_rows: int = 50_000  # lines below the header, empty lines included
    max_columns: int = 200  # the last column with a value
    max_cell_chars: int = 32_767  # as in Excel
    max_cells: int = 2_000_000  # cells with a value
    max_unpacked: int = 200 * MB  # XLSX: every part of the archive, unpacked
    max_part: int = 16 * MB  # XLSX: each part read whole (shared strings, styles, workbook)
    max_parts: int = 1_000  # XLSX: entries in the archive


LIMITS = Limits()


class UnreadableFile(ValidationFailed):
    """The file as a whole cannot be read (or is beyond a limit); nothing of it is used."""

    def __init__(self, code: str, **params: Any) -> None:
        from fleksi.common.importing.messages import problem_message

        super().__init__(code, problem_message(code, params), **params)

    def problem(self) -> RowProblem:
        return RowProblem(0, "", self.code, dict(self.params))


@dataclass(frozen=True)
class Table:
    """The rows of a file, header first: line ``n`` of the spreadsheet is ``rows[n - 1]``.

    ``problems`` are lines that could not be read (``row_encoding``); those rows are given
    empty, so that no check reads garbled text, and an import reports the problem instead.
    """

    name: str
    rows: list[list[Cell]]
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def bad_lines(self) -> frozenset[int]:
        return frozenset(p.line for p in self.problems)


def file_kind(name: str) -> str:
    """``"csv"`` or ``"xlsx"`` from the file name; raises :class:`UnreadableFile` otherwise."""
    suffix = PurePath(name).suffix.lower()
    if suffix not in EXTENSIONS:
        raise UnreadableFile("file_type")
    return suffix[1:]


def too_many_rows(limits: Limits) -> UnreadableFile:
    return UnreadableFile("too_many_rows", rows=limits.max_rows)


def too_large(limits: Limits) -> UnreadableFile:
    return UnreadableFile("file_too_large", mb=limits.max_bytes // MB)


def read_bytes(file: IO[bytes], limits: Limits = LIMITS) -> bytes:
    """At most ``max_bytes`` of ``file``; a larger file is refused (not cut)."""
    data = file.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        raise too_large(limits)
    return data


def read_table(file: IO[bytes], *, name: str, limits: Limits = LIMITS) -> Table:
    """Read ``file`` (an open binary file) according to the extension of ``name``."""
    kind = file_kind(name)
    return read_data(read_bytes(file, limits), name=name, limits=limits, kind=kind)


def read_data(data: bytes, *, name: str, limits: Limits = LIMITS, kind: str = "") -> Table:
    """Read the bytes of a file already in memory (at most ``max_bytes``)."""
    from fleksi.common.importing import csvfile, xlsxfile

    kind = kind or file_kind(name)
    if len(data) > limits.max_bytes:
        raise too_large(limits)
    if kind == "csv":
        rows, problems = csvfile.read_csv(data, limits)
    else:
        rows, problems = xlsxfile.read_xlsx(data, limits), []
    while rows and not rows[-1]:
        rows.pop()
    return Table(name=PurePath(name).name, rows=rows, problems=problems)


def column_letter(index: int) -> str:
    """1 → ``A``, 16384 → ``XFD``."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def check_cell(value: Cell, line: int, column: int, limits: Limits) -> None:
    if isinstance(value, str) and len(value) > limits.max_cell_chars:
        raise UnreadableFile(
            "cell_too_long",
            line=line,
            cell=f"{column_letter(column)}{line}",
            max=limits.max_cell_chars,
        )


def check_width(width: int, line: int, limits: Limits) -> None:
    if width > limits.max_columns:
        raise UnreadableFile(
            "too_many_columns",
            line=line,
            cell=f"{column_letter(width)}{line}",
            max=limits.max_columns,
        )
