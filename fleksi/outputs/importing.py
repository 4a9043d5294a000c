"""Reading an SKP file (CSV or XLSX; layout in ``docs/outputs.md``) into checked rows, then
handing them to :func:`fleksi.outputs.services.skp_import.skps_import`."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from fleksi.outputs.domain.skp_rows import (
    RawRow,
    RowProblem,
    check_rows,
    header_problems,
    normalise_header,
    problem_order,
)
from fleksi.outputs.services.skp_import import ImportReport, skps_import

MAX_ROWS = 100_000
XLSX_MAGIC = b"PK\x03\x04"


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
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
        for row in book.worksheets[0].iter_rows(values_only=True):
            yield [_cell_text(v) for v in row]
    finally:
        book.close()


def read_skp_file(name: str, data: bytes) -> tuple[list[RawRow], list[RowProblem]]:
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


def skp_file_import(*, actor: Any, name: str, data: bytes, dry_run: bool = False) -> ImportReport:
    """Read, check and (unless ``dry_run`` or a problem is found) import an SKP file."""
    raw_rows, problems = read_skp_file(name, data)
    if problems:
        return ImportReport(problems=problems)
    skps, problems = check_rows(raw_rows)
    report = skps_import(actor=actor, skps=skps, dry_run=dry_run or bool(problems))
    if problems:
        merged = sorted([*problems, *report.problems], key=problem_order)
        return ImportReport(problems=merged)
    return report
