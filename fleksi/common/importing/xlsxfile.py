"""XLSX: the archive inspected before it is unpacked, then the first sheet streamed.

openpyxl (read-only) reads the workbook, its styles and its shared strings, once their
sizes are known to be within :class:`~fleksi.common.importing.reader.Limits`. The rows of
the sheet are then parsed here, one ``<row>`` at a time with the standard XML pull parser
(through defusedxml when present, as openpyxl does): openpyxl's own row reader trusts the
sheet's ``<dimension>`` (reading 99 of 300 rows when it says A1:P100, or padding a million
empty rows when it claims the whole sheet), widens every row to its last cell (a cell in
column XFD makes each row 16,384 wide), and costs about ten times the CPU per row.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any
from xml.etree.ElementTree import Element, ParseError

from fleksi.common.domain.importing import Cell
from fleksi.common.importing.reader import (
    MB,
    Limits,
    UnreadableFile,
    check_cell,
    check_width,
    too_many_rows,
)

MAX_EXCEL_COLUMN = 16_384
MAX_EXCEL_ROW = 1_048_576
_COORDINATE = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")
_SHEETS = re.compile(r"^xl/worksheets/[^/]+\.xml$")
_SHARED_STRINGS = re.compile(r"^xl/sharedStrings[^/]*\.xml$", re.IGNORECASE)
_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    ParseError,
    KeyError,
    IndexError,
    ValueError,  # defusedxml's refusals (entities, DTDs) are ValueErrors too
    TypeError,
    OSError,
    EOFError,
    NotImplementedError,  # an unsupported compression method
    RuntimeError,  # an encrypted entry
)


def _unreadable() -> UnreadableFile:
    return UnreadableFile("file_unreadable", kind="XLSX")


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def inspect_archive(data: bytes, limits: Limits) -> None:
    """Refuse an archive whose parts, unpacked, would exceed the limits.

    The sizes come from the zip directory; Python's zip reader never unpacks more than an
    entry's stated size (a lie ends in a CRC error), so they bound the work that follows.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _ERRORS as exc:
        raise _unreadable() from exc
    with archive:
        entries = archive.infolist()
        if len(entries) > limits.max_parts:
            raise _unreadable()
        if sum(e.file_size for e in entries) > limits.max_unpacked:
            raise UnreadableFile("unpacked_too_large", mb=limits.max_unpacked // MB)
        for entry in entries:
            if entry.flag_bits & 0x1:
                raise _unreadable()  # encrypted (a password-protected workbook)
            if entry.file_size <= limits.max_part or _SHEETS.match(entry.filename):
                continue
            if _SHARED_STRINGS.match(entry.filename):
                raise UnreadableFile("shared_strings_too_large", mb=limits.max_part // MB)
            raise UnreadableFile("part_too_large", part=entry.filename, mb=limits.max_part // MB)


class _Sheet:
    """What is needed to turn a ``<c>`` element into a value."""

    def __init__(self, book: Any, worksheet: Any) -> None:
        from openpyxl.styles.numbers import BUILTIN_FORMATS

        self.shared: list[str] = list(worksheet._shared_strings)
        self.epoch: datetime = book.epoch
        self.dates: set[int] = set(book._date_formats)
        self.durations: set[int] = set(book._timedelta_formats)
        self.percent: set[int] = set()
        custom = list(book._number_formats)
        for index, style in enumerate(book._cell_styles):
            fmt_id = style.numFmtId
            fmt = BUILTIN_FORMATS.get(fmt_id) if fmt_id < 164 else custom[fmt_id - 164]
            if fmt and "%" in fmt.replace("\\%", "").replace('"%"', ""):
                self.percent.add(index)

    def value(self, cell: Element) -> Cell:
        kind = cell.get("t", "n")
        if kind == "inlineStr":
            return _inline_text(cell)
        raw = None
        for child in cell:
            if _local(child.tag) == "v":
                raw = child.text
                break
        if raw is None or raw == "":
            return None
        if kind == "s":
            return self.shared[int(raw)]
        if kind in ("str", "e"):
            return raw
        if kind == "b":
            return raw.strip() in ("1", "true")
        if kind == "d":
            return _iso_date(raw)
        number = _number(raw)
        style = int(cell.get("s") or 0)
        if style in self.dates:
            return _excel_date(number, self.epoch, duration=style in self.durations)
        if style in self.percent:
            return _percent_text(raw)
        return number


def _inline_text(cell: Element) -> str | None:
    parts: list[str] = []
    for child in cell:
        if _local(child.tag) != "is":
            continue
        for node in child.iter():
            if _local(node.tag) == "rPh":  # phonetic guides are not the text
                break
            if _local(node.tag) == "t" and node.text:
                parts.append(node.text)
    return "".join(parts) or None


def _number(raw: str) -> int | float:
    try:
        return int(raw)
    except ValueError:
        return float(raw)


def _percent_text(raw: str) -> str:
    try:
        shown = (Decimal(raw) * 100).normalize()
    except InvalidOperation:
        return raw
    return f"{shown:f}%"


def _iso_date(raw: str) -> Cell:
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        return raw
    return value if value.time() != time() else value.date()


def _excel_date(number: float, epoch: datetime, *, duration: bool) -> Cell:
    from openpyxl.utils.datetime import from_excel

    try:
        value = from_excel(number, epoch, timedelta=duration)
    except (OverflowError, ValueError):
        return str(number)
    if isinstance(value, timedelta | time):
        return str(value)
    if isinstance(value, datetime) and value.time() == time():
        return value  # a datetime at midnight: cells read it as the date
    return value if isinstance(value, date) else str(value)


def _column_of(reference: str | None, previous: int) -> int:
    if not reference:
        return previous + 1
    match = _COORDINATE.match(reference)
    if match is None:
        raise _unreadable()
    column = 0
    for letter in match[1]:
        column = column * 26 + ord(letter) - 64
    if column > MAX_EXCEL_COLUMN:
        raise _unreadable()
    return column


def _rows(source: Any, sheet: _Sheet, limits: Limits) -> Iterator[tuple[int, list[Cell]]]:
    """``(line, cells)`` of each ``<row>``, cells up to the last one with a value."""
    from openpyxl.xml.functions import iterparse

    line = 0
    cells = 0
    parent: Element | None = None
    for event, element in iterparse(source, events=("start", "end")):
        tag = _local(element.tag)
        if event == "start":
            if tag == "sheetData":
                parent = element
            continue
        if tag != "row":
            continue
        number = element.get("r")
        line = int(number) if number else line + 1
        if line > limits.max_rows + 1 or line > MAX_EXCEL_ROW:
            raise too_many_rows(limits)
        values: dict[int, Cell] = {}
        column = 0
        for cell in element:
            if _local(cell.tag) != "c":
                continue
            column = _column_of(cell.get("r"), column)
            value = sheet.value(cell)
            if value is None or value == "":
                continue
            check_width(column, line, limits)
            check_cell(value, line, column, limits)
            values[column] = value
        cells += len(values)
        if cells > limits.max_cells:
            raise UnreadableFile("too_many_cells", max=limits.max_cells)
        row: list[Cell] = [None] * (max(values) if values else 0)
        for column, value in values.items():
            row[column - 1] = value
        element.clear()
        if parent is not None:
            parent.clear()  # keep no finished row in memory
        yield line, row


def read_xlsx(data: bytes, limits: Limits) -> list[list[Cell]]:
    """The rows of the first sheet; line ``n`` is ``rows[n - 1]`` (missing lines empty)."""
    from openpyxl import load_workbook

    inspect_archive(data, limits)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    except _ERRORS as exc:
        raise _unreadable() from exc
    except Exception as exc:  # openpyxl raises its own kinds for a damaged workbook
        raise _unreadable() from exc
    try:
        if not book.worksheets:
            raise _unreadable()
        worksheet: Any = book.worksheets[0]
        archive: zipfile.ZipFile = book._archive  # type: ignore[attr-defined]
        sheet = _Sheet(book, worksheet)
        rows: list[list[Cell]] = []
        with archive.open(worksheet._worksheet_path) as source:
            for line, row in _rows(source, sheet, limits):
                if line <= len(rows):
                    raise _unreadable()  # rows out of order
                rows.extend([] for _ in range(line - 1 - len(rows)))
                rows.append(row)
        return rows
    except UnreadableFile:
        raise
    except _ERRORS as exc:
        raise _unreadable() from exc
    finally:
        book.close()
