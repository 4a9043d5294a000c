"""CSV: the encoding decided per line, then records counted and bounded as they are read."""

from __future__ import annotations

import csv
import io

from fleksi.common.domain.importing import Cell, RowProblem
from fleksi.common.importing.reader import (
    Limits,
    UnreadableFile,
    check_cell,
    check_width,
    too_many_rows,
)

DELIMITERS = (",", ";", "\t")
BOM = b"\xef\xbb\xbf"


def decode_lines(data: bytes) -> tuple[str, set[int]]:
    """The text of ``data`` and the physical lines (1-based) that are in no one encoding.

    UTF-8 when the whole file is UTF-8. Otherwise line by line: a file in which no line
    holds UTF-8 beyond ASCII is Windows-1252 (Excel's "CSV (comma delimited)"); in a file
    that holds both, the lines that are not UTF-8 are reported instead of guessed.
    """
    if b"\x00" in data:  # UTF-16 or a binary file
        raise UnreadableFile("file_unreadable", kind="CSV")
    data = data.removeprefix(BOM)
    try:
        return data.decode("utf-8"), set()
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")
    utf8: list[str | None] = []
    for line in lines:
        try:
            utf8.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            utf8.append(None)
    mixed = any(text is not None and not text.isascii() for text in utf8)
    bad: set[int] = set()
    out: list[str] = []
    for number, (raw, text) in enumerate(zip(lines, utf8, strict=True), start=1):
        if text is not None:
            out.append(text)
            continue
        if not mixed:
            try:
                out.append(raw.decode("cp1252"))
                continue
            except UnicodeDecodeError:
                pass
        bad.add(number)
        out.append(raw.decode("utf-8", errors="replace"))
    return "\n".join(out), bad


def read_csv(data: bytes, limits: Limits) -> tuple[list[list[Cell]], list[RowProblem]]:
    text, bad_lines = decode_lines(data)
    first_line = text.split("\n", 1)[0]
    delimiter = max(DELIMITERS, key=first_line.count)
    rows: list[list[Cell]] = []
    problems: list[RowProblem] = []
    cells = 0
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    physical = 0  # the last physical line of the previous record
    try:
        for line, record in enumerate(reader, start=1):
            if line > limits.max_rows + 1:
                raise too_many_rows(limits)
            while record and not record[-1].strip():
                record.pop()
            check_width(len(record), line, limits)
            for column, value in enumerate(record, start=1):
                check_cell(value, line, column, limits)
            cells += len(record)
            if cells > limits.max_cells:
                raise UnreadableFile("too_many_cells", max=limits.max_cells)
            if bad_lines and any(n in bad_lines for n in range(physical + 1, reader.line_num + 1)):
                problems.append(RowProblem(line, "", "row_encoding"))
                record = []
            physical = reader.line_num
            rows.append(list(record))
    except csv.Error as exc:
        raise UnreadableFile("file_unreadable", kind="CSV") from exc
    return rows, problems
