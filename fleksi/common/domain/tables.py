"""Tables written as files people open in a spreadsheet: CSV and XLSX (pure).

Every export goes through here so that no cell can run as a formula. A text cell that starts
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would be read by a spreadsheet
as a formula (CSV/formula injection: a name like ``=HYPERLINK(...)`` typed into a form, then
exported); such a text is written with a leading apostrophe, which spreadsheets show as
plain text. Numbers, dates and empty cells are written as they are; in an XLSX a number stays
a number, with a number format (``#,##0``, ``#,##0.0#``) so that the spreadsheet shows it
grouped and with the reader's own separators (1.234,5 in Indonesian, 1,234.5 in English).

Readable when opened (issue 16): the header row is bold and stays in view (frozen), and each
column is as wide as its content (:func:`column_widths`, within 8 and 60 characters).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
WHOLE_FORMAT = "#,##0"
DECIMAL_FORMAT = "#,##0.0#"
BOM = "\ufeff"  # so that spreadsheets read a UTF-8 CSV as UTF-8
MIN_WIDTH, MAX_WIDTH = 8, 60  # column widths, in characters

type Row = Sequence[object]


def safe_cell(value: object) -> object:
    """``value``, or a text a spreadsheet would run as a formula kept as text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(row: Iterable[object]) -> list[object]:
    return [safe_cell(v) for v in row]


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(header: Row, rows: Iterable[Row], *, delimiter: str = ";") -> Iterator[str]:
    """The lines of a CSV file, one at a time (for streaming a large table)."""
    writer = csv.writer(_Echo(), delimiter=delimiter, lineterminator="\r\n")
    yield writer.writerow(safe_row(header))
    for row in rows:
        yield writer.writerow(safe_row(row))


def csv_text(header: Row, rows: Iterable[Row], *, delimiter: str = ";", bom: bool = False) -> str:
    out = io.StringIO()
    if bom:
        out.write(BOM)
    for line in csv_lines(header, rows, delimiter=delimiter):
        out.write(line)
    return out.getvalue()


@dataclass(frozen=True)
class Sheet:
    title: str  # at most 31 characters are kept (a limit of the format)
    header: Row  # () for none
    rows: Iterable[Row]


def number_format_of(value: object) -> str:
    """The XLSX number format of a cell holding ``value`` ("" for a text, date or empty cell)."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return ""
    return WHOLE_FORMAT if isinstance(value, int) else DECIMAL_FORMAT


def shown_width(value: object) -> int:
    """About how many characters a cell shows (numbers grouped, the longest line of a text)."""
    if value is None or value == "":
        return 0
    if isinstance(value, bool):
        return 5
    if isinstance(value, int):
        return len(f"{value:,}")
    if isinstance(value, float | Decimal):
        return len(f"{float(value):,.2f}")
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    return max(len(line) for line in str(value).splitlines() or [""])


def column_widths(header: Row, rows: Sequence[Row]) -> list[int]:
    """Each column's width from its content: the widest cell (the header in bold counts a
    little wider) plus a margin, within :data:`MIN_WIDTH` and :data:`MAX_WIDTH`."""
    n = max([len(header), *(len(r) for r in rows)], default=0)
    widest = [0] * n
    for i, value in enumerate(header):
        widest[i] = int(shown_width(value) * 1.1) + 1
    for row in rows:
        for i, value in enumerate(row):
            widest[i] = max(widest[i], shown_width(value))
    return [min(MAX_WIDTH, max(MIN_WIDTH, w + 2)) for w in widest]


def xlsx_bytes(sheets: Iterable[Sheet]) -> bytes:
    """A workbook with one sheet per :class:`Sheet`; numbers as numbers with a number format
    (:func:`number_format_of`); a bold, frozen header row; widths from the content."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    bold = Font(bold=True)
    for s in sheets:
        sheet = book.create_sheet(s.title[:31])
        rows = [safe_row(r) for r in s.rows]
        header = safe_row(s.header)
        for i, width in enumerate(column_widths(header, rows), start=1):
            sheet.column_dimensions[get_column_letter(i)].width = width
        if header:
            sheet.freeze_panes = "A2"
            cells_h = []
            for value in header:
                cell = WriteOnlyCell(sheet, value=value)  # type: ignore[arg-type]
                cell.font = bold
                cells_h.append(cell)
            sheet.append(cells_h)
        for row in rows:
            cells: list[object] = []
            for value in row:
                fmt = number_format_of(value)
                if fmt and isinstance(value, int | float | Decimal):
                    cell = WriteOnlyCell(
                        sheet, value=value if isinstance(value, int) else float(value)
                    )
                    cell.number_format = fmt
                    cells.append(cell)
                else:
                    cells.append(value)
            sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
