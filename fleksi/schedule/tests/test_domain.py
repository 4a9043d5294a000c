"""Pure helpers: expanding a plan into working days, the iCalendar text, the board tally."""

from datetime import UTC, date, datetime

import pytest

from fleksi.schedule.domain.board import Presence, Tally, ancestors_of, shortfall, tally_by_unit
from fleksi.schedule.domain.ical import AllDayEvent, calendar_text, escape_text, fold
from fleksi.schedule.domain.planning import (
    PlanError,
    PlanMode,
    PlanSpec,
    date_range,
    expand_plan,
    month_bounds,
    single_days,
    weekly_pattern,
)

HOLIDAY = date(2026, 12, 25)  # a Friday


def working(day: date) -> bool:
    return day.weekday() < 5 and day != HOLIDAY


def test_single_days_are_sorted_unique_and_working_only():
    found = single_days(
        [date(2026, 12, 3), date(2026, 12, 1), date(2026, 12, 3), date(2026, 12, 5)], working
    )
    assert found.days == (date(2026, 12, 1), date(2026, 12, 3))
    assert found.skipped == (date(2026, 12, 5),)  # a Saturday, asked for by name


def test_a_range_keeps_every_working_day_and_reports_nothing_skipped():
    found = date_range(date(2026, 12, 21), date(2026, 12, 28), working)
    assert found.days == (
        date(2026, 12, 21),
        date(2026, 12, 22),
        date(2026, 12, 23),
        date(2026, 12, 24),
        date(2026, 12, 28),
    )
    assert found.skipped == ()


def test_every_tuesday_and_thursday_of_a_month():
    first, last = month_bounds(2026, 12)
    assert (first, last) == (date(2026, 12, 1), date(2026, 12, 31))
    found = weekly_pattern({1, 3}, first, last, working)
    assert found.days == (
        date(2026, 12, 1),
        date(2026, 12, 3),
        date(2026, 12, 8),
        date(2026, 12, 10),
        date(2026, 12, 15),
        date(2026, 12, 17),
        date(2026, 12, 22),
        date(2026, 12, 24),
        date(2026, 12, 29),
        date(2026, 12, 31),
    )


def test_a_weekly_pattern_reports_the_holiday_it_skips():
    found = weekly_pattern({4}, date(2026, 12, 14), date(2026, 12, 31), working)
    assert found.days == (date(2026, 12, 18),)
    assert found.skipped == (HOLIDAY,)


@pytest.mark.parametrize(
    ("spec", "code"),
    [
        (PlanSpec(PlanMode.DAYS), "no_days"),
        (PlanSpec(PlanMode.RANGE, start=date(2026, 12, 1)), "range_missing"),
        (
            PlanSpec(PlanMode.RANGE, start=date(2026, 12, 2), end=date(2026, 12, 1)),
            "range_reversed",
        ),
        (PlanSpec(PlanMode.RANGE, start=date(2026, 1, 1), end=date(2026, 4, 3)), "range_too_long"),
        (PlanSpec(PlanMode.WEEKLY, start=date(2026, 12, 1), end=date(2026, 12, 31)), "no_weekdays"),
        (
            PlanSpec(
                PlanMode.WEEKLY,
                start=date(2026, 12, 1),
                end=date(2026, 12, 31),
                weekdays=frozenset({9}),
            ),
            "bad_weekday",
        ),
    ],
)
def test_plans_that_cannot_be_expanded_say_why(spec, code):
    with pytest.raises(PlanError) as exc:
        expand_plan(spec, is_working_day=working)
    assert exc.value.code == code


def test_a_plan_of_92_days_is_the_longest():
    found = expand_plan(
        PlanSpec(PlanMode.RANGE, start=date(2026, 1, 1), end=date(2026, 4, 2)),
        is_working_day=lambda d: True,
    )
    assert len(found.days) == 92


def test_icalendar_text_has_one_all_day_event_per_day_with_crlf_lines():
    text = calendar_text(
        [
            AllDayEvent(
                uid="wfa-day-7@fleksi",
                day=date(2026, 12, 31),
                summary="WFA",
                location="Rumah, Loa Kulu; dekat pasar",
                stamp=datetime(2026, 12, 1, 8, 30, tzinfo=UTC),
            )
        ],
        name="WFA saya",
    )
    lines = text.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR"
    assert lines[-2] == "END:VCALENDAR"
    assert lines[-1] == ""
    assert "DTSTART;VALUE=DATE:20261231" in lines
    assert "DTEND;VALUE=DATE:20270101" in lines
    assert "DTSTAMP:20261201T083000Z" in lines
    assert "LOCATION:Rumah\\, Loa Kulu\\; dekat pasar" in lines
    assert text.count("BEGIN:VEVENT") == 1


def test_long_lines_fold_at_75_octets_without_splitting_characters():
    line = "SUMMARY:" + "é" * 80
    folded = fold(line).split("\r\n")
    assert all(len(part.encode()) <= 75 for part in folded)
    assert all(part.startswith(" ") for part in folded[1:])
    assert "".join(p[1:] if i else p for i, p in enumerate(folded)) == line
    assert escape_text("a\\b\nc") == "a\\\\b\\nc"


def test_the_board_counts_every_person_in_their_units_and_above():
    paths = ["1.", "1.2.", "1.3."]
    people = [
        ("1.2.", Presence.ONSITE),
        ("1.2.", Presence.WFA),
        ("1.2.", Presence.ABSENT),
        ("1.3.", Presence.ONSITE),
        ("1.", Presence.ONSITE),
        ("9.", Presence.WFA),  # outside the subtree
    ]
    tally = tally_by_unit(paths, people)
    assert tally["1."] == Tally(people=5, onsite=3, wfa=1, absent=1)
    assert tally["1.2."] == Tally(people=3, onsite=1, wfa=1, absent=1)
    assert tally["1.2."].expected == 2
    assert ancestors_of("13.124.425.") == ["13.", "13.124.", "13.124.425."]
    assert (shortfall(3, 4), shortfall(5, 4), shortfall(0, None)) == (1, 0, 0)
