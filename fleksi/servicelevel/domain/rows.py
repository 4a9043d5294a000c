"""Checks of the imported files (layouts in ``docs/service-levels.md``). Pure.

Three layouts, one row per record and a header on line 1: daily figures per service and
day, complaints in the SP4N-LAPOR! style (one per ticket number), and IKM surveys. The
checks here need no database: columns, values, dates, and that no record appears twice in
the file. Whether each service or unit code exists, and whether it is the importer's to
change, is checked by the service afterwards, for the whole file at once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from fleksi.servicelevel.domain.cells import (
    Cell,
    RowProblem,
    date_of,
    decimal_of,
    header_problems,
    int_of,
    table_rows,
    text_of,
)
from fleksi.servicelevel.domain.ikm import ELEMENT_COUNT, SCALE_HIGH, SCALE_LOW

CODE_MAX = 40
CATEGORY_MAX = 120
TICKET_MAX = 64
MEDIAN_MAX = Decimal("999999.99")
COUNT_MAX = 1_000_000
RESOLUTION_MAX = 3650

COL_SERVICE = "KODE_LAYANAN"
COL_UNIT = "KODE_UNIT"
# Daily figures
COL_DAY = "TANGGAL"
COL_RECEIVED = "DITERIMA"
COL_COMPLETED = "SELESAI"
COL_PROCESSING = "MEDIAN_PROSES"
COL_WAITING = "MEDIAN_TUNGGU_MENIT"
FIGURE_COLUMNS = (COL_SERVICE, COL_DAY, COL_RECEIVED, COL_COMPLETED, COL_PROCESSING, COL_WAITING)
FIGURE_REQUIRED = FIGURE_COLUMNS[:4]
# Complaints
COL_TICKET = "NOMOR_TIKET"
COL_CATEGORY = "KATEGORI"
COL_STATUS = "STATUS"
COL_RESOLUTION = "LAMA_PENYELESAIAN_HARI"
COMPLAINT_COLUMNS = (
    COL_TICKET,
    COL_DAY,
    COL_CATEGORY,
    COL_STATUS,
    COL_RESOLUTION,
    COL_SERVICE,
    COL_UNIT,
)
COMPLAINT_REQUIRED = COMPLAINT_COLUMNS[:4]
# Surveys
COL_START = "PERIODE_MULAI"
COL_END = "PERIODE_SELESAI"
COL_RESPONDENTS = "RESPONDEN"
ELEMENT_COLUMNS = tuple(f"U{i}" for i in range(1, ELEMENT_COUNT + 1))
SURVEY_COLUMNS = (COL_SERVICE, COL_UNIT, COL_START, COL_END, COL_RESPONDENTS, *ELEMENT_COLUMNS)
SURVEY_REQUIRED = (COL_START, COL_END, COL_RESPONDENTS, *ELEMENT_COLUMNS)

COMPLAINT_STATUSES = ("open", "in_process", "resolved", "closed")
# Accepted spellings (lower case, "-" and "_" read as spaces) → status.
STATUS_SPELLINGS: Mapping[str, str] = {
    **dict.fromkeys(
        ("open", "baru", "terbuka", "belum diproses", "belum terverifikasi", "terverifikasi"),
        "open",
    ),
    **dict.fromkeys(
        (
            "in process",
            "diproses",
            "proses",
            "dalam proses",
            "sedang diproses",
            "tindak lanjut",
            "ditindaklanjuti",
            "disposisi",
            "didisposisikan",
        ),
        "in_process",
    ),
    **dict.fromkeys(("resolved", "selesai", "terselesaikan", "sudah selesai"), "resolved"),
    **dict.fromkeys(("closed", "ditutup", "tutup", "arsip", "diarsipkan"), "closed"),
}


def status_of(value: str) -> str | None:
    return STATUS_SPELLINGS.get(re.sub(r"[\s\-_]+", " ", value.strip().lower()))


@dataclass(frozen=True)
class FigureRow:
    line: int
    service_code: str
    day: date
    received: int
    completed: int
    median_processing: Decimal | None
    median_waiting: Decimal | None


@dataclass(frozen=True)
class ComplaintRow:
    line: int
    external_id: str
    received_on: date
    category: str
    status: str
    resolution_days: int | None
    service_code: str
    unit_code: str


@dataclass(frozen=True)
class SurveyRow:
    line: int
    service_code: str
    unit_code: str
    period_start: date
    period_end: date
    respondents: int
    elements: tuple[Decimal, ...]


class _Row:
    """One line's values and the problems found in it."""

    def __init__(self, line: int, values: Mapping[str, Cell], today: date) -> None:
        self.line, self.values, self.today = line, values, today
        self.problems: list[RowProblem] = []

    def bad(self, column: str, code: str, **params: Any) -> None:
        self.problems.append(RowProblem(self.line, column, code, params))

    def text(self, column: str, *, required: bool, max_length: int) -> str:
        value = text_of(self.values.get(column))
        if not value and required:
            self.bad(column, "required")
        elif len(value) > max_length:
            self.bad(column, "too_long", max=max_length)
        return value

    def day(self, column: str) -> date | None:
        raw = self.values.get(column)
        value = date_of(raw)
        if not text_of(raw):
            self.bad(column, "required")
        elif value is None:
            self.bad(column, "bad_date", value=text_of(raw))
        elif value > self.today:
            self.bad(column, "future_date", value=value.isoformat())
            return None
        return value

    def count(self, column: str, *, required: bool, high: int) -> int | None:
        raw = self.values.get(column)
        if not text_of(raw):
            if required:
                self.bad(column, "required")
            return None
        value = int_of(raw)
        if value is None or value > high:
            self.bad(column, "bad_count", value=text_of(raw), max=high)
            return None
        return value

    def decimal(
        self, column: str, *, required: bool, low: Decimal, high: Decimal
    ) -> Decimal | None:
        raw = self.values.get(column)
        if not text_of(raw):
            if required:
                self.bad(column, "required")
            return None
        value = decimal_of(raw)
        if value is None or not low <= value <= high:
            self.bad(column, "bad_number", value=text_of(raw), low=low, high=high)
            return None
        return value


def _parse[T](
    table: Sequence[Sequence[Cell]],
    required: Sequence[str],
    known: Sequence[str],
    build: Any,
    key: Any,
    key_column: str,
) -> tuple[list[T], list[RowProblem]]:
    header, lines, problems = table_rows(table)
    if problems:
        return [], problems
    problems = header_problems(header, required, known)
    if (
        COL_SERVICE in known
        and COL_UNIT in known
        and COL_SERVICE not in header
        and COL_UNIT not in header
    ):
        problems.append(RowProblem(1, COL_SERVICE, "missing_target_column"))
    if problems:
        return [], problems
    rows: list[T] = []
    first_line: dict[Any, int] = {}
    for number, values in lines:
        parsed = build(number, values)
        if isinstance(parsed, list):
            problems.extend(parsed)
            continue
        k = key(parsed)
        if k in first_line:
            problems.append(
                RowProblem(number, key_column, "duplicate_row", {"first_line": first_line[k]})
            )
            continue
        first_line[k] = number
        rows.append(parsed)
    if not rows and not problems:
        problems.append(RowProblem(0, "", "no_rows"))
    return rows, problems


def parse_figure_rows(
    table: Sequence[Sequence[Cell]], *, today: date
) -> tuple[list[FigureRow], list[RowProblem]]:
    """Daily figures: one row per service and day."""

    def build(line: int, values: Mapping[str, Cell]) -> FigureRow | list[RowProblem]:
        r = _Row(line, values, today)
        code = r.text(COL_SERVICE, required=True, max_length=CODE_MAX)
        day = r.day(COL_DAY)
        received = r.count(COL_RECEIVED, required=True, high=COUNT_MAX)
        completed = r.count(COL_COMPLETED, required=True, high=COUNT_MAX)
        processing = r.decimal(COL_PROCESSING, required=False, low=Decimal(0), high=MEDIAN_MAX)
        waiting = r.decimal(COL_WAITING, required=False, low=Decimal(0), high=MEDIAN_MAX)
        if r.problems or day is None or received is None or completed is None:
            return r.problems
        return FigureRow(line, code, day, received, completed, processing, waiting)

    return _parse(
        table,
        FIGURE_REQUIRED,
        FIGURE_COLUMNS,
        build,
        lambda row: (row.service_code, row.day),
        COL_DAY,
    )


def parse_complaint_rows(
    table: Sequence[Sequence[Cell]], *, today: date
) -> tuple[list[ComplaintRow], list[RowProblem]]:
    """SP4N-LAPOR!-style complaints: one row per ticket number."""

    def build(line: int, values: Mapping[str, Cell]) -> ComplaintRow | list[RowProblem]:
        r = _Row(line, values, today)
        ticket = r.text(COL_TICKET, required=True, max_length=TICKET_MAX)
        received = r.day(COL_DAY)
        category = r.text(COL_CATEGORY, required=True, max_length=CATEGORY_MAX)
        raw_status = r.text(COL_STATUS, required=True, max_length=60)
        status = status_of(raw_status) if raw_status else None
        if raw_status and status is None:
            r.bad(COL_STATUS, "bad_status", value=raw_status)
        resolution = r.count(COL_RESOLUTION, required=False, high=RESOLUTION_MAX)
        service = r.text(COL_SERVICE, required=False, max_length=CODE_MAX)
        unit = r.text(COL_UNIT, required=False, max_length=CODE_MAX)
        if not service and not unit:
            r.bad(COL_SERVICE, "service_or_unit")
        if r.problems or received is None or status is None:
            return r.problems
        return ComplaintRow(line, ticket, received, category, status, resolution, service, unit)

    return _parse(
        table,
        COMPLAINT_REQUIRED,
        COMPLAINT_COLUMNS,
        build,
        lambda row: row.external_id,
        COL_TICKET,
    )


def parse_survey_rows(
    table: Sequence[Sequence[Cell]], *, today: date
) -> tuple[list[SurveyRow], list[RowProblem]]:
    """IKM surveys: one row per service (or unit) and period, with the 9 element averages."""

    def build(line: int, values: Mapping[str, Cell]) -> SurveyRow | list[RowProblem]:
        r = _Row(line, values, today)
        service = r.text(COL_SERVICE, required=False, max_length=CODE_MAX)
        unit = r.text(COL_UNIT, required=False, max_length=CODE_MAX)
        if not service and not unit:
            r.bad(COL_SERVICE, "service_or_unit")
        start, end = r.day(COL_START), r.day(COL_END)
        if start and end and end < start:
            r.bad(COL_END, "end_before_start")
        respondents = r.count(COL_RESPONDENTS, required=True, high=COUNT_MAX)
        if respondents == 0:
            r.bad(COL_RESPONDENTS, "no_respondents")
        elements = [
            r.decimal(c, required=True, low=SCALE_LOW, high=SCALE_HIGH) for c in ELEMENT_COLUMNS
        ]
        if r.problems or start is None or end is None or respondents is None:
            return r.problems
        return SurveyRow(
            line,
            service,
            unit,
            start,
            end,
            respondents,
            tuple(e for e in elements if e is not None),
        )

    return _parse(
        table,
        SURVEY_REQUIRED,
        SURVEY_COLUMNS,
        build,
        lambda row: (row.service_code, row.unit_code, row.period_start, row.period_end),
        COL_START,
    )
