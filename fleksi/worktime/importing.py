"""Importing a month's duty roster ("jadwal dinas") from the sheet a head nurse already keeps,
through the shared import framework (``fleksi.common.importing``).

Layout (first sheet, header on line 1): ``NIP``, optionally ``NAMA``, then one column per day
of the month headed ``1`` … ``31``. A cell holds a shift code of the roster's pattern (``P``,
``S``, ``M``…), or nothing, ``L`` or ``-`` for a day off. Every problem of the file is
reported at once, by line and column; with any problem nothing is written (the roster is
saved in one transaction).
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from django.utils.translation import gettext_lazy

from fleksi.common.domain.importing import (
    HEADER_LINE,
    Cell,
    RowProblem,
    blank,
    cell_text,
    normalise_header,
    sorted_problems,
)
from fleksi.common.errors import ServiceError
from fleksi.common.importing.reader import Limits, UnreadableFile, read_table
from fleksi.common.importing.report import ImportReport
from fleksi.org.models import Unit
from fleksi.worktime.services import (
    duty_roster_save,
    month_days,
    roster_members,
    roster_pattern,
)

COL_NIP = "NIP"
COL_NAME = "NAMA"
OFF = frozenset({"", "L", "-", "OFF", "LIBUR"})
LIMITS = Limits(max_bytes=2 * 1024 * 1024, max_rows=2_000, max_columns=40)

MESSAGES = {
    "roster_nip_unknown": gettext_lazy(
        "NIP %(value)s is not someone of this unit (or of its sub-units)."
    ),
    "roster_nip_twice": gettext_lazy("This person already has a line above (line %(first)d)."),
    "roster_shift_unknown": gettext_lazy(
        "“%(value)s” is not a shift of the pattern (%(accepted)s); leave the cell empty or "
        "write L for a day off."
    ),
    "roster_day_beyond": gettext_lazy("The month has %(days)d days: this column must be empty."),
    "roster_day_column": gettext_lazy(
        "The column “%(value)s” is not a day of the month (1 to 31)."
    ),
    "roster_not_saved": gettext_lazy("%(message)s"),
}


def _day_columns(header: Sequence[Cell], problems: list[RowProblem]) -> dict[int, int]:
    """Column index -> day number."""
    out: dict[int, int] = {}
    for i, name in enumerate(header):
        text = normalise_header(name)
        if not text or text in (COL_NIP, COL_NAME):
            continue
        number = text.removesuffix(".0")
        if not number.isdigit() or not 1 <= int(number) <= 31:
            problems.append(
                RowProblem(
                    HEADER_LINE, cell_text(name), "roster_day_column", {"value": cell_text(name)}
                )
            )
            continue
        out[i] = int(number)
    return out


def parse_roster(
    rows: Sequence[Sequence[Cell]],
    *,
    month: date,
    shift_codes: Sequence[str],
    members_by_nip: Mapping[str, int],
) -> tuple[dict[tuple[int, date], str], list[RowProblem]]:
    """The shifts of the file and its problems (no database)."""
    problems: list[RowProblem] = []
    if not rows or blank(rows[0]):
        return {}, [RowProblem(HEADER_LINE, "", "header_missing")]
    header = rows[0]
    names = [normalise_header(h) for h in header]
    if COL_NIP not in names:
        return {}, [RowProblem(HEADER_LINE, COL_NIP, "column_missing")]
    nip_at = names.index(COL_NIP)
    days = _day_columns(header, problems)
    in_month = {d.day: d for d in month_days(month)}
    codes = {c.upper(): c for c in shift_codes}
    accepted = ", ".join(shift_codes)
    shifts: dict[tuple[int, date], str] = {}
    seen: dict[int, int] = {}
    data = [
        (line, row) for line, row in enumerate(rows[1:], start=HEADER_LINE + 1) if not blank(row)
    ]
    if not data:
        problems.append(RowProblem(HEADER_LINE, "", "no_rows"))
    for line, row in data:
        nip = cell_text(row[nip_at] if nip_at < len(row) else None).strip().replace(" ", "")
        employee_id = members_by_nip.get(nip)
        if not nip:
            problems.append(RowProblem(line, COL_NIP, "required"))
        elif employee_id is None:
            problems.append(RowProblem(line, COL_NIP, "roster_nip_unknown", {"value": nip}))
        elif employee_id in seen:
            problems.append(
                RowProblem(line, COL_NIP, "roster_nip_twice", {"first": seen[employee_id]})
            )
            employee_id = None
        else:
            seen[employee_id] = line
        for i, number in days.items():
            value = cell_text(row[i] if i < len(row) else None).strip().upper()
            column = str(number)
            if value in OFF:
                continue
            if number not in in_month:
                problems.append(
                    RowProblem(line, column, "roster_day_beyond", {"days": len(in_month)})
                )
                continue
            code = codes.get(value)
            if code is None:
                problems.append(
                    RowProblem(
                        line,
                        column,
                        "roster_shift_unknown",
                        {"value": value, "accepted": accepted},
                    )
                )
                continue
            if employee_id is not None:
                shifts[(employee_id, in_month[number])] = code
    return shifts, sorted_problems(problems, [COL_NIP, *(str(d) for d in range(1, 32))])


def duty_roster_import(
    *,
    actor: Any,
    unit: Unit,
    month: date,
    pattern_code: str,
    name: str,
    data: bytes,
    min_staff: Mapping[str, int] | None = None,
    dry_run: bool = False,
) -> ImportReport:
    """Check (and unless ``dry_run`` or any problem, save as the draft roster) a file."""
    month = month.replace(day=1)
    try:
        table = read_table(io.BytesIO(data), name=name, limits=LIMITS)
    except UnreadableFile as exc:
        return ImportReport(problems=[exc.problem()])
    try:
        pattern = roster_pattern(month, pattern_code)
    except ServiceError as exc:
        return ImportReport(
            problems=[RowProblem(0, "", "roster_not_saved", {"message": exc.message})]
        )
    members = {e.nip: pk for pk, e in roster_members(unit).items()}
    shifts, problems = parse_roster(
        table.rows, month=month, shift_codes=list(pattern.shifts), members_by_nip=members
    )
    problems = [*table.problems, *problems]
    report = ImportReport(problems=problems, rows=max(0, len(table.rows) - 1), created=len(shifts))
    if problems or dry_run:
        return report
    try:
        duty_roster_save(
            actor=actor,
            unit=unit,
            month=month,
            pattern_code=pattern_code,
            shifts=shifts,
            min_staff=min_staff,
        )
    except ServiceError as exc:
        report.problems = [RowProblem(0, "", "roster_not_saved", {"message": exc.message})]
        return report
    report.applied = True
    return report
