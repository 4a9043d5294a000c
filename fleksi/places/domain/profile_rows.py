"""Checks of an imported connectivity survey (layout in ``docs/places-readiness.md``). Pure.

One row per desa/kelurahan, a header on line 1. The checks here need no database: columns,
values, dates, and that no desa appears twice. Whether each code exists is checked by the
service afterwards, for the whole file at once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from fleksi.common.domain.importing import Cell, RowProblem, date_of, normalise_header, text_of

__all__ = ["Cell", "RowProblem", "date_of", "normalise_header", "text_of"]

COL_DESA = "KODE_DESA"
COL_NETWORK = "JARINGAN_TERBAIK"
COL_ELECTRICITY = "LISTRIK_24_JAM"
COL_BLANK_SPOT = "BLANK_SPOT"
COL_SOURCE = "SUMBER"
COL_SURVEYED = "TANGGAL_SURVEI"
COLUMNS = (COL_DESA, COL_NETWORK, COL_ELECTRICITY, COL_BLANK_SPOT, COL_SOURCE, COL_SURVEYED)
OPTIONAL_COLUMNS = ("NAMA_DESA", "KECAMATAN")  # for people reading the file; not imported

SOURCE_MAX = 200
CODE_MAX = 20

# Accepted spellings (after lower case, and "-", "_", "/" read as spaces) → level.
NETWORK_SPELLINGS: Mapping[str, str] = {
    **dict.fromkeys(
        ("none", "tidak ada", "tidak ada sinyal", "tanpa sinyal", "no signal", "nihil"), "none"
    ),
    **dict.fromkeys(("2g", "gsm", "edge", "gprs"), "2g"),
    # mobile networks above 4G count as 4G
    **dict.fromkeys(("4g", "4g lte", "lte", "4g+", "lte a", "5g"), "4g"),
    **dict.fromkeys(
        ("radio link", "radiolink", "radio", "microwave", "gelombang mikro", "point to point"),
        "radio_link",
    ),
    **dict.fromkeys(
        (
            "vsat",
            "satelit",
            "satellite",
            "vsat satelit",
            "vsat satellite",
            "internet satelit",
            "bakti",
            "bakti vsat",
        ),
        "vsat",
    ),
    **dict.fromkeys(
        (
            "fibre",
            "fiber",
            "fiber optik",
            "fiber optic",
            "fibre optic",
            "serat optik",
            "serat optik (fiber)",
            "serat optik fiber",
            "kabel serat optik",
            "ftth",
            "fo",
        ),
        "fibre",
    ),
}
# Spellings of 3G (switched off in 2022–23): refused with their own sentence, since the file
# must say what the village has now; and of "broadband", which does not say which link it is.
RETIRED_3G = frozenset({"3g", "umts", "hspa", "hspa+", "h+", "3.5g", "3g hsdpa", "wcdma"})
VAGUE_FIXED = frozenset({"broadband", "fixed broadband", "kabel", "internet kabel"})
YES = frozenset({"y", "ya", "yes", "1", "true", "benar", "ada"})
NO = frozenset({"n", "t", "tidak", "no", "0", "false", "tidak ada"})


@dataclass(frozen=True)
class ProfileRow:
    line: int
    desa_code: str
    best_network: str
    electricity_24h: bool
    blank_spot: bool
    source: str
    surveyed_on: date


def network_level(value: str) -> str | None:
    """The level for a spelling such as "4G LTE", "Tidak ada" or "fiber" (None if unknown)."""
    key = re.sub(r"[\s\-_/]+", " ", value.strip().lower())
    return NETWORK_SPELLINGS.get(key)


def yes_no(value: str) -> bool | None:
    key = re.sub(r"\s+", " ", value.strip().lower())
    if key in YES:
        return True
    if key in NO:
        return False
    return None


def header_problems(header: Sequence[str]) -> list[RowProblem]:
    problems = [RowProblem(1, c, "missing_column") for c in COLUMNS if c not in header]
    seen: set[str] = set()
    for name in header:
        if name and name in seen and name in COLUMNS:
            problems.append(RowProblem(1, name, "duplicate_column"))
        seen.add(name)
    return problems


def _row(line: int, values: Mapping[str, Cell], today: date) -> ProfileRow | list[RowProblem]:
    problems: list[RowProblem] = []

    def bad(column: str, code: str, **params: Any) -> None:
        problems.append(RowProblem(line, column, code, params))

    code = text_of(values.get(COL_DESA))
    if not code:
        bad(COL_DESA, "required")
    elif len(code) > CODE_MAX:
        bad(COL_DESA, "too_long", max=CODE_MAX)
    raw_network = text_of(values.get(COL_NETWORK))
    network = network_level(raw_network)
    if not raw_network:
        bad(COL_NETWORK, "required")
    elif network is None:
        key = re.sub(r"[\s\-_/]+", " ", raw_network.strip().lower())
        code_ = "network_3g" if key in RETIRED_3G else "vague_fixed" if key in VAGUE_FIXED else ""
        bad(COL_NETWORK, code_ or "bad_network", value=raw_network)
    flags: dict[str, bool] = {}
    for column in (COL_ELECTRICITY, COL_BLANK_SPOT):
        raw = text_of(values.get(column))
        answer = yes_no(raw)
        if not raw:
            bad(column, "required")
        elif answer is None:
            bad(column, "bad_yes_no", value=raw)
        else:
            flags[column] = answer
    source = text_of(values.get(COL_SOURCE))
    if not source:
        bad(COL_SOURCE, "required")
    elif len(source) > SOURCE_MAX:
        bad(COL_SOURCE, "too_long", max=SOURCE_MAX)
    raw_date = values.get(COL_SURVEYED)
    surveyed = date_of(raw_date)
    if not text_of(raw_date):
        bad(COL_SURVEYED, "required")
    elif surveyed is None:
        bad(COL_SURVEYED, "bad_date", value=text_of(raw_date))
    elif surveyed > today:
        bad(COL_SURVEYED, "future_date", value=surveyed.isoformat())
    if problems or network is None or surveyed is None:
        return problems
    return ProfileRow(
        line=line,
        desa_code=code,
        best_network=network,
        electricity_24h=flags[COL_ELECTRICITY],
        blank_spot=flags[COL_BLANK_SPOT],
        source=source,
        surveyed_on=surveyed,
    )


def parse_rows(
    table: Sequence[Sequence[Cell]], *, today: date
) -> tuple[list[ProfileRow], list[RowProblem]]:
    """Rows and problems of a whole file (header first; line n is ``table[n - 1]``).
    Empty lines are skipped. Every problem of the file is reported at once."""
    if not table or not any(text_of(c) for c in table[0]):
        return [], [RowProblem(0, "", "no_header")]
    header = [normalise_header(c) for c in table[0]]
    problems = header_problems(header)
    if problems:
        return [], problems
    rows: list[ProfileRow] = []
    first_line: dict[str, int] = {}
    for number, cells in enumerate(table[1:], start=2):
        if not any(text_of(c) for c in cells):
            continue
        values = {name: cells[i] if i < len(cells) else None for i, name in enumerate(header)}
        parsed = _row(number, values, today)
        if isinstance(parsed, list):
            problems.extend(parsed)
            continue
        if parsed.desa_code in first_line:
            problems.append(
                RowProblem(
                    number,
                    COL_DESA,
                    "duplicate_desa",
                    {"code": parsed.desa_code, "first_line": first_line[parsed.desa_code]},
                )
            )
            continue
        first_line[parsed.desa_code] = number
        rows.append(parsed)
    if not rows and not problems:
        problems.append(RowProblem(0, "", "no_rows"))
    return rows, problems
