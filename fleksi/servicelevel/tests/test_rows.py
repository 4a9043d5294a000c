"""Reading the import files: per-row problems with line, column and code. Pure."""

from datetime import date
from decimal import Decimal as D

import pytest

from fleksi.servicelevel.domain.rows import (
    STATUS_SPELLINGS,
    parse_complaint_rows,
    parse_figure_rows,
    parse_survey_rows,
    status_of,
)

TODAY = date(2026, 6, 30)


def problems_of(parsed):
    return [(p.line, p.column, p.code) for p in parsed[1]]


def test_figures_are_read_with_decimal_commas_and_optional_medians():
    rows, problems = parse_figure_rows(
        [
            [
                "kode layanan",
                "Tanggal",
                "DITERIMA",
                "SELESAI",
                "MEDIAN_PROSES",
                "MEDIAN_TUNGGU_MENIT",
            ],
            ["kk-01", "29/06/2026", "40", "38", "45,5", ""],
            ["KK-01", date(2026, 6, 28), 41.0, 41, 50, 12.25],
        ],
        today=TODAY,
    )
    assert problems == []
    assert [
        (r.service_code, r.day, r.received, r.median_processing, r.median_waiting) for r in rows
    ] == [
        ("kk-01", date(2026, 6, 29), 40, D("45.5"), None),
        ("KK-01", date(2026, 6, 28), 41, D("50"), D("12.25")),
    ]


def test_figure_problems_name_line_and_column():
    parsed = parse_figure_rows(
        [
            ["KODE_LAYANAN", "TANGGAL", "DITERIMA", "SELESAI", "MEDIAN_PROSES"],
            ["KK", "2026-06-31", "40", "38", "x"],
            ["", "2026-07-01", "-1", "3.5", ""],
            ["KK", "2026-06-29", "1", "1", ""],
            ["KK", "29-06-2026", "2", "2", ""],
        ],
        today=TODAY,
    )
    assert problems_of(parsed) == [
        (2, "TANGGAL", "bad_date"),
        (2, "MEDIAN_PROSES", "bad_number"),
        (3, "KODE_LAYANAN", "required"),
        (3, "TANGGAL", "future_date"),
        (3, "DITERIMA", "bad_count"),
        (3, "SELESAI", "bad_count"),
        (5, "TANGGAL", "duplicate_row"),
    ]
    assert len(parsed[0]) == 1


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ([], [(0, "", "no_header")]),
        (["KODE_LAYANAN", "TANGGAL", "DITERIMA"], [(1, "SELESAI", "missing_column")]),
        (
            ["KODE_LAYANAN", "TANGGAL", "DITERIMA", "SELESAI", "SELESAI"],
            [(1, "SELESAI", "duplicate_column")],
        ),
    ],
)
def test_header_problems(header, expected):
    assert problems_of(parse_figure_rows([header, ["a", "b", "c", "d"]], today=TODAY)) == expected


def test_a_file_without_rows():
    parsed = parse_figure_rows([["KODE_LAYANAN", "TANGGAL", "DITERIMA", "SELESAI"]], today=TODAY)
    assert problems_of(parsed) == [(0, "", "no_rows")]


@pytest.mark.parametrize(
    ("spelling", "status"),
    [
        ("Baru", "open"),
        ("Tindak Lanjut", "in_process"),
        ("sedang-diproses", "in_process"),
        ("SELESAI", "resolved"),
        ("Ditutup", "closed"),
        ("hilang", None),
    ],
)
def test_complaint_statuses(spelling, status):
    assert status_of(spelling) == status


def test_every_status_spelling_maps_to_a_known_status():
    assert set(STATUS_SPELLINGS.values()) == {"open", "in_process", "resolved", "closed"}


def test_complaints():
    parsed = parse_complaint_rows(
        [
            [
                "NOMOR_TIKET",
                "TANGGAL",
                "KATEGORI",
                "STATUS",
                "LAMA_PENYELESAIAN_HARI",
                "KODE_LAYANAN",
                "KODE_UNIT",
            ],
            ["LPR-1", "2026-06-01", "Prosedur", "Selesai", "3", "KK", ""],
            ["LPR-2", "2026-06-02", "Sarana", "Arsip", "", "", "DISDUKCAPIL.02"],
            ["LPR-3", "2026-06-02", "", "entah", "dua", "", ""],
            ["LPR-1", "2026-06-03", "Prosedur", "Baru", "", "KK", ""],
        ],
        today=TODAY,
    )
    rows, _problems = parsed
    assert [
        (r.external_id, r.status, r.resolution_days, r.service_code, r.unit_code) for r in rows
    ] == [
        ("LPR-1", "resolved", 3, "KK", ""),
        ("LPR-2", "closed", None, "", "DISDUKCAPIL.02"),
    ]
    assert problems_of(parsed) == [
        (4, "KATEGORI", "required"),
        (4, "STATUS", "bad_status"),
        (4, "LAMA_PENYELESAIAN_HARI", "bad_count"),
        (4, "KODE_LAYANAN", "service_or_unit"),
        (5, "NOMOR_TIKET", "duplicate_row"),
    ]


def test_complaints_need_a_service_or_unit_column():
    parsed = parse_complaint_rows(
        [["NOMOR_TIKET", "TANGGAL", "KATEGORI", "STATUS"], ["1", "2026-06-01", "x", "Baru"]],
        today=TODAY,
    )
    assert problems_of(parsed) == [(1, "KODE_LAYANAN", "missing_target_column")]


def test_surveys():
    header = [
        "KODE_LAYANAN",
        "PERIODE_MULAI",
        "PERIODE_SELESAI",
        "RESPONDEN",
        *[f"U{i}" for i in range(1, 10)],
    ]
    parsed = parse_survey_rows(
        [
            header,
            ["KK", "2026-01-01", "2026-03-31", "150", *["3,5"] * 9],
            ["KK", "2026-04-01", "2026-03-31", "0", *["3.5"] * 8, "4.5"],
        ],
        today=TODAY,
    )
    rows, _ = parsed
    assert rows[0].elements == (D("3.5"),) * 9
    assert problems_of(parsed) == [
        (3, "PERIODE_SELESAI", "end_before_start"),
        (3, "RESPONDEN", "no_respondents"),
        (3, "U9", "bad_number"),
    ]
