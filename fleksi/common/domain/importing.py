"""What every file import shares, as plain values (pure): a cell, a row problem, a header.

A problem names a spreadsheet line (the header is line 1; 0 means the file as a whole), a
column ("" for the row as a whole), a stable code and its parameters. The sentence for
people is made from the code by ``fleksi.common.importing.messages`` (and the app's own
codes), in the reader's language, when it is shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

# What a reader gives for one cell: text from a CSV file; text, numbers, booleans or dates
# (a ``datetime`` is a ``date``) from an XLSX sheet; ``None`` when empty.
type Cell = str | int | float | bool | date | None

FILE_LINE = 0
HEADER_LINE = 1


@dataclass(frozen=True)
class RowProblem:
    """One problem of an imported file; ``line`` 0 is the file, ``column`` "" the row."""

    line: int
    column: str
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)


def problem_order(columns: Sequence[str] = ()) -> Any:
    """A sort key: by line, then in the order of ``columns`` (others first), then code."""
    position = {c: i for i, c in enumerate(columns)}

    def key(problem: RowProblem) -> tuple[int, int, str]:
        return problem.line, position.get(problem.column, -1), problem.code

    return key


def sorted_problems(
    problems: Iterable[RowProblem], columns: Sequence[str] = ()
) -> list[RowProblem]:
    return sorted(problems, key=problem_order(columns))


def normalise_header(name: Cell) -> str:
    """``" Kode Unit "`` and ``"kode-unit"`` are ``"KODE_UNIT"``."""
    return re.sub(r"[\s\-]+", "_", cell_text(name).strip().upper())


def blank(row: Sequence[Cell]) -> bool:
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in row)


def cell_text(value: Any) -> str:
    """A cell as the text a person typed: numbers without a trailing ``.0`` or exponent,
    dates as YYYY-MM-DD, booleans as ``True``/``False``, empty as ``""``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if not number.is_finite():
            return str(value)
        return format(number.normalize(), "f")
    if isinstance(value, datetime):
        return (
            value.isoformat() if value.time() != datetime.min.time() else value.date().isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def text_of(cell: Cell) -> str:
    """A cell as a form field reads it: stripped text, ``Y``/``N`` for a boolean, a whole
    float without ``.0``, a date (or a datetime's date) as YYYY-MM-DD, ``""`` when empty."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "Y" if cell else "N"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime):
        return cell.date().isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    return str(cell).strip()


_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$")


def date_of(cell: Cell) -> date | None:
    """A date cell, or text as YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY (None if not a date)."""
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    value = text_of(cell)
    iso, dmy = _ISO.match(value), _DMY.match(value)
    try:
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        if dmy:
            return date(int(dmy[4]), int(dmy[3]), int(dmy[1]))
    except ValueError:
        return None
    return None


def whole_number(text: str) -> int:
    """``"3"`` or ``"3.0"`` (as spreadsheets turn 3) → 3; raises ``ValueError`` otherwise."""
    cleaned = text.strip().removesuffix(".0")
    if not cleaned.isdigit():
        raise ValueError(text)
    return int(cleaned)


def by_header(
    header: Sequence[str], rows: Iterable[Sequence[Cell]], first_line: int = HEADER_LINE + 1
) -> Iterable[tuple[int, dict[str, Cell]]]:
    """Each row after the header as ``(line, {column: cell})`` (first of a repeated name)."""
    index: dict[str, int] = {}
    for position, name in enumerate(header):
        if name:
            index.setdefault(name, position)
    for line, row in enumerate(rows, start=first_line):
        yield line, {name: row[i] if i < len(row) else None for name, i in index.items()}


@dataclass(frozen=True)
class TextRow:
    """A data row as text by column name (the cells as typed, stripped)."""

    line: int  # as a spreadsheet shows it: the header is line 1
    values: Mapping[str, str]


def header_problems(header: Sequence[str], required: Sequence[str]) -> list[RowProblem]:
    """``header_missing`` for an empty first line, else each required column missing and
    each name given twice (normalised names, as :func:`normalise_header` makes them)."""
    if not any(header):
        return [RowProblem(HEADER_LINE, "", "header_missing")]
    problems = [RowProblem(HEADER_LINE, c, "column_missing") for c in required if c not in header]
    seen: set[str] = set()
    for name in header:
        if name and name in seen:
            problems.append(RowProblem(HEADER_LINE, name, "column_duplicate"))
        seen.add(name)
    return problems


def text_rows(
    rows: Sequence[Sequence[Cell]], required: Sequence[str]
) -> tuple[list[TextRow], list[RowProblem]]:
    """The rows below the header (line 1) as text by column, blank rows left out, or the
    problems of the header (then no rows); ``no_rows`` when no row holds a value."""
    header = [normalise_header(name) for name in rows[0]] if rows else []
    problems = header_problems(header, required)
    if problems:
        return [], problems
    out = [
        TextRow(line, {name: cell_text(cell).strip() for name, cell in values.items()})
        for line, values in by_header(header, rows[1:])
        if not blank(list(values.values()))
    ]
    if not out:
        return [], [RowProblem(HEADER_LINE, "", "no_rows")]
    return out, []
