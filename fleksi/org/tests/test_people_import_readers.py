"""Reading registry exports: CSV (encodings, delimiters) and XLSX, limits, unreadable files."""

import io
from datetime import date, datetime

import pytest

from fleksi.org.importing import readers
from fleksi.org.importing.readers import UnreadableFile, read_table
from fleksi.testkit.people_files import csv_bytes, xlsx_bytes

LINES = [["NIP", "NAMA", "TANGGAL_LAHIR"], ["198503122010031001", "Ahmad Fauzi", "1985-03-12"]]


def read(data: bytes, name: str):
    return read_table(io.BytesIO(data), name=name).rows


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


def test_size_limit(monkeypatch):
    monkeypatch.setattr(readers, "MAX_BYTES", 20)
    with pytest.raises(UnreadableFile) as info:
        read(csv_bytes(LINES), "export.csv")
    assert (info.value.code, info.value.params) == ("file_too_large", {"mb": 0})


@pytest.mark.parametrize("make", [csv_bytes, xlsx_bytes])
def test_row_limit(monkeypatch, make):
    monkeypatch.setattr(readers, "MAX_ROWS", 3)
    ok = [LINES[0], *[LINES[1]] * 3]
    assert len(read(make(ok), f"x.{'csv' if make is csv_bytes else 'xlsx'}")) == 4
    with pytest.raises(UnreadableFile) as info:
        read(make([*ok, LINES[1]]), f"x.{'csv' if make is csv_bytes else 'xlsx'}")
    assert info.value.code == "too_many_rows"


def test_the_message_of_an_unreadable_file_is_translated():
    from django.utils import translation

    with translation.override("en"), pytest.raises(UnreadableFile) as info:
        read(b"x", "export.pdf")
    assert info.value.message == "Only .csv and .xlsx files can be imported."
