"""Reading a duty file (CSV or XLSX; layout in ``docs/import-duties.md``) into checked rows,
then handing them to :func:`fleksi.jobmap.services.duties_import`."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from fleksi.jobmap.domain.rows import (
    COL_SHARE,
    RawRow,
    RowProblem,
    check_rows,
    header_problems,
    normalise_header,
)
from fleksi.jobmap.services import ImportReport, duties_import

MAX_ROWS = 50_000
XLSX_MAGIC = b"PK\x03\x04"


def _cell_text(value: Any, percent_format: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if percent_format:
            number *= 100
        return format(number.normalize(), "f")
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _csv_rows(data: bytes) -> Iterator[list[str]]:
    text = data.decode("utf-8-sig")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def _xlsx_rows(data: bytes) -> Iterator[list[str]]:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        share_index: int | None = None
        for number, row in enumerate(sheet.iter_rows(), start=1):
            cells = list(row)
            if number == 1:
                names = [normalise_header(_cell_text(c.value)) for c in cells]
                share_index = names.index(COL_SHARE) if COL_SHARE in names else None
                yield [_cell_text(c.value) for c in cells]
                continue
            yield [
                _cell_text(
                    c.value,
                    percent_format=i == share_index and "%" in str(getattr(c, "number_format", "")),
                )
                for i, c in enumerate(cells)
            ]
    finally:
        book.close()


def read_duty_file(name: str, data: bytes) -> tuple[list[RawRow], list[RowProblem]]:
    """The rows of a file by column name (header on line 1), or the problems that stop it."""
    is_xlsx = name.lower().endswith(".xlsx") or data.startswith(XLSX_MAGIC)
    try:
        lines = list(_xlsx_rows(data) if is_xlsx else _csv_rows(data))
    except UnicodeDecodeError:
        return [], [RowProblem(0, "", "encoding")]
    except Exception:  # openpyxl and csv raise many kinds for a damaged file
        return [], [RowProblem(0, "", "unreadable")]
    if not lines or not any(cell.strip() for cell in lines[0]):
        return [], [RowProblem(0, "", "empty")]
    header = [normalise_header(h) for h in lines[0]]
    problems = header_problems(header)
    if problems:
        return [], problems
    rows = [
        RawRow(number, dict(zip(header, values, strict=False)))
        for number, values in enumerate(lines[1 : MAX_ROWS + 1], start=2)
    ]
    if not rows:
        return [], [RowProblem(0, "", "empty")]
    return rows, []


def duty_file_import(
    *,
    actor: Any,
    name: str,
    data: bytes,
    dry_run: bool = False,
    unit_paths: Sequence[str] | None = None,
) -> ImportReport:
    """Read, check and (unless ``dry_run`` or a problem is found) import a duty file."""
    raw_rows, problems = read_duty_file(name, data)
    if problems:
        return ImportReport(problems=problems)
    rows, problems = check_rows(raw_rows)
    # The well-formed rows are checked against the organisation even when others are not,
    # so that one pass reports every problem of the file.
    report = duties_import(
        actor=actor, rows=rows, dry_run=dry_run or bool(problems), unit_paths=unit_paths
    )
    if problems:
        merged = sorted([*problems, *report.problems], key=lambda p: (p.line, p.column))
        return ImportReport(problems=merged)
    return report
