"""A whole file: the header, every row, then the checks across rows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from fleksi.org.domain.people_import.cells import Cell
from fleksi.org.domain.people_import.checks import Known, check_records
from fleksi.org.domain.people_import.columns import Col
from fleksi.org.domain.people_import.rows import (
    HEADER_LINE,
    Header,
    PersonRecord,
    Problem,
    parse_header,
    parse_row,
    row_keys,
)

_COLUMN_ORDER = {c.value: i for i, c in enumerate(Col)}


def problem_order(problem: Problem) -> tuple[int, int, str]:
    return problem.line, _COLUMN_ORDER.get(problem.column, -1), problem.code


@dataclass(frozen=True)
class References:
    """The codes and numbers a file mentions, to look up in the database in bulk."""

    unit_codes: frozenset[str]
    position_codes: frozenset[str]
    nips: frozenset[str]  # people and their NIP_ATASAN
    kecamatan_codes: frozenset[str]
    desa_codes: frozenset[str]


@dataclass(frozen=True)
class Parsed:
    """The file read row by row, before the checks that need the database."""

    header: Header | None
    records: list[PersonRecord]
    problems: list[Problem]
    rows_total: int
    nip_lines: dict[str, list[int]] = field(default_factory=dict)  # every readable NIP
    unit_codes: set[str] = field(default_factory=set)  # every readable KODE_UNIT

    def references(self) -> References:
        rs = self.records
        return References(
            unit_codes=frozenset(
                {r.unit.code for r in rs} | {r.unit.parent_code for r in rs if r.unit.parent_code}
            ),
            position_codes=frozenset(r.position.code for r in rs),
            nips=frozenset(
                {r.nip for r in rs} | {r.supervisor_nip for r in rs if r.supervisor_nip}
            ),
            kecamatan_codes=frozenset(r.unit.kecamatan_code for r in rs if r.unit.kecamatan_code),
            desa_codes=frozenset(r.domicile_code for r in rs if r.domicile_code),
        )


@dataclass(frozen=True)
class Validation:
    """The outcome: the rows that can be written and every problem, in spreadsheet order."""

    records: list[PersonRecord]
    problems: list[Problem]
    rows_total: int
    present: frozenset[Col] = frozenset()
    ignored_columns: tuple[str, ...] = ()
    fatal: bool = False  # the header (or the file) is unusable: no row was read
    rejected_lines: frozenset[int] = field(default=frozenset())

    @property
    def is_valid(self) -> bool:
        return not self.problems

    @property
    def rows_rejected(self) -> int:
        return len(self.rejected_lines)


def _blank(row: Sequence[Cell]) -> bool:
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in row)


def parse_table(rows: Iterable[Sequence[Cell]], *, today: date) -> Parsed:
    """Read the header (line 1) and each following line; blank lines are skipped."""
    iterator = iter(rows)
    first = next(iterator, None)
    if first is None or _blank(first):
        return Parsed(None, [], [Problem(HEADER_LINE, "", "header_missing")], 0)
    header = parse_header(first)
    if isinstance(header, list):
        return Parsed(None, [], header, 0)
    records: list[PersonRecord] = []
    problems: list[Problem] = []
    nip_lines: dict[str, list[int]] = defaultdict(list)
    unit_codes: set[str] = set()
    total = 0
    for line, row in enumerate(iterator, start=HEADER_LINE + 1):
        if _blank(row):
            continue
        total += 1
        nip, unit_code = row_keys(row, header)
        if nip:
            nip_lines[nip].append(line)
        unit_codes.add(unit_code)
        result = parse_row(line, row, header, today=today)
        if isinstance(result, list):
            problems.extend(result)
        else:
            records.append(result)
    if total == 0:
        problems.append(Problem(HEADER_LINE, "", "no_rows"))
    duplicates = _duplicates(nip_lines)
    problems.extend(duplicates)
    dropped = {p.line for p in duplicates}
    records = [r for r in records if r.line not in dropped]
    return Parsed(header, records, problems, total, dict(nip_lines), unit_codes - {""})


def _duplicates(nip_lines: dict[str, list[int]]) -> list[Problem]:
    """Every line of a NIP that is on more than one line (none of them can be trusted)."""
    found = []
    for lines in nip_lines.values():
        for line in lines if len(lines) > 1 else ():
            other = next(n for n in lines if n != line)
            found.append(Problem(line, Col.NIP, "nip_duplicate", {"other_line": other}))
    return found


def check_parsed(parsed: Parsed, known: Known) -> Validation:
    """Run the checks across rows on what :func:`parse_table` read."""
    if parsed.header is None:
        return Validation([], sorted(parsed.problems, key=problem_order), 0, fatal=True)
    records, problems = check_records(
        parsed.records, known, all_units=parsed.unit_codes, all_nips=set(parsed.nip_lines)
    )
    every = sorted([*parsed.problems, *problems], key=problem_order)
    return Validation(
        records=records,
        problems=every,
        rows_total=parsed.rows_total,
        present=frozenset(parsed.header.index),
        ignored_columns=parsed.header.ignored,
        fatal=parsed.rows_total == 0,
        rejected_lines=frozenset(p.line for p in every if p.line > HEADER_LINE),
    )


def with_reading_problems(validation: Validation, reading: Sequence[Problem]) -> Validation:
    """Add the lines the reader could not read (given empty, so no check saw them)."""
    if not reading:
        return validation
    every = sorted([*validation.problems, *reading], key=problem_order)
    lines = {p.line for p in reading if p.line > HEADER_LINE}
    return replace(
        validation,
        problems=every,
        rows_total=validation.rows_total + len(lines),
        rejected_lines=validation.rejected_lines | lines,
    )


def validate(rows: Iterable[Sequence[Cell]], *, known: Known, today: date) -> Validation:
    """Both steps at once (for tests and callers that already hold what Fleksi knows)."""
    return check_parsed(parse_table(rows, today=today), known)
