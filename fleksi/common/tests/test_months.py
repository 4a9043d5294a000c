"""One set of month rules for every app (it replaced three that disagreed)."""

from datetime import date

import pytest

from fleksi.common.domain.months import (
    add_months,
    month_end,
    month_key,
    month_start,
    months_back,
    next_month,
    parse_month,
    previous_month,
)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2028, 2, 29), 12, date(2029, 2, 28)),
        (date(2025, 11, 30), 12, date(2026, 11, 30)),
        (date(2025, 12, 15), 3, date(2026, 3, 15)),
        (date(2026, 11, 1), 2, date(2027, 1, 1)),
        (date(2026, 1, 1), -1, date(2025, 12, 1)),
        (date(2026, 1, 31), -13, date(2024, 12, 31)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
        (date(2026, 5, 1), 0, date(2026, 5, 1)),
    ],
)
def test_add_months_keeps_the_day_clamped_to_the_end_of_month(start, months, expected):
    assert add_months(start, months) == expected


def test_a_first_of_month_stays_a_first():
    first = date(2026, 1, 1)
    assert all(add_months(first, n).day == 1 for n in range(-30, 31))


def test_months_around_a_day():
    assert month_start(date(2028, 2, 29)) == date(2028, 2, 1)
    assert month_end(date(2028, 2, 3)) == date(2028, 2, 29)
    assert month_end(date(2027, 12, 31)) == date(2027, 12, 31)
    assert previous_month(date(2026, 1, 15)) == date(2025, 12, 1)
    assert previous_month(date(2024, 3, 1)) == date(2024, 2, 1)
    assert next_month(date(2027, 12, 31)) == date(2028, 1, 1)
    assert months_back(date(2026, 2, 17), 3) == [
        date(2025, 12, 1),
        date(2026, 1, 1),
        date(2026, 2, 1),
    ]
    assert months_back(date(2026, 2, 17), 1) == [date(2026, 2, 1)]
    assert len(set(months_back(date(2026, 2, 1), 24))) == 24


def test_parse_month_reads_a_month_or_a_date_and_nothing_else():
    assert month_key(date(2026, 3, 9)) == "2026-03"
    assert parse_month("2026-03") == date(2026, 3, 1)
    assert parse_month(" 2026-12 ") == date(2026, 12, 1)
    assert parse_month("2028-02-29") == date(2028, 2, 1)
    for bad in (
        None,
        "",
        "2026-13",
        "2026-00",
        "26-03",
        "2026/03",
        "1999-01",
        "2101-01",
        "abcd-ef",
        "2027-02-29",
        "2026-03-1",
        "2026-3",
    ):
        assert parse_month(bad) is None, bad
