"""Reading the cells of an imported file: text, dates, whole and decimal numbers. Pure.

Spreadsheets from Indonesian offices write decimals with a comma ("3,25"); both comma and
point are accepted as the decimal mark. Thousands separators are not: a count is digits.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from fleksi.common.domain.importing import Cell, RowProblem, date_of, normalise_header, text_of

__all__ = ["Cell", "RowProblem", "date_of", "normalise_header", "text_of"]

_DECIMAL = re.compile(r"^-?\d+([.,]\d+)?$")


def int_of(cell: Cell) -> int | None:
    """A whole number ≥ 0 (None if the cell is not one)."""
    if isinstance(cell, bool):
        return None
    if isinstance(cell, int):
        return cell if cell >= 0 else None
    if isinstance(cell, float):
        return int(cell) if cell.is_integer() and cell >= 0 else None
    value = text_of(cell)
    return int(value) if value.isdigit() else None


def decimal_of(cell: Cell) -> Decimal | None:
    """A decimal number, with a point or a comma (None if the cell is not one)."""
    if isinstance(cell, bool):
        return None
    if isinstance(cell, int | float):
        try:
            return Decimal(str(cell))
        except InvalidOperation:  # pragma: no cover - nan/inf
            return None
    value = text_of(cell)
    if not _DECIMAL.match(value):
        return None
    return Decimal(value.replace(",", "."))


def header_problems(
    header: Sequence[str], required: Sequence[str], known: Sequence[str]
) -> list[RowProblem]:
    problems = [RowProblem(1, c, "missing_column") for c in required if c not in header]
    seen: set[str] = set()
    for name in header:
        if name and name in seen and name in known:
            problems.append(RowProblem(1, name, "duplicate_column"))
        seen.add(name)
    return problems


def table_rows(
    table: Sequence[Sequence[Cell]],
) -> tuple[list[str], list[tuple[int, dict[str, Cell]]], list[RowProblem]]:
    """The header, and each non-empty data line as (line number, values by column)."""
    if not table or not any(text_of(c) for c in table[0]):
        return [], [], [RowProblem(0, "", "no_header")]
    header = [normalise_header(c) for c in table[0]]
    rows: list[tuple[int, dict[str, Cell]]] = []
    for number, cells in enumerate(table[1:], start=2):
        if not any(text_of(c) for c in cells):
            continue
        rows.append(
            (number, {name: cells[i] if i < len(cells) else None for i, name in enumerate(header)})
        )
    return header, rows, []
