"""The shared import reader: CSV (encodings, delimiters) and XLSX, limits, unreadable
files, and the hostile spreadsheets of issue 12 (each made at test time, none committed).

Bounded work is shown without a clock: by the bytes of the sheet the reader consumed before
it stopped, and by the memory it allocated (``tracemalloc``), which do not depend on how
busy the machine is.
"""

import io
import tracemalloc
from datetime import date, datetime

import pytest

from fleksi.common.importing import xlsxfile
from fleksi.common.importing.reader import Limits, UnreadableFile, read_table
from fleksi.testkit.spreadsheets import (
    csv_bytes,
    inline_row,
    sheet_xml,
    with_huge_shared_string,
    with_shared_strings,
    with_sheet,
    workbook,
    xlsx_bytes,
)

LINES = [["NIP", "NAMA", "TANGGAL_LAHIR"], ["198503122010031001", "Ahmad Fauzi", "1985-03-12"]]


def read(data: bytes, name: str, limits: Limits | None = None):
    return table(data, name, limits).rows


def table(data: bytes, name: str, limits: Limits | None = None):
    return read_table(io.BytesIO(data), name=name, **({"limits": limits} if limits else {}))


@pytest.mark.parametrize(
    ("delimiter", "bom"), [(",", False), (",", True), (";", False), (";", True), ("\t", False)]
)
def test_csv_delimiters_and_byte_order_mark(delimiter, bom):
    assert read(csv_bytes(LINES, delimiter=delimiter, bom=bom), "export.csv") == LINES


def test_csv_saved_by_excel_in_windows_1252():
    data = "NIP;NAMA\r\n198503122010031001;José Ramos\r\n".encode("cp1252")
    assert read(data, "export.CSV") == [["NIP", "NAMA"], ["198503122010031001", "José Ramos"]]


def test_csv_quoted_cells_with_delimiters_and_line_breaks_stay_one_row():
    data = b'NIP,NAMA\n1,"Fauzi, Ahmad\nS.Kom."\n2,Rina\n'
    assert read(data, "x.csv") == [["NIP", "NAMA"], ["1", "Fauzi, Ahmad\nS.Kom."], ["2", "Rina"]]


def test_xlsx_gives_typed_cells_and_keeps_line_numbers():
    lines = [
        ["NIP", "NAMA", "TANGGAL_LAHIR", "TAHUN"],
        ["198503122010031001", "Ahmad Fauzi", datetime(1985, 3, 12), 2024],
        [None, None, None, None],
        ["198808082021212001", "Siti Aminah", date(1988, 8, 8), None],
        [None, None, None, None],
    ]
    rows = read(xlsx_bytes(lines), "export.xlsx")
    assert rows[0] == ["NIP", "NAMA", "TANGGAL_LAHIR", "TAHUN"]
    assert rows[1] == ["198503122010031001", "Ahmad Fauzi", datetime(1985, 3, 12), 2024]
    assert rows[2] == []
    assert rows[3][:2] == ["198808082021212001", "Siti Aminah"]
    assert len(rows) == 4  # trailing blank rows dropped


@pytest.mark.parametrize(
    ("data", "name", "code"),
    [
        (b"NIP\n1\n", "export.txt", "file_type"),
        (b"NIP\n1\n", "export", "file_type"),
        (b"PK\x03\x04 not really a workbook", "export.xlsx", "file_unreadable"),
        (b"NIP,NAMA\n1,\x00\x00\n", "export.csv", "file_unreadable"),
        (csv_bytes(LINES), "export.xlsx", "file_unreadable"),
    ],
)
def test_unreadable_files(data, name, code):
    with pytest.raises(UnreadableFile) as info:
        read(data, name)
    assert info.value.code == code


def test_size_limit():
    with pytest.raises(UnreadableFile) as info:
        read(csv_bytes(LINES), "export.csv", Limits(max_bytes=20))
    assert (info.value.code, info.value.params) == ("file_too_large", {"mb": 0})


@pytest.mark.parametrize("make", [csv_bytes, xlsx_bytes])
def test_row_limit(make):
    name = f"x.{'csv' if make is csv_bytes else 'xlsx'}"
    ok = [LINES[0], *[LINES[1]] * 3]
    assert len(read(make(ok), name, Limits(max_rows=3))) == 4
    with pytest.raises(UnreadableFile) as info:
        read(make([*ok, LINES[1]]), name, Limits(max_rows=3))
    assert info.value.code == "too_many_rows"


@pytest.mark.parametrize("make", [csv_bytes, xlsx_bytes])
def test_empty_lines_count_towards_the_row_limit(make):
    name = f"x.{'csv' if make is csv_bytes else 'xlsx'}"
    blank = [None] * 3 if make is xlsx_bytes else ["", "", ""]
    with pytest.raises(UnreadableFile) as info:
        read(make([LINES[0], blank, blank, blank, LINES[1]]), name, Limits(max_rows=3))
    assert info.value.code == "too_many_rows"


def test_the_limit_messages_are_indonesian():
    with pytest.raises(UnreadableFile) as info:
        read(make_rows(5), "x.xlsx", Limits(max_rows=3))
    assert "lebih dari 3 baris" in info.value.message
    assert "Tidak ada yang diimpor" in info.value.message


def make_rows(count: int) -> bytes:
    return workbook([["NAMA"], *([f"Orang {i}"] for i in range(count))])


# The hostile spreadsheets of issue 12 §3 and issue 13 §3.


def test_a_dimension_that_says_a1_p100_does_not_hide_the_rows_below_it():
    """Openpyxl's row reader stopped at the declared last row: 99 of 300 people imported."""
    rows = [inline_row(1, [("A1", "NAMA")])]
    rows += [inline_row(n, [(f"A{n}", f"Orang {n}")]) for n in range(2, 302)]
    data = with_sheet(workbook([["x"]]), sheet_xml(rows, dimension="A1:P100"))
    read_rows = read(data, "lies.xlsx")
    assert len(read_rows) == 301
    assert read_rows[-1] == ["Orang 301"]


def test_a_small_file_claiming_the_whole_sheet_costs_only_its_rows():
    """A 3 KB file whose dimension is A1:XFD1048576 kept a worker busy for minutes."""
    rows = [inline_row(n, [(f"A{n}", "x"), (f"B{n}", "y")]) for n in range(1, 40)]
    data = with_sheet(workbook([["x"]]), sheet_xml(rows, dimension="A1:XFD1048576"))
    assert len(data) < 8_000
    tracemalloc.start()
    try:
        read_rows = read(data, "claims.xlsx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(read_rows) == 39
    assert all(len(r) == 2 for r in read_rows)
    assert peak < 8 * 1024 * 1024


def test_a_cell_in_column_xfd_on_20000_rows_is_refused_at_the_first_row():
    """Each row was widened to 16,384 cells: 20,000 of them exhausted the memory."""
    rows = (inline_row(n, [(f"A{n}", "x"), (f"XFD{n}", "y")]) for n in range(1, 20_001))
    data = with_sheet(workbook([["x"]]), sheet_xml(rows))
    consumed = measure_sheet_reads(data)
    tracemalloc.start()
    try:
        with pytest.raises(UnreadableFile) as info:
            read(data, "wide.xlsx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert info.value.code == "too_many_columns"
    assert info.value.params == {"line": 1, "cell": "XFD1", "max": 200}
    assert peak < 8 * 1024 * 1024
    assert consumed() < 200_000  # of about 1.5 MB of sheet


def test_a_wide_row_of_empty_styled_cells_is_not_a_problem():
    rows = [b'<row r="1"><c r="A1" t="inlineStr"><is><t>NAMA</t></is></c><c r="XFD1" s="0"/></row>']
    assert read(with_sheet(workbook([["x"]]), sheet_xml(rows)), "styled.xlsx") == [["NAMA"]]


def test_a_300_mb_shared_string_is_refused_before_it_is_unpacked():
    """A 300 MB shared string took 800 MB of memory; it is made compressed, in chunks."""
    data = with_huge_shared_string(workbook([["x"]]), 300 * 1024 * 1024)
    assert len(data) < 3 * 1024 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(UnreadableFile) as info:
            read(data, "huge.xlsx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert info.value.code == "unpacked_too_large"
    assert peak < 16 * 1024 * 1024
    # Within the total, the shared strings alone are bounded too.
    with pytest.raises(UnreadableFile) as info:
        read(with_huge_shared_string(workbook([["x"]]), 20 * 1024 * 1024), "texts.xlsx")
    assert info.value.code == "shared_strings_too_large"


def test_200000_one_cell_rows_stop_at_the_row_limit_while_streaming():
    """Issue 13 §3: a 30 KB XLSX of 200,000 one-cell rows cost 23–46 s of server CPU."""
    rows = (b'<row><c t="inlineStr"><is><t>x</t></is></c></row>' for _ in range(200_000))
    data = with_sheet(workbook([["x"]]), sheet_xml(rows))
    assert len(data) < 100_000
    consumed = measure_sheet_reads(data)
    with pytest.raises(UnreadableFile) as info:
        read(data, "many.xlsx")
    assert info.value.code == "too_many_rows"
    sheet_size = 200_000 * 48
    assert consumed() < sheet_size * 0.3  # stopped near line 50,001 of 200,000


def test_shared_strings_are_read():
    rows = [b'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>']
    data = with_shared_strings(workbook([["x"]]), ["NIP", "NAMA"], sheet_xml(rows))
    assert read(data, "shared.xlsx") == [["NIP", "NAMA"]]


def test_a_utf8_csv_with_one_stray_windows_1252_byte_is_reported_on_that_line_only():
    """It was decoded entirely as cp1252: 40 names saved as mojibake."""
    names = [f"Séna Hadi Rahmân {i}" for i in range(40)]
    lines = ["NIP,NAMA", *(f"{i},{name}" for i, name in enumerate(names))]
    data = "\n".join(lines).encode("utf-8") + b"\n99,Jos\xe9 Ramos\n"
    result = table(data, "mixed.csv")
    assert [r[1] for r in result.rows[1:41]] == names
    assert [(p.line, p.code) for p in result.problems] == [(42, "row_encoding")]
    assert not any("Jos" in str(cell) for row in result.rows for cell in row)  # given empty


def test_a_stray_byte_inside_a_quoted_multi_line_cell_marks_that_record():
    data = 'NIP,NAMA\n1,"Séna\nHadi"\n2,"Jos'.encode() + b'\xe9\nRamos"\n3,Rina\n'
    result = table(data, "quoted.csv")
    assert [(p.line, p.code) for p in result.problems] == [(3, "row_encoding")]
    assert result.rows[1] == ["1", "Séna\nHadi"]
    assert result.rows[3] == ["3", "Rina"]


def test_a_csv_cell_beyond_the_cell_limit_is_refused():
    with pytest.raises(UnreadableFile) as info:
        read(b"NIP,NAMA\n1," + b"x" * 40_000 + b"\n", "long.csv")
    assert info.value.code == "cell_too_long"
    assert info.value.params["cell"] == "B2"


def measure_sheet_reads(data: bytes):
    """How many bytes of the (unpacked) sheet the reader pulled before it stopped."""
    counted = {"bytes": 0}
    original = xlsxfile._rows

    def counting(source, sheet, limits):
        class Counting:
            def read(self, size=-1):
                chunk = source.read(size)
                counted["bytes"] += len(chunk)
                return chunk

        return original(Counting(), sheet, limits)

    mp = pytest.MonkeyPatch()
    mp.setattr(xlsxfile, "_rows", counting)
    request_finalizers.append(mp.undo)
    return lambda: counted["bytes"]


request_finalizers: list = []


@pytest.fixture(autouse=True)
def _undo_patches():
    yield
    while request_finalizers:
        request_finalizers.pop()()


def test_the_message_of_an_unreadable_file_is_translated():
    from django.utils import translation

    with translation.override("en"), pytest.raises(UnreadableFile) as info:
        read(b"x", "export.pdf")
    assert info.value.message == "Only .csv and .xlsx files can be imported."
