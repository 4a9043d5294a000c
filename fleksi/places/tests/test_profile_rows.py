"""Checks of a connectivity survey file, row by row (pure)."""

from datetime import date, datetime

import pytest

from fleksi.places.domain.profile_rows import (
    ProfileRow,
    RowProblem,
    date_of,
    network_level,
    parse_rows,
    yes_no,
)

TODAY = date(2026, 11, 20)
HEADER = [
    "Kode Desa",
    "JARINGAN_TERBAIK",
    "listrik-24-jam",
    "BLANK_SPOT",
    "SUMBER",
    "TANGGAL_SURVEI",
]


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Tidak ada", "none"),
        ("tanpa sinyal", "none"),
        ("NONE", "none"),
        ("2G", "2g"),
        ("EDGE", "2g"),
        ("3G", None),  # switched off in 2022–23
        ("H+", None),
        ("4G LTE", "4g"),
        ("4G-LTE", "4g"),
        ("lte", "4g"),
        ("5G", "4g"),
        ("fiber", "fibre"),
        ("Fiber Optik", "fibre"),
        ("Serat optik (fiber)", "fibre"),
        ("VSAT", "vsat"),
        ("VSAT/satelit", "vsat"),
        ("Satelit", "vsat"),
        ("Radio link", "radio_link"),
        ("radio-link", "radio_link"),
        ("Tidak ada sinyal", "none"),
        ("Broadband", None),  # which link?
        ("wifi", None),
        ("", None),
        ("6G", None),
    ],
)
def test_network_spellings(text, level):
    assert network_level(text) == level


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Y", True),
        ("ya", True),
        ("Ada", True),
        ("1", True),
        ("N", False),
        ("T", False),
        ("Tidak", False),
        ("tidak ada", False),
        ("0", False),
        ("mungkin", None),
        ("", None),
    ],
)
def test_yes_no(text, value):
    assert yes_no(text) == value


@pytest.mark.parametrize(
    ("cell", "day"),
    [
        ("2025-03-01", date(2025, 3, 1)),
        ("01-03-2025", date(2025, 3, 1)),
        ("1/3/2025", date(2025, 3, 1)),
        (date(2025, 3, 1), date(2025, 3, 1)),
        (datetime(2025, 3, 1, 9, 30), date(2025, 3, 1)),
        ("2025-02-30", None),
        ("March 2025", None),
        (None, None),
    ],
)
def test_dates(cell, day):
    assert date_of(cell) == day


def test_a_good_file():
    rows, problems = parse_rows(
        [
            [*HEADER, "NAMA_DESA"],
            [
                "64.02.12.2001",
                "2G",
                "T",
                "Y",
                "Survei Diskominfo 2025",
                "15/08/2025",
                "Tabang Lama",
            ],
            [],
            ["64.02.06.1001", "fiber", "Y", "N", "Survei Diskominfo 2025", date(2025, 8, 1)],
        ],
        today=TODAY,
    )
    assert problems == []
    assert rows == [
        ProfileRow(
            2, "64.02.12.2001", "2g", False, True, "Survei Diskominfo 2025", date(2025, 8, 15)
        ),
        ProfileRow(
            4, "64.02.06.1001", "fibre", True, False, "Survei Diskominfo 2025", date(2025, 8, 1)
        ),
    ]


def test_every_problem_with_line_and_column():
    rows, problems = parse_rows(
        [
            HEADER,
            ["", "6G", "kadang", "", "x" * 201, "2027-01-01"],
            ["64.02.12.2001", "4G", "Y", "N", "Survei", "31-02-2025"],
            ["64.02.12.2001", "4G", "Y", "N", "Survei", "2025-02-01"],
            ["64.02.12.2001", "4G", "Y", "N", "Survei", "2025-02-01"],
            ["64.02.12.2002", "3G", "Y", "N", "Survei", "2025-02-01"],
            ["64.02.12.2003", "broadband", "Y", "N", "Survei", "2025-02-01"],
        ],
        today=TODAY,
    )
    assert [(p.line, p.column, p.code) for p in problems] == [
        (2, "KODE_DESA", "required"),
        (2, "JARINGAN_TERBAIK", "bad_network"),
        (2, "LISTRIK_24_JAM", "bad_yes_no"),
        (2, "BLANK_SPOT", "required"),
        (2, "SUMBER", "too_long"),
        (2, "TANGGAL_SURVEI", "future_date"),
        (3, "TANGGAL_SURVEI", "bad_date"),
        (5, "KODE_DESA", "duplicate_desa"),
        (6, "JARINGAN_TERBAIK", "network_3g"),
        (7, "JARINGAN_TERBAIK", "vague_fixed"),
    ]
    assert problems[1].params == {"value": "6G"}
    assert problems[-3].params == {"code": "64.02.12.2001", "first_line": 4}
    assert problems[-2].params == {"value": "3G"}
    assert [r.line for r in rows] == [4]


def test_the_header():
    assert parse_rows([], today=TODAY) == ([], [RowProblem(0, "", "no_header")])
    assert parse_rows([HEADER], today=TODAY) == ([], [RowProblem(0, "", "no_rows")])
    _rows, problems = parse_rows([["KODE_DESA", "SUMBER", "SUMBER"], ["x"]], today=TODAY)
    assert [(p.column, p.code) for p in problems] == [
        ("JARINGAN_TERBAIK", "missing_column"),
        ("LISTRIK_24_JAM", "missing_column"),
        ("BLANK_SPOT", "missing_column"),
        ("TANGGAL_SURVEI", "missing_column"),
        ("SUMBER", "duplicate_column"),
    ]
