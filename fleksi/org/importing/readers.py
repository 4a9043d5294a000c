"""Reading an uploaded registry export (CSV or XLSX) into rows of cells.

CSV: UTF-8 with or without a byte-order mark (a file saved by Excel as "CSV (comma
delimited)" in Windows-1252 is accepted too), comma, semicolon or tab as delimiter (taken
from the header line). XLSX: the first sheet, read in openpyxl's streaming mode; date cells
arrive as dates. Both stop at :data:`MAX_BYTES` and :data:`MAX_ROWS`.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import PurePath
from typing import IO, Any

from fleksi.common.errors import ValidationFailed
from fleksi.org.domain.people_import import Cell
from fleksi.org.importing.messages import problem_message

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 50_000
EXTENSIONS = (".csv", ".xlsx")
_DELIMITERS = (",", ";", "\t")


@dataclass(frozen=True)
class Table:
    """The rows of a file, header first; line ``n`` of a spreadsheet is ``rows[n - 1]``."""

    name: str
    rows: list[list[Cell]]


class UnreadableFile(ValidationFailed):
    """The file as a whole cannot be read; ``code`` and ``params`` as for row problems."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, problem_message(code, params), **params)


def file_kind(name: str) -> str:
    """``"csv"`` or ``"xlsx"`` from the file name; raises :class:`UnreadableFile` otherwise."""
    suffix = PurePath(name).suffix.lower()
    if suffix not in EXTENSIONS:
        raise UnreadableFile("file_type")
    return suffix[1:]


def _too_large() -> UnreadableFile:
    return UnreadableFile("file_too_large", mb=MAX_BYTES // (1024 * 1024))


def _too_many_rows() -> UnreadableFile:
    return UnreadableFile("too_many_rows", rows=MAX_ROWS)


def _unreadable(kind: str) -> UnreadableFile:
    return UnreadableFile("file_unreadable", kind=kind.upper())


def read_table(file: IO[bytes], *, name: str) -> Table:
    """Read ``file`` (an open binary file) according to the extension of ``name``."""
    kind = file_kind(name)
    data = file.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise _too_large()
    rows = _read_csv(data) if kind == "csv" else _read_xlsx(data)
    return Table(name=PurePath(name).name, rows=rows)


def _decode(data: bytes) -> str:
    if b"\x00" in data:
        raise _unreadable("csv")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _read_csv(data: bytes) -> list[list[Cell]]:
    text = _decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = max(_DELIMITERS, key=first_line.count)
    rows: list[list[Cell]] = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            rows.append(list(row))
            if len(rows) > MAX_ROWS + 1:
                raise _too_many_rows()
    except csv.Error as exc:
        raise _unreadable("csv") from exc
    return rows


def _xlsx_cell(value: Any) -> Cell:
    if value is None or isinstance(value, str | int | float | bool | date):
        return value
    return str(value)  # times, durations, formulas' errors: kept as text


def _xlsx_rows(data: bytes) -> Iterator[tuple[Any, ...]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise _unreadable("xlsx") from exc
    try:
        if not book.worksheets:
            raise _unreadable("xlsx")
        yield from book.worksheets[0].iter_rows(values_only=True)
    finally:
        book.close()


def _read_xlsx(data: bytes) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    filled = 0
    try:
        for values in _xlsx_rows(data):
            row = [_xlsx_cell(v) for v in values]
            while row and row[-1] is None:
                row.pop()
            rows.append(row)
            if row:
                filled += 1
                if filled > MAX_ROWS + 1:
                    raise _too_many_rows()
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
        raise _unreadable("xlsx") from exc
    while rows and not rows[-1]:
        rows.pop()
    return rows
