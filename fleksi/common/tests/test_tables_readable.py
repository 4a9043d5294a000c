"""Every XLSX export is readable when opened (issue 16): a bold header row that stays in view,
columns as wide as their content (one shared place: fleksi.common.domain.tables)."""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import load_workbook

from fleksi.common.domain.tables import MAX_WIDTH, MIN_WIDTH, Sheet, column_widths, xlsx_bytes


def test_the_header_is_bold_and_frozen_and_widths_follow_the_content():
    long_name = "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"
    data = xlsx_bytes(
        [
            Sheet(
                "Rekap",
                ("NIP", "NAMA", "UNIT_KERJA", "HADIR", "CAPAIAN"),
                [
                    ("199304172019032001", "Rina Kartika", long_name, 21, Decimal("87.5")),
                    ("197811022003121001", "H. Ahmad Fauzi", "Bappeda", 1234567, 100.0),
                    ("x", "y", "=HYPERLINK(1)" + "a" * 100, 1, 0.5),
                ],
            ),
            Sheet("Keterangan", (), [("Tanpa judul kolom",)]),
        ]
    )
    book = load_workbook(io.BytesIO(data))
    sheet = book["Rekap"]
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.b for cell in sheet[1])
    assert not sheet["A2"].font.b
    widths = {c: sheet.column_dimensions[c].width for c in "ABCDE"}
    assert widths["A"] == 20  # 18 digits and a margin
    assert widths["B"] == 16  # "H. Ahmad Fauzi"
    assert widths["C"] == MAX_WIDTH  # a very long text stays within the cap
    assert widths["D"] == len("1,234,567") + 2
    assert widths["E"] == 10  # "CAPAIAN" counts a little wider in bold, plus the margin
    assert sheet["C4"].value.startswith("'=")  # still never a formula
    legend = book["Keterangan"]
    assert legend.freeze_panes is None  # no header, nothing to keep in view
    assert legend.column_dimensions["A"].width == len("Tanpa judul kolom") + 2


def test_column_widths_at_their_bounds():
    assert column_widths((), []) == []
    assert column_widths(("A",), [("",)]) == [MIN_WIDTH]
    assert column_widths(("A", "B"), [("x" * 200,)]) == [MAX_WIDTH, MIN_WIDTH]
