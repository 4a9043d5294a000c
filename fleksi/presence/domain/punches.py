"""The punches of an office attendance reader's log, read from a file (pure Python).

Two layouts are read (``docs/presence.md``, "Attendance from office readers"):

- the **attendance log** of the widely used fingerprint and face readers (ZKTeco's
  ``attlog``, also exported as .txt/.csv): no header; per line the reader user id, the
  date-time, then optional numbers — the verify mode (finger, face, card…; not used) and
  the in/out state (0 in, 1 out, 2 break out, 3 break in, 4 overtime in, 5 overtime out;
  anything else: not stated). Tab-, comma- or semicolon-separated.
- a **generic file** (CSV or XLSX, e.g. an e-presensi export) with a header: ``NIP`` or
  ``ID_PENGGUNA`` (the reader user id), ``WAKTU`` (date and time) and an optional
  ``STATUS`` (``masuk``/``pulang``, ``in``/``out``, ``M``/``P`` or the reader's numbers).

A punch whose in/out state is not stated is placed by the person's schedule (see
:func:`fleksi.presence.services.readers`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from fleksi.common.domain.importing import (
    Cell,
    RowProblem,
    blank,
    cell_text,
    header_problems,
    normalise_header,
)

COL_NIP = "NIP"
COL_USER = "ID_PENGGUNA"
COL_TIME = "WAKTU"
COL_STATE = "STATUS"
GENERIC_COLUMNS = (COL_NIP, COL_USER, COL_TIME, COL_STATE)
# In the attendance log (no header) the columns are named by position, for the problems.
LOG_USER, LOG_TIME, LOG_STATE = "1", "2", "4"

# What a punch says it is: "in", "out", "break_out", "break_in", or "" (not stated).
READER_STATES = {"0": "in", "1": "out", "2": "break_out", "3": "break_in", "4": "in", "5": "out"}
WORDS = {
    "in": "in",
    "masuk": "in",
    "m": "in",
    "datang": "in",
    "check-in": "in",
    "checkin": "in",
    "out": "out",
    "pulang": "out",
    "keluar": "out",
    "p": "out",
    "k": "out",
    "check-out": "out",
    "checkout": "out",
    "istirahat": "break_out",
    "kembali": "break_in",
}

_TIME_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d-%m-%Y %H:%M:%S",
    "%d-%m-%Y %H:%M",
)
_USER_ID = re.compile(r"^[0-9A-Za-z_-]{1,20}$")
_NIP = re.compile(r"^\d{18}$")


@dataclass(frozen=True)
class Punch:
    """One line of a log: who (a reader user id or a NIP), when (naive, local), what."""

    line: int
    at: datetime
    user_id: str = ""
    nip: str = ""
    state: str = ""
    log: bool = False  # from a reader's attendance log (columns named by position)


def time_of(cell: Cell) -> datetime | None:
    """A date-time cell, or text in one of the usual layouts (None if not a date-time)."""
    if isinstance(cell, datetime):
        return cell.replace(tzinfo=None, microsecond=0)
    if isinstance(cell, date):
        return None  # a date without a time is not a punch
    text = " ".join(cell_text(cell).split())
    if len(text) in (16, 19) and text[4] == "-" and text[7] == "-" and text[10] in " T":
        # The readers' own layout (2026-04-06 07:20:00): read without trying each layout.
        try:
            return datetime.fromisoformat(text)
        except ValueError:
            return None
    for layout in _TIME_FORMATS:
        try:
            return datetime.strptime(text, layout)  # noqa: DTZ007 - local time, made aware later
        except ValueError:
            continue
    return None


def state_of(text: str) -> str | None:
    """The in/out state of a punch ("" when not stated); None when the value is unknown."""
    value = text.strip().lower()
    if not value or value == "255":
        return ""
    if value in READER_STATES:
        return READER_STATES[value]
    return WORDS.get(value)


def is_log(rows: Sequence[Sequence[Cell]]) -> bool:
    """An attendance log has no header: its first line already holds an id and a time."""
    first = next((r for r in rows if not blank(r)), None)
    return first is not None and len(first) >= 2 and time_of(first[1]) is not None


def _state_problem(line: int, column: str, value: str) -> RowProblem:
    return RowProblem(line, column, "punch_state", {"value": value})


def read_log(rows: Sequence[Sequence[Cell]]) -> tuple[list[Punch], list[RowProblem]]:
    """The punches of an attendance log (line 1 is the first punch) and every bad line."""
    punches: list[Punch] = []
    problems: list[RowProblem] = []
    for line, row in enumerate(rows, start=1):
        if blank(row):
            continue
        cells = [cell_text(c).strip() for c in row]
        user = cells[0]
        at = time_of(row[1]) if len(row) > 1 else None
        found: list[RowProblem] = []
        if not _USER_ID.match(user):
            found.append(RowProblem(line, LOG_USER, "punch_user", {"value": user[:40]}))
        if at is None:
            value = cells[1][:40] if len(cells) > 1 else ""
            found.append(RowProblem(line, LOG_TIME, "punch_time", {"value": value}))
        state = state_of(cells[3]) if len(cells) > 3 else ""
        if state is None:
            found.append(_state_problem(line, LOG_STATE, cells[3][:40]))
        if found or at is None or state is None:
            problems.extend(found)
            continue
        punches.append(Punch(line, at, user_id=user, state=state, log=True))
    return punches, problems


def read_generic(rows: Sequence[Sequence[Cell]]) -> tuple[list[Punch], list[RowProblem]]:
    """The punches of a file with a header (``NIP`` or ``ID_PENGGUNA``, ``WAKTU``, ``STATUS``)."""
    header = [normalise_header(c) for c in rows[0]] if rows else []
    problems = header_problems(header, (COL_TIME,))
    if not problems and COL_NIP not in header and COL_USER not in header:
        problems = [RowProblem(1, COL_NIP, "column_missing")]
    if problems:
        return [], problems
    index = {name: header.index(name) for name in GENERIC_COLUMNS if name in header}
    punches: list[Punch] = []
    for line, row in enumerate(rows[1:], start=2):
        if blank(row):
            continue

        def cell(name: str, row: Sequence[Cell] = row) -> Cell:
            i = index.get(name)
            return row[i] if i is not None and i < len(row) else None

        nip = cell_text(cell(COL_NIP)).strip()
        user = cell_text(cell(COL_USER)).strip()
        at = time_of(cell(COL_TIME))
        state = state_of(cell_text(cell(COL_STATE)))
        found: list[RowProblem] = []
        if not nip and not user:
            found.append(RowProblem(line, COL_NIP if COL_NIP in index else COL_USER, "required"))
        elif nip and not _NIP.match(nip):
            found.append(RowProblem(line, COL_NIP, "punch_nip", {"value": nip[:40]}))
        elif not nip and not _USER_ID.match(user):
            found.append(RowProblem(line, COL_USER, "punch_user", {"value": user[:40]}))
        if at is None:
            value = cell_text(cell(COL_TIME)).strip()[:40]
            found.append(RowProblem(line, COL_TIME, "punch_time", {"value": value}))
        if state is None:
            found.append(_state_problem(line, COL_STATE, cell_text(cell(COL_STATE))[:40]))
        if found or at is None or state is None:
            problems.extend(found)
            continue
        punches.append(Punch(line, at, user_id="" if nip else user, nip=nip, state=state))
    if not punches and not problems:
        problems.append(RowProblem(1, "", "no_rows"))
    return punches, problems


def read_punches(rows: Sequence[Sequence[Cell]]) -> tuple[list[Punch], list[RowProblem]]:
    """The punches of either layout, told apart by the first line."""
    return read_log(rows) if is_log(rows) else read_generic(rows)
