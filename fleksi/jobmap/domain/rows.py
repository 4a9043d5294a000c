"""Checks of an imported duty file (see ``docs/import-duties.md``), row by row.

A file lists, for each position (by code), its complete list of duties. The checks here need
no database: required columns, values, duplicate numbers, and that each position's time
shares add up to exactly 100 %. Positions are looked up afterwards by the service.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from fleksi.common.domain.importing import RowProblem, sorted_problems, whole_number
from fleksi.common.domain.importing import TextRow as RawRow

COL_POSITION = "KODE_JABATAN"
COL_ORDER = "NO_URUT"
COL_DESCRIPTION = "URAIAN_TUGAS"
COL_OUTPUT = "HASIL_KERJA"
COL_SHARE = "PERSEN_WAKTU"
COLUMNS = (COL_POSITION, COL_ORDER, COL_DESCRIPTION, COL_OUTPUT, COL_SHARE)
OPTIONAL_COLUMNS = ("NAMA_JABATAN",)  # for people reading the file; not imported

DESCRIPTION_MAX = 1000
OUTPUT_MAX = 255
ORDER_MAX = 999
TOTAL = Decimal(100)
CENT = Decimal("0.01")


@dataclass(frozen=True)
class DutyRow:
    line: int
    position_code: str
    order: int
    description: str
    output: str
    time_share: Decimal


def parse_percent(text: str) -> Decimal:
    """``"12.5"``, ``"12,5"``, ``"12,5 %"`` → ``Decimal("12.50")``; raises ``ValueError``."""
    cleaned = text.strip().removesuffix("%").strip().replace(" ", "")
    if "," in cleaned and "." in cleaned:
        raise ValueError(text)
    cleaned = cleaned.replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:
        raise ValueError(text) from exc
    if not value.is_finite() or value != value.quantize(CENT):
        raise ValueError(text)
    return value.quantize(CENT)


parse_order = whole_number


def _check_row(raw: RawRow) -> tuple[DutyRow | None, list[RowProblem]]:
    v = {k: (raw.values.get(k) or "").strip() for k in COLUMNS}
    problems: list[RowProblem] = []
    for col in COLUMNS:
        if not v[col]:
            problems.append(RowProblem(raw.line, col, "required"))
    order = 0
    if v[COL_ORDER]:
        try:
            order = parse_order(v[COL_ORDER])
            if not 1 <= order <= ORDER_MAX:
                raise ValueError(v[COL_ORDER])
        except ValueError:
            problems.append(
                RowProblem(
                    raw.line, COL_ORDER, "bad_order", {"value": v[COL_ORDER], "max": ORDER_MAX}
                )
            )
    share = Decimal(0)
    if v[COL_SHARE]:
        try:
            share = parse_percent(v[COL_SHARE])
            if not Decimal(0) < share <= TOTAL:
                problems.append(
                    RowProblem(raw.line, COL_SHARE, "share_range", {"value": v[COL_SHARE]})
                )
        except ValueError:
            problems.append(RowProblem(raw.line, COL_SHARE, "bad_share", {"value": v[COL_SHARE]}))
    for col, most in ((COL_DESCRIPTION, DESCRIPTION_MAX), (COL_OUTPUT, OUTPUT_MAX)):
        if len(v[col]) > most:
            problems.append(
                RowProblem(raw.line, col, "too_long", {"max": most, "length": len(v[col])})
            )
    if problems:
        return None, problems
    return (
        DutyRow(raw.line, v[COL_POSITION], order, v[COL_DESCRIPTION], v[COL_OUTPUT], share),
        [],
    )


def check_rows(raw_rows: Iterable[RawRow]) -> tuple[list[DutyRow], list[RowProblem]]:
    """Rows that pass, and every problem found (by line). Blank rows are skipped. A
    position's rows are checked together: unique numbers and a total of exactly 100 %."""
    rows: list[DutyRow] = []
    problems: list[RowProblem] = []
    bad_positions: set[str] = set()
    for raw in raw_rows:
        if not any((value or "").strip() for value in raw.values.values()):
            continue
        row, found = _check_row(raw)
        if row is not None:
            rows.append(row)
        else:
            problems.extend(found)
            code = (raw.values.get(COL_POSITION) or "").strip()
            if code:
                bad_positions.add(code)
    by_position: dict[str, list[DutyRow]] = {}
    for row in rows:
        by_position.setdefault(row.position_code, []).append(row)
    for code, group in by_position.items():
        first_line: dict[int, int] = {}
        for row in group:
            if row.order in first_line:
                problems.append(
                    RowProblem(
                        row.line,
                        COL_ORDER,
                        "duplicate_order",
                        {"position": code, "order": row.order, "first_line": first_line[row.order]},
                    )
                )
            else:
                first_line[row.order] = row.line
        total = sum((r.time_share for r in group), Decimal(0))
        if code not in bad_positions and total != TOTAL:
            problems.append(
                RowProblem(
                    group[0].line, COL_SHARE, "total_not_100", {"position": code, "total": total}
                )
            )
    return rows, sorted_problems(problems, COLUMNS)
