"""NIP (Nomor Induk Pegawai) of a PNS/CPNS, as pure rules.

Layout of the 18 digits: ``YYYYMMDD`` birth date, ``YYYYMM`` TMT CPNS (start of service),
``S`` sex (1 male, 2 female), ``NNN`` sequence. PPPK numbers (NI PPPK) have a different
layout: they are only checked for being 18 digits, never parsed as a NIP.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

NIP_LENGTH = 18
ADULT_AGE = 18
PNS_TYPES = frozenset({"pns", "cpns"})


@dataclass(frozen=True)
class NipProblem:
    """What is wrong, as a stable code, the part of the number concerned and its value."""

    code: str
    part: str
    value: str


@dataclass(frozen=True)
class ParsedNip:
    birth_date: date
    tmt_year: int
    tmt_month: int
    sex: str  # "1" or "2"
    sequence: str


def _digits_problem(number: str) -> NipProblem | None:
    if len(number) != NIP_LENGTH:
        return NipProblem("nip_length", "whole", number)
    if not number.isascii() or not number.isdigit():
        return NipProblem("nip_digits", "whole", number)
    return None


def parse_nip(number: str) -> ParsedNip | NipProblem:
    """Parse a PNS/CPNS NIP, or say which part is wrong."""
    problem = _digits_problem(number)
    if problem:
        return problem
    birth_part, tmt_part, sex, sequence = number[:8], number[8:14], number[14], number[15:]
    try:
        birth = date(int(birth_part[:4]), int(birth_part[4:6]), int(birth_part[6:]))
    except ValueError:
        return NipProblem("nip_birth_date", "birth_date", birth_part)
    tmt_year, tmt_month = int(tmt_part[:4]), int(tmt_part[4:])
    if not 1 <= tmt_month <= 12 or tmt_year < 1900:
        return NipProblem("nip_tmt", "tmt", tmt_part)
    if (tmt_year, tmt_month) < (birth.year + ADULT_AGE, birth.month):
        return NipProblem("nip_tmt_before_adult", "tmt", tmt_part)
    if sex not in ("1", "2"):
        return NipProblem("nip_sex", "sex", sex)
    return ParsedNip(birth, tmt_year, tmt_month, sex, sequence)


def check_employee_number(
    number: str, *, asn_type: str, birth_date: date | None, sex: str | None
) -> list[NipProblem]:
    """All problems of an employee's number against the personnel data given with it.

    For PNS/CPNS the NIP is parsed and must agree with the recorded birth date and sex;
    for PPPK only the form (18 digits) is checked.
    """
    if asn_type not in PNS_TYPES:
        problem = _digits_problem(number)
        return [problem] if problem else []
    parsed = parse_nip(number)
    if isinstance(parsed, NipProblem):
        return [parsed]
    problems: list[NipProblem] = []
    if birth_date is not None and parsed.birth_date != birth_date:
        problems.append(NipProblem("nip_birth_mismatch", "birth_date", number[:8]))
    if sex is not None and parsed.sex != sex:
        problems.append(NipProblem("nip_sex_mismatch", "sex", parsed.sex))
    return problems


def build_nip(*, birth_date: date, tmt_year: int, tmt_month: int, sex: str, sequence: int) -> str:
    """Compose a NIP from its parts (used by demo data and tests)."""
    if not 0 <= sequence <= 999:
        raise ValueError("sequence must have at most three digits")
    return f"{birth_date:%Y%m%d}{tmt_year:04d}{tmt_month:02d}{sex}{sequence:03d}"
