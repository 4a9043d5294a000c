"""No cell of an export runs as a formula, in CSV or XLSX (files read back for real)."""

import csv
import io

import pytest
from openpyxl import load_workbook

from fleksi.common.domain.tables import Sheet, csv_lines, csv_text, safe_cell, xlsx_bytes

HOSTILE = [
    '=HYPERLINK("http://x","klik")',
    "+62 812",
    "-1+1",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_formula_like_text_is_kept_as_text(text):
    assert safe_cell(text) == "'" + text


def test_other_values_are_written_as_they_are():
    for value in ("Rina Kartika", "", "2026-11", 12, -3, 1.5, None, "a=b"):
        assert safe_cell(value) == value


def test_csv_neutralises_header_and_rows():
    text = csv_text(["=nama", "nilai"], [[h, -2] for h in HOSTILE], delimiter=";", bom=True)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert rows[0] == ["'=nama", "nilai"]
    assert [r[0] for r in rows[1:]] == ["'" + h for h in HOSTILE]
    assert {r[1] for r in rows[1:]} == {"-2"}  # a number stays a number


def test_csv_lines_stream_the_same_file():
    header, rows = ["a", "b"], [["=1", 2], ["x", None]]
    assert "".join(csv_lines(header, rows, delimiter=",")) == csv_text(header, rows, delimiter=",")


def test_xlsx_cells_are_never_formulas():
    data = xlsx_bytes(
        [
            Sheet("Data", ("nama", "nilai"), [(h, 5) for h in HOSTILE]),
            Sheet("Legenda", (), [("nama", "Nama pegawai")]),
        ]
    )
    book = load_workbook(io.BytesIO(data))
    sheet = book["Data"]
    cells = [c for row in sheet.iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells)
    # (openpyxl's own XML reader gives a carriage return back as a line feed, lxml keeps it)
    read = [str(c.value).replace("\r", "\n") for c in sheet["A"]][1:]
    assert read == ["'" + h.replace("\r", "\n") for h in HOSTILE]
    assert [c.value for c in sheet["B"]][1:] == [5] * len(HOSTILE)
    assert [[c.value for c in r] for r in book["Legenda"].iter_rows()] == [["nama", "Nama pegawai"]]


def test_xlsx_numbers_stay_numbers_with_a_number_format():
    data = xlsx_bytes(
        [
            Sheet(
                "Angka", ("Unit", "Pegawai", "Capaian"), [("Dinas", 1234, 12.5), ("Ya", True, None)]
            )
        ]
    )
    sheet = load_workbook(io.BytesIO(data))["Angka"]
    whole, decimal = sheet["B2"], sheet["C2"]
    assert (whole.value, whole.data_type, whole.number_format) == (1234, "n", "#,##0")
    assert (decimal.value, decimal.data_type, decimal.number_format) == (12.5, "n", "#,##0.0#")
    assert sheet["A2"].number_format == "General"  # texts keep the default
    assert sheet["B3"].value is True
    assert sheet["B3"].number_format == "General"
