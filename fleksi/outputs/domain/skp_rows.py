"""Checks of an imported SKP file (layout in ``docs/outputs.md``), row by row (pure).

One row per indicator, modelled on the SKP sheet of the national e-Kinerja export: the
employee (NIP) and year, the planned result (RHK) with its number, kind and the number of
the supervisor's RHK it cascades from, then one indicator with its targets (quantity and
unit, quality %, time in months). Rows of one RHK repeat its number and text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from fleksi.common.domain.importing import RowProblem, whole_number
from fleksi.common.domain.importing import TextRow as RawRow
from fleksi.common.domain.importing import problem_order as shared_problem_order

# The usual targets of an indicator, used when its quality or time is left blank.
USUAL_QUALITY_PCT = 100
USUAL_TIME_MONTHS = 12

COL_NIP = "NIP"
COL_YEAR = "TAHUN"
COL_NUMBER = "NO_RHK"
COL_KIND = "JENIS_RHK"
COL_TEXT = "RENCANA_HASIL_KERJA"
COL_PARENT = "NO_RHK_ATASAN"
COL_INDICATOR = "INDIKATOR"
COL_QUANTITY = "TARGET_KUANTITAS"
COL_UNIT = "SATUAN"
COL_QUALITY = "TARGET_KUALITAS"
COL_TIME = "TARGET_WAKTU"
COLUMNS = (
    COL_NIP,
    COL_YEAR,
    COL_NUMBER,
    COL_KIND,
    COL_TEXT,
    COL_PARENT,
    COL_INDICATOR,
    COL_QUANTITY,
    COL_UNIT,
    COL_QUALITY,
    COL_TIME,
)
REQUIRED = (COL_NIP, COL_YEAR, COL_NUMBER, COL_TEXT, COL_INDICATOR, COL_QUANTITY, COL_UNIT)
KINDS = {"utama": "main", "tambahan": "additional", "main": "main", "additional": "additional"}
TEXT_MAX = 500
UNIT_MAX = 40
NUMBER_MAX = 99


@dataclass(frozen=True)
class IndicatorRow:
    line: int
    text: str
    quantity: Decimal
    unit: str
    quality_pct: int
    time_months: int


@dataclass
class RhkRow:
    line: int
    number: int
    kind: str
    text: str
    parent_number: int | None
    indicators: list[IndicatorRow] = field(default_factory=list)


@dataclass
class SkpRows:
    nip: str
    year: int
    line: int
    results: dict[int, RhkRow] = field(default_factory=dict)


problem_order = shared_problem_order(COLUMNS)  # by line, then in the order of the columns


def parse_quantity(text: str) -> Decimal:
    """``"12"``, ``"12.5"``, ``"12,5"`` → Decimal; more than 0, two decimals at most."""
    cleaned = text.strip().replace(" ", "")
    if "," in cleaned and "." in cleaned:
        raise ValueError(text)
    try:
        value = Decimal(cleaned.replace(",", "."))
    except InvalidOperation as exc:
        raise ValueError(text) from exc
    if not value.is_finite() or value <= 0 or value != value.quantize(Decimal("0.01")):
        raise ValueError(text)
    return value.quantize(Decimal("0.01"))


def _number(
    v: Mapping[str, str],
    col: str,
    low: int,
    high: int,
    out: list[RowProblem],
    line: int,
    default: int | None = None,
) -> int | None:
    if not v[col]:
        return default
    try:
        n = whole_number(v[col].removesuffix("%").strip())
        if not low <= n <= high:
            raise ValueError(v[col])
        return n
    except ValueError:
        out.append(RowProblem(line, col, "bad_number", {"value": v[col], "min": low, "max": high}))
        return None


def _check_row(raw: RawRow) -> tuple[tuple[SkpRows, RhkRow, IndicatorRow] | None, list[RowProblem]]:
    v = {k: (raw.values.get(k) or "").strip() for k in COLUMNS}
    line = raw.line
    problems = [RowProblem(line, col, "required") for col in REQUIRED if not v[col]]
    year = _number(v, COL_YEAR, 2000, 2100, problems, line)
    number = _number(v, COL_NUMBER, 1, NUMBER_MAX, problems, line)
    parent = _number(v, COL_PARENT, 1, NUMBER_MAX, problems, line)
    quality = _number(v, COL_QUALITY, 0, 100, problems, line, default=USUAL_QUALITY_PCT)
    months = _number(v, COL_TIME, 1, 12, problems, line, default=USUAL_TIME_MONTHS)
    kind = KINDS.get(v[COL_KIND].lower() or "utama")
    if kind is None:
        problems.append(RowProblem(line, COL_KIND, "bad_kind", {"value": v[COL_KIND]}))
    quantity = Decimal(0)
    if v[COL_QUANTITY]:
        try:
            quantity = parse_quantity(v[COL_QUANTITY])
        except ValueError:
            problems.append(
                RowProblem(line, COL_QUANTITY, "bad_quantity", {"value": v[COL_QUANTITY]})
            )
    for col, limit in ((COL_TEXT, TEXT_MAX), (COL_INDICATOR, TEXT_MAX), (COL_UNIT, UNIT_MAX)):
        if len(v[col]) > limit:
            problems.append(
                RowProblem(line, col, "too_long", {"max": limit, "length": len(v[col])})
            )
    if v[COL_NIP] and not (v[COL_NIP].isdigit() and len(v[COL_NIP]) == 18):
        problems.append(RowProblem(line, COL_NIP, "bad_nip", {"value": v[COL_NIP]}))
    if (
        problems
        or year is None
        or number is None
        or quality is None
        or months is None
        or kind is None
    ):
        return None, problems
    skp = SkpRows(v[COL_NIP], year, line)
    rhk = RhkRow(line, number, kind, v[COL_TEXT], parent)
    indicator = IndicatorRow(line, v[COL_INDICATOR], quantity, v[COL_UNIT], quality, months)
    return (skp, rhk, indicator), []


def check_rows(raw_rows: Iterable[RawRow]) -> tuple[list[SkpRows], list[RowProblem]]:
    """SKPs (per NIP and year) built from the rows that pass, and every problem found. Blank
    rows are skipped; rows of one RHK must agree on its kind, text and cascade."""
    skps: dict[tuple[str, int], SkpRows] = {}
    problems: list[RowProblem] = []
    for raw in raw_rows:
        if not any((value or "").strip() for value in raw.values.values()):
            continue
        checked, found = _check_row(raw)
        problems.extend(found)
        if checked is None:
            continue
        skp, rhk, indicator = checked
        held = skps.setdefault((skp.nip, skp.year), skp)
        known = held.results.get(rhk.number)
        if known is None:
            held.results[rhk.number] = known = rhk
        elif (known.kind, known.text, known.parent_number) != (
            rhk.kind,
            rhk.text,
            rhk.parent_number,
        ):
            problems.append(
                RowProblem(
                    raw.line,
                    COL_TEXT,
                    "rhk_inconsistent",
                    {"number": rhk.number, "first_line": known.line},
                )
            )
            continue
        known.indicators.append(indicator)
    problems.sort(key=problem_order)
    return list(skps.values()), problems
