"""Employee numbers for the demo: PNS/CPNS NIPs and PPPK NIs, unique by construction.

A NIP is ``YYYYMMDD`` birth date + ``YYYYMM`` TMT CPNS + sex + 3-digit sequence; it is built
with :func:`fleksi.org.domain.nip.build_nip`. The NI PPPK has its own layout (as commonly
issued): ``YYYYMMDD`` birth date + ``YYYY`` year of appointment + ``21`` (PPPK) + sex +
3-digit sequence. Its digits 13-14 are never a valid month, so an NI cannot be mistaken for a
NIP. The sequence counts up per prefix, which keeps every number unique.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from fleksi.org.domain.nip import build_nip

PPPK_CODE = "21"
MAX_SEQUENCE = 999


def build_ni_pppk(*, birth_date: date, tmt_year: int, sex: str, sequence: int) -> str:
    """Compose an 18-digit NI PPPK (not a NIP: do not parse it as one)."""
    if not 0 <= sequence <= MAX_SEQUENCE:
        raise ValueError("sequence must have at most three digits")
    return f"{birth_date:%Y%m%d}{tmt_year:04d}{PPPK_CODE}{sex}{sequence:03d}"


class NumberAllocator:
    """Hands out unique NIPs and NIs; the first number of a prefix gets sequence 001."""

    def __init__(self) -> None:
        self._used: defaultdict[str, int] = defaultdict(int)

    def _next(self, prefix: str) -> int:
        self._used[prefix] += 1
        sequence = self._used[prefix]
        if sequence > MAX_SEQUENCE:
            raise ValueError(f"more than {MAX_SEQUENCE} numbers share the prefix {prefix}")
        return sequence

    def nip(self, *, birth_date: date, tmt: date, sex: str) -> str:
        prefix = f"{birth_date:%Y%m%d}{tmt:%Y%m}{sex}"
        return build_nip(
            birth_date=birth_date,
            tmt_year=tmt.year,
            tmt_month=tmt.month,
            sex=sex,
            sequence=self._next(prefix),
        )

    def ni_pppk(self, *, birth_date: date, tmt: date, sex: str) -> str:
        prefix = f"{birth_date:%Y%m%d}{tmt:%Y}{PPPK_CODE}{sex}"
        return build_ni_pppk(
            birth_date=birth_date, tmt_year=tmt.year, sex=sex, sequence=self._next(prefix)
        )
