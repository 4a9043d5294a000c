"""Numbers and dates in Indonesian words, as legal texts write them: "2 (dua) hari kerja",
"30% (tiga puluh persen)", "9 Desember 2026"."""

from __future__ import annotations

from datetime import date

_UNITS = (
    "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
    "sepuluh", "sebelas",
)  # fmt: skip
MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
    "Oktober", "November", "Desember",
)  # fmt: skip


def terbilang(n: int) -> str:
    """``n`` (0 ≤ n < 10⁹) in Indonesian words: 12 → "dua belas", 1500 → "seribu lima ratus"."""
    if n < 0:
        return "minus " + terbilang(-n)

    def tail(rest: int) -> str:
        return f" {terbilang(rest)}" if rest else ""

    if n < 12:
        return _UNITS[n]
    if n < 20:
        return f"{_UNITS[n - 10]} belas"
    if n < 100:
        return f"{_UNITS[n // 10]} puluh{tail(n % 10)}"
    if n < 200:
        return f"seratus{tail(n - 100)}"
    if n < 1000:
        return f"{_UNITS[n // 100]} ratus{tail(n % 100)}"
    if n < 2000:
        return f"seribu{tail(n - 1000)}"
    if n < 1_000_000:
        return f"{terbilang(n // 1000)} ribu{tail(n % 1000)}"
    if n < 1_000_000_000:
        return f"{terbilang(n // 1_000_000)} juta{tail(n % 1_000_000)}"
    raise ValueError(n)


def count(n: int, unit: str) -> str:
    """ "2 (dua) hari kerja"."""
    return f"{n} ({terbilang(n)}) {unit}".rstrip()


def percent(share: float) -> str:
    """A share 0–1 as "30% (tiga puluh persen)"; "12,5% (dua belas koma lima persen)"."""
    pct = round(share * 100, 2)
    whole = int(pct)
    decimals = f"{pct:.2f}".split(".")[1].rstrip("0")
    if not decimals:
        return f"{whole}% ({terbilang(whole)} persen)"
    digits = " ".join(_UNITS[int(d)] for d in decimals)
    return f"{whole},{decimals}% ({terbilang(whole)} koma {digits} persen)"


def day_words(day: date) -> str:
    """ "9 Desember 2026"."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def joined(items: list[str]) -> str:
    """ "a, b, dan c"."""
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} dan {items[1]}"
    return ", ".join(items[:-1]) + f", dan {items[-1]}"
