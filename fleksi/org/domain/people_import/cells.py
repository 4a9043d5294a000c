"""Reading one cell: text, identifiers, dates, years, coded values and yes/no.

A cell arrives as the reader gives it: text from a CSV file; text, numbers, booleans or
dates from an XLSX sheet. Each function returns the typed value, ``None`` for an empty
cell, or a :class:`Bad` naming what is wrong (a stable code and its parameters).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from fleksi.common.domain.importing import Cell
from fleksi.org.domain.people_import.columns import Choices, normalise_word

type Param = str | int

# Integers beyond this are not exact in a spreadsheet's floating-point cells.
EXACT_FLOAT_DIGITS = 15
MIN_YEAR = 1900

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_DMY = re.compile(r"^(\d{1,2})([-/])(\d{1,2})\2(\d{4})$")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Bad:
    code: str
    params: Mapping[str, Param] = field(default_factory=dict)


def text(cell: Cell) -> str | Bad:
    """The cell as stripped text ('' when empty)."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "1" if cell else "0"
    if isinstance(cell, int):
        return str(cell)
    if isinstance(cell, float):
        if cell.is_integer() and abs(cell) < 10**EXACT_FLOAT_DIGITS:
            return str(int(cell))
        return Bad("number_precision", {"value": f"{cell:.15g}"})
    if isinstance(cell, datetime):
        return cell.date().isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    return cell.strip()


def identifier(cell: Cell) -> str | Bad:
    """A number written with spaces or a leading apostrophe (``'19850312 201003 1 001``)."""
    value = text(cell)
    if isinstance(value, Bad):
        return value
    return _SPACES.sub("", value.lstrip("'"))


def date_value(cell: Cell) -> date | Bad | None:
    """A date cell, or text as YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY."""
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    value = text(cell)
    if isinstance(value, Bad):
        return Bad("invalid_date", {"value": str(cell)})
    if not value:
        return None
    iso, dmy = _ISO.match(value), _DMY.match(value)
    try:
        if iso:
            day = date(int(iso[1]), int(iso[2]), int(iso[3]))
        elif dmy:
            day = date(int(dmy[4]), int(dmy[3]), int(dmy[1]))
        else:
            return Bad("invalid_date", {"value": value})
    except ValueError:
        return Bad("invalid_date", {"value": value})
    if day.year < MIN_YEAR:
        return Bad("invalid_date", {"value": value})
    return day


def year_value(cell: Cell, *, latest: int, earliest: int = 2000) -> int | Bad | None:
    value = text(cell)
    if isinstance(value, Bad):
        return Bad("year_range", {"value": str(cell), "min": earliest, "max": latest})
    if not value:
        return None
    if not (value.isascii() and value.isdigit()) or not earliest <= int(value) <= latest:
        return Bad("year_range", {"value": value, "min": earliest, "max": latest})
    return int(value)


def choice(cell: Cell, choices: Choices) -> str | Bad | None:
    """The stored value of a coded cell (``None`` when empty)."""
    value = text(cell)
    if isinstance(value, Bad):
        return Bad("invalid_choice", {"value": str(cell), "accepted": choices.shown})
    if not value:
        return None
    stored = choices.values.get(normalise_word(value))
    if stored is None:
        return Bad("invalid_choice", {"value": value, "accepted": choices.shown})
    return stored


EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
