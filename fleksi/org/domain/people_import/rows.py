"""The header and each row on its own: a typed record, or the problems of the row (each a
:class:`~fleksi.common.domain.importing.RowProblem`, the type every import reports).

Line numbers are those a person sees in a spreadsheet: the header is line 1, the first
person line 2.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from fleksi.common.domain.importing import HEADER_LINE
from fleksi.common.domain.importing import RowProblem as Problem
from fleksi.org.domain.nip import check_employee_number
from fleksi.org.domain.people_import import cells
from fleksi.org.domain.people_import.cells import Bad, Cell, Param
from fleksi.org.domain.people_import.columns import (
    ASN_TYPES,
    COLUMN_GROUPS,
    DISCIPLINE,
    LEVELS,
    MANAGERIAL_KINDS,
    MAX_LENGTH,
    POSITION_KINDS,
    RATINGS,
    REQUIRED_COLUMNS,
    SEXES,
    TOP_UNIT_KINDS,
    UNIT_KINDS,
    YES_NO,
    Choices,
    Col,
    normalise_header,
)

ADULT_AGE = 18


@dataclass(frozen=True)
class UnitSpec:
    code: str
    name: str
    kind: str
    parent_code: str | None
    is_public_service: bool
    kecamatan_code: str | None


@dataclass(frozen=True)
class PositionSpec:
    code: str
    name: str
    kind: str
    level: str
    unit_code: str
    is_head: bool


@dataclass(frozen=True)
class PersonRecord:
    line: int
    nip: str
    name: str
    asn_type: str
    sex: str
    birth_date: date
    unit: UnitSpec
    position: PositionSpec
    domicile_code: str | None
    tmt_appointment: date
    last_promotion_date: date | None
    last_transfer_date: date | None
    last_rotation_date: date | None
    discipline_status: str
    discipline_start: date | None
    discipline_end: date | None
    last_rating: str
    last_rating_year: int | None
    supervisor_nip: str | None
    email: str
    is_active: bool


@dataclass(frozen=True)
class Header:
    index: dict[Col, int]
    ignored: tuple[str, ...]

    def has(self, column: Col) -> bool:
        return column in self.index


def parse_header(row: Sequence[Cell]) -> Header | list[Problem]:
    index: dict[Col, int] = {}
    ignored: list[str] = []
    problems: list[Problem] = []
    known = {c.value for c in Col}
    for position, cell in enumerate(row):
        name = normalise_header(str(cell)) if cell is not None else ""
        if not name:
            continue
        if name not in known:
            ignored.append(name)
        elif Col(name) in index:
            problems.append(Problem(HEADER_LINE, name, "column_duplicate"))
        else:
            index[Col(name)] = position
    for column in REQUIRED_COLUMNS:
        if column not in index:
            problems.append(Problem(HEADER_LINE, column, "column_missing"))
    for group in COLUMN_GROUPS:
        given = [c for c in group if c in index]
        for column in group:
            if given and column not in index:
                problems.append(
                    Problem(HEADER_LINE, column, "column_required_with", {"other": given[0]})
                )
    return problems or Header(index, tuple(ignored))


def row_keys(row: Sequence[Cell], header: Header) -> tuple[str, str]:
    """The NIP and unit code of a line as far as they can be read, even on a bad line."""
    keys = []
    for column, read in ((Col.NIP, cells.identifier), (Col.KODE_UNIT, cells.text)):
        at = header.index[column]
        value = read(row[at]) if at < len(row) else ""
        keys.append(value if isinstance(value, str) else "")
    return keys[0], keys[1]


def adult_on(birth: date) -> date:
    try:
        return birth.replace(year=birth.year + ADULT_AGE)
    except ValueError:  # born on 29 February
        return date(birth.year + ADULT_AGE, 3, 1)


class _Row:
    """Reads the cells of one line, collecting problems instead of stopping at the first."""

    def __init__(self, line: int, row: Sequence[Cell], header: Header) -> None:
        self.line, self.row, self.header = line, row, header
        self.problems: list[Problem] = []

    def bad(self, column: Col, code: str, **params: Param) -> None:
        self.problems.append(Problem(self.line, column, code, params))

    def cell(self, column: Col) -> Cell:
        at = self.header.index.get(column)
        return self.row[at] if at is not None and at < len(self.row) else None

    def _check[T](self, column: Col, value: T | Bad, required: bool) -> T | None:
        if isinstance(value, Bad):
            self.problems.append(Problem(self.line, column, value.code, value.params))
            return None
        if required and (value is None or value == ""):
            self.bad(column, "required")
            return None
        return value

    def text(self, column: Col, *, required: bool = False, ident: bool = False) -> str:
        raw = self.cell(column)
        value = self._check(column, cells.identifier(raw) if ident else cells.text(raw), required)
        limit = MAX_LENGTH.get(column)
        if value and limit is not None and len(value) > limit:
            self.bad(column, "too_long", max=limit, length=len(value))
        return value or ""

    def date(self, column: Col, *, required: bool = False) -> date | None:
        return self._check(column, cells.date_value(self.cell(column)), required)

    def choice(self, column: Col, choices: Choices, *, required: bool = False) -> str | None:
        return self._check(column, cells.choice(self.cell(column), choices), required)

    def flag(self, column: Col, *, default: bool) -> bool:
        value = self._check(column, cells.choice(self.cell(column), YES_NO), False)
        return default if value is None else value == "1"


def parse_row(
    line: int, row: Sequence[Cell], header: Header, *, today: date
) -> PersonRecord | list[Problem]:
    """One person line as a record, or every problem found on it."""
    r = _Row(line, row, header)
    nip = r.text(Col.NIP, required=True, ident=True)
    name = r.text(Col.NAMA, required=True)
    asn_type = r.choice(Col.JENIS_ASN, ASN_TYPES, required=True)
    sex = r.choice(Col.JENIS_KELAMIN, SEXES, required=True)
    birth = r.date(Col.TANGGAL_LAHIR, required=True)
    if birth is not None and adult_on(birth) > today:
        r.bad(Col.TANGGAL_LAHIR, "too_young", age=ADULT_AGE)
        birth = None
    if nip:
        for p in check_employee_number(nip, asn_type=asn_type or "", birth_date=birth, sex=sex):
            r.bad(Col.NIP, p.code, part=p.part, value=p.value)

    unit = _unit(r)
    position = _position(r, unit.code if unit else "")
    domicile = r.text(Col.KODE_DESA_DOMISILI) or None
    tmt = r.date(Col.TMT_PENGANGKATAN, required=True)
    changes = [r.date(c) for c in (Col.TMT_PROMOSI, Col.TMT_MUTASI, Col.TMT_ROTASI)]
    if birth is not None:
        for column, day in zip(
            (Col.TMT_PENGANGKATAN, Col.TMT_PROMOSI, Col.TMT_MUTASI, Col.TMT_ROTASI),
            (tmt, *changes),
            strict=True,
        ):
            if day is not None and day < adult_on(birth):
                r.bad(column, "before_adulthood", age=ADULT_AGE)

    status = r.choice(Col.STATUS_DISIPLIN, DISCIPLINE) or "none"
    start, end = r.date(Col.DISIPLIN_MULAI), r.date(Col.DISIPLIN_SELESAI)
    if status != "none" and start is None and not _has_problem(r, Col.DISIPLIN_MULAI):
        r.bad(Col.DISIPLIN_MULAI, "required_with", other=Col.STATUS_DISIPLIN)
    if start is not None and end is not None and end < start:
        r.bad(Col.DISIPLIN_SELESAI, "end_before_start", other=Col.DISIPLIN_MULAI)

    rating = r.choice(Col.PREDIKAT_KINERJA, RATINGS) or ""
    year = r._check(
        Col.TAHUN_PREDIKAT, cells.year_value(r.cell(Col.TAHUN_PREDIKAT), latest=today.year), False
    )
    if rating and year is None and not _has_problem(r, Col.TAHUN_PREDIKAT):
        r.bad(Col.TAHUN_PREDIKAT, "required_with", other=Col.PREDIKAT_KINERJA)
    if not rating and year is not None and not _has_problem(r, Col.PREDIKAT_KINERJA):
        r.bad(Col.TAHUN_PREDIKAT, "not_allowed_with", other=Col.PREDIKAT_KINERJA)

    supervisor = r.text(Col.NIP_ATASAN, ident=True) or None
    if supervisor is not None:
        if supervisor == nip:
            r.bad(Col.NIP_ATASAN, "supervisor_self")
        for p in check_employee_number(supervisor, asn_type="", birth_date=None, sex=None):
            r.bad(Col.NIP_ATASAN, p.code, part=p.part, value=p.value)
    email = r.text(Col.EMAIL)
    if email and not cells.EMAIL.match(email):
        r.bad(Col.EMAIL, "invalid_email", value=email)
    active = r.flag(Col.AKTIF, default=True)

    if r.problems:
        return r.problems
    # No problem: every required value was read.
    assert asn_type is not None
    assert sex is not None
    assert birth is not None
    assert tmt is not None
    assert unit is not None
    assert position is not None
    return PersonRecord(
        line=line,
        nip=nip,
        name=name,
        asn_type=asn_type,
        sex=sex,
        birth_date=birth,
        unit=unit,
        position=position,
        domicile_code=domicile,
        tmt_appointment=tmt,
        last_promotion_date=changes[0],
        last_transfer_date=changes[1],
        last_rotation_date=changes[2],
        discipline_status=status,
        discipline_start=start,
        discipline_end=end,
        last_rating=rating,
        last_rating_year=year,
        supervisor_nip=supervisor,
        email=email,
        is_active=active,
    )


def _has_problem(r: _Row, column: Col) -> bool:
    return any(p.column == column for p in r.problems)


def _unit(r: _Row) -> UnitSpec | None:
    code = r.text(Col.KODE_UNIT, required=True)
    name = r.text(Col.NAMA_UNIT, required=True)
    parent = r.text(Col.KODE_UNIT_INDUK) or None
    kind = r.choice(Col.JENIS_UNIT, UNIT_KINDS, required=True)
    public = r.flag(Col.LAYANAN_PUBLIK, default=False)
    kecamatan = r.text(Col.KODE_KECAMATAN) or None
    if parent is not None and parent == code:
        r.bad(Col.KODE_UNIT_INDUK, "unit_own_parent")
    elif kind in TOP_UNIT_KINDS and parent is not None:
        r.bad(Col.KODE_UNIT_INDUK, "parent_not_allowed", kind=str(r.cell(Col.JENIS_UNIT) or ""))
    elif kind is not None and kind not in TOP_UNIT_KINDS and parent is None:
        r.bad(Col.KODE_UNIT_INDUK, "parent_required", kind=str(r.cell(Col.JENIS_UNIT) or ""))
    if not (code and name and kind):
        return None
    return UnitSpec(code, name, kind, parent, public, kecamatan)


def _position(r: _Row, unit_code: str) -> PositionSpec | None:
    code = r.text(Col.KODE_JABATAN, required=True)
    name = r.text(Col.NAMA_JABATAN, required=True)
    kind = r.choice(Col.JENIS_JABATAN, POSITION_KINDS, required=True)
    level = r.choice(Col.JENJANG, LEVELS)
    is_head = r.flag(Col.KEPALA_UNIT, default=False)
    if kind == "fungsional" and level is None and not _has_problem(r, Col.JENJANG):
        r.bad(Col.JENJANG, "required_with", other=Col.JENIS_JABATAN)
    elif kind is not None and kind != "fungsional" and level is not None:
        r.bad(Col.JENJANG, "not_allowed_with", other=Col.JENIS_JABATAN)
    if is_head and kind is not None and kind not in MANAGERIAL_KINDS:
        r.bad(Col.KEPALA_UNIT, "head_not_managerial")
    if not (code and name and kind and unit_code):
        return None
    return PositionSpec(code, name, kind, level or "", unit_code, is_head)
