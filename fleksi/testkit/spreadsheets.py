"""Hostile spreadsheets for the import reader's tests, made at test time (none committed).

:func:`workbook` writes a real XLSX with openpyxl; :func:`with_sheet` replaces the XML of
its first sheet (to make the ``<dimension>`` lie, or to write rows openpyxl would not);
:func:`with_shared_strings` adds a shared-strings part of a given unpacked size, written
compressed chunk by chunk so that a 300 MB part costs a few hundred KB and no memory.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Sequence
from typing import Any

SHEET = "xl/worksheets/sheet1.xml"
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def csv_bytes(lines: list[list[Any]], *, delimiter: str = ",", bom: bool = False) -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter).writerows(lines)
    return ("\ufeff" if bom else "").encode() + out.getvalue().encode("utf-8")


def xlsx_bytes(lines: list[list[Any]]) -> bytes:
    return workbook(lines)


def workbook(rows: Iterable[Sequence[Any]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _rewrite(data: bytes, replace: dict[str, bytes | Iterable[bytes]]) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target,
    ):
        for entry in source.infolist():
            if entry.filename in replace:
                continue
            target.writestr(entry, source.read(entry.filename))
        for name, content in replace.items():
            with target.open(name, "w", force_zip64=True) as part:
                if isinstance(content, bytes):
                    part.write(content)
                else:
                    for chunk in content:
                        part.write(chunk)
    return out.getvalue()


def with_sheet(data: bytes, sheet_xml: bytes | Iterable[bytes]) -> bytes:
    return _rewrite(data, {SHEET: sheet_xml})


def sheet_xml(rows_xml: Iterable[bytes], dimension: str = "A1") -> Iterable[bytes]:
    yield f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}>'.encode()
    yield f'<dimension ref="{dimension}"/><sheetData>'.encode()
    yield from rows_xml
    yield b"</sheetData></worksheet>"


def inline_row(line: int | None, cells: Sequence[tuple[str, str]]) -> bytes:
    """``<row>`` of inline-string cells given as ``(reference, text)``."""
    attr = f' r="{line}"' if line is not None else ""
    body = "".join(f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>' for ref, text in cells)
    return f"<row{attr}>{body}</row>".encode()


SHARED_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


def _types_with_shared_strings(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        types = source.read("[Content_Types].xml")
    override = f'<Override PartName="/xl/sharedStrings.xml" ContentType="{SHARED_TYPE}"/>'
    return types.replace(b"</Types>", override.encode() + b"</Types>")


def with_shared_strings(data: bytes, strings: Sequence[str], sheet: Iterable[bytes]) -> bytes:
    """The workbook with a shared-strings part holding ``strings`` and the sheet ``sheet``
    (whose cells refer to them as ``<c t="s"><v>index</v></c>``)."""
    items = "".join(f"<si><t>{s}</t></si>" for s in strings)
    sst = f'<sst {NS} count="{len(strings)}" uniqueCount="{len(strings)}">{items}</sst>'
    return _rewrite(
        data,
        {
            "[Content_Types].xml": _types_with_shared_strings(data),
            "xl/sharedStrings.xml": sst.encode(),
            SHEET: sheet,
        },
    )


def with_huge_shared_string(data: bytes, unpacked_bytes: int, chunk: int = 1 << 20) -> bytes:
    """The workbook with one shared string of about ``unpacked_bytes`` characters."""

    def parts() -> Iterable[bytes]:
        yield f'<sst {NS} count="1" uniqueCount="1">'.encode()
        yield b"<si><t>"
        block = b"a" * chunk
        for _ in range(unpacked_bytes // chunk):
            yield block
        yield b"</t></si></sst>"

    return _rewrite(
        data,
        {
            "[Content_Types].xml": _types_with_shared_strings(data),
            "xl/sharedStrings.xml": parts(),
        },
    )


def inline_sheet(
    lines: Sequence[Sequence[str]], *, dimension: str = "A1", extra_column: str = ""
) -> bytes:
    """An XLSX whose first sheet holds ``lines`` (the header first) as inline strings, with
    ``dimension`` as its declared ``<dimension>``; with ``extra_column`` (e.g. ``"XFD"``),
    each line below the header also has an ``x`` in that column."""
    from openpyxl.utils import get_column_letter

    def rows() -> Iterable[bytes]:
        for line, values in enumerate(lines, start=1):
            cells = [(f"{get_column_letter(i)}{line}", v) for i, v in enumerate(values, start=1)]
            if extra_column and line > 1:
                cells.append((f"{extra_column}{line}", "x"))
            yield inline_row(line, cells)

    return with_sheet(workbook([["x"]]), sheet_xml(rows(), dimension=dimension))


def post_file(client: Any, url: str, data: bytes, name: str, **fields: Any) -> Any:
    """POST ``data`` as the ``file`` field of an upload form (with other ``fields``)."""
    file = io.BytesIO(data)
    file.name = name
    return client.post(url, {"file": file, **fields})


def mixed_csv(lines: Sequence[Sequence[str]], stray: Sequence[str], delimiter: str = ",") -> bytes:
    """A UTF-8 CSV of ``lines`` (give them non-ASCII text) and then one line, ``stray``, in
    Windows-1252: the file of issue 12 that was decoded whole as cp1252."""
    utf8 = "".join(delimiter.join(cells) + "\n" for cells in lines).encode()
    return utf8 + (delimiter.join(stray) + "\n").encode("cp1252")


def refused_by_command(command: str, path: Any, data: bytes) -> str:
    """Write ``data`` to ``path`` and run an ``import_*`` command on it, which must refuse it
    with "nothing was imported"; what it wrote to stderr (one line a problem)."""
    import pytest
    from django.core.management import CommandError, call_command

    path.write_bytes(data)
    err = io.StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command(command, str(path), stderr=err, stdout=io.StringIO())
    return err.getvalue()
