"""Patterns, the schedule of a day, the order of resolution and a shift's day (pure)."""

from datetime import date, datetime, time

import pytest

from fleksi.worktime.domain.attribution import attribute, early_minutes, late_minutes
from fleksi.worktime.domain.patterns import (
    REGENCY_DEFAULT,
    CalendarDay,
    day_schedule,
    definition_of,
    parse_definition,
)
from fleksi.worktime.domain.resolve import Personal, Plan, RosterShift, resolve, unit_chain_of
from fleksi.worktime.tests.patterns import (
    FIRE_24H,
    FLEX,
    HOSPITAL_3_SHIFTS,
    HOSPITAL_CYCLE,
    PART_TIME,
    SIX_DAY_SCHOOL,
)

WORK = CalendarDay()
HOLIDAY = CalendarDay(holiday=True)
RAMADAN = CalendarDay(ramadan=True)
MONDAY = date(2026, 5, 4)
FRIDAY = date(2026, 5, 8)
SATURDAY = date(2026, 5, 9)


def P(code, raw):
    parsed = parse_definition(code, raw)
    assert not isinstance(parsed, list), parsed
    return parsed


def net(pattern, day, cal):
    found = day_schedule(pattern, day, cal)
    assert found is not None
    return found.net_minutes


def at(day, hh, mm, ss=0):
    return datetime.combine(day, time(hh, mm, ss))


def test_the_regency_default_follows_perpres_21_2023():
    mon = day_schedule(REGENCY_DEFAULT, MONDAY, WORK)
    fri = day_schedule(REGENCY_DEFAULT, FRIDAY, WORK)
    assert (mon.start, mon.end, mon.break_minutes) == (at(MONDAY, 7, 30), at(MONDAY, 16, 0), 60)
    assert (fri.end, fri.break_minutes) == (at(FRIDAY, 16, 30), 90)
    week = sum([net(REGENCY_DEFAULT, date(2026, 5, d), WORK) for d in range(4, 9)])
    assert week == 37 * 60 + 30  # 37.5 h net
    ram = day_schedule(REGENCY_DEFAULT, MONDAY, RAMADAN)
    assert (ram.start, ram.end) == (at(MONDAY, 8, 0), at(MONDAY, 15, 0))
    ramadan_week = sum([net(REGENCY_DEFAULT, date(2026, 5, d), RAMADAN) for d in range(4, 9)])
    assert ramadan_week == 32 * 60 + 30  # 32.5 h net
    assert day_schedule(REGENCY_DEFAULT, SATURDAY, WORK) is None
    assert day_schedule(REGENCY_DEFAULT, MONDAY, HOLIDAY) is None
    # A Saturday the calendar makes a working day takes Monday's hours.
    extra = day_schedule(REGENCY_DEFAULT, SATURDAY, CalendarDay(holiday=False, extra_working=True))
    assert extra.shift == "reg"


def test_a_six_day_school_works_on_saturday_but_not_on_holidays():
    school = P("school6", SIX_DAY_SCHOOL)
    sat = day_schedule(school, SATURDAY, WORK)
    assert (sat.start, sat.end) == (at(SATURDAY, 7, 0), at(SATURDAY, 12, 30))
    assert day_schedule(school, date(2026, 5, 10), WORK) is None  # Sunday
    assert day_schedule(school, SATURDAY, HOLIDAY) is None


def test_a_cycle_crosses_midnight_and_ignores_holidays():
    cyc = P("ward", HOSPITAL_CYCLE)
    anchor = date(2026, 1, 5)
    codes = [
        (s.shift if (s := day_schedule(cyc, date(2026, 1, 5 + i), HOLIDAY)) else None)
        for i in range(9)
    ]
    assert codes == ["P", "P", "S", "S", "M", "M", None, None, "P"]
    night = day_schedule(cyc, date(2026, 1, 9), HOLIDAY)
    assert night.end == datetime(2026, 1, 10, 7, 0)
    # Another place in the cycle starts two days later.
    assert day_schedule(cyc, anchor, WORK, offset=2).shift == "S"
    # Ramadan does not change a ward's shifts.
    assert day_schedule(cyc, anchor, CalendarDay(ramadan=True)).start == at(anchor, 7, 0)


def test_24_hour_duty_then_two_days_of_rest():
    fire = P("fire24", FIRE_24H)
    duty = day_schedule(fire, date(2026, 1, 1), HOLIDAY)  # New Year: the fire service works
    assert (duty.start, duty.end) == (at(date(2026, 1, 1), 8, 0), at(date(2026, 1, 2), 8, 0))
    assert duty.net_minutes == 22 * 60
    assert day_schedule(fire, date(2026, 1, 2), WORK) is None
    assert day_schedule(fire, date(2026, 1, 3), WORK) is None
    assert day_schedule(fire, date(2026, 1, 4), WORK).shift == "D24"


def test_a_roster_pattern_gives_nothing_by_itself():
    assert day_schedule(P("ward", HOSPITAL_3_SHIFTS), MONDAY, WORK) is None


@pytest.mark.parametrize(
    ("raw", "where"),
    [
        ({"kind": "monthly"}, "kind"),
        ({"kind": "weekly", "shifts": {}}, "shifts"),
        ({"kind": "weekly", "shifts": {"a": {"start": "7:30", "end": "16:00"}}}, "shifts.a"),
        ({"kind": "weekly", "shifts": {"a": {"start": "25:00", "end": "16:00"}}}, "shifts.a"),
        (
            {"kind": "weekly", "shifts": {"a": {"start": "07:00", "end": "08:00", "break": 60}}},
            "shifts.a",
        ),
        (
            {
                "kind": "weekly",
                "shifts": {"a": {"start": "07:00", "end": "15:00"}},
                "week": {"mon": "b"},
            },
            "week.mon",
        ),
        (
            {
                "kind": "weekly",
                "shifts": {"a": {"start": "07:00", "end": "15:00"}},
                "week": {"xyz": "a"},
            },
            "week.xyz",
        ),
        ({**HOSPITAL_CYCLE, "cycle": [None, None]}, "cycle"),
        ({**HOSPITAL_CYCLE, "cycle": ["X"]}, "cycle"),
        ({**HOSPITAL_CYCLE, "anchor": "5 Jan"}, "anchor"),
        ({**FLEX, "flex_minutes": 300}, "flex_minutes"),
        ({**FLEX, "weekly_hours": 0}, "weekly_hours"),
    ],
)
def test_bad_definitions_name_what_is_wrong(raw, where):
    problems = parse_definition("x", raw)
    assert isinstance(problems, list)
    assert where in [p.where for p in problems]


@pytest.mark.parametrize(
    "raw", [SIX_DAY_SCHOOL, HOSPITAL_3_SHIFTS, HOSPITAL_CYCLE, FIRE_24H, PART_TIME, FLEX]
)
def test_definitions_read_back_unchanged(raw):
    p = P("x", raw)
    assert P("x", definition_of(p)) == p


def test_resolution_order():
    ward, part, school = (
        P("ward", HOSPITAL_3_SHIFTS),
        P("pw", PART_TIME),
        P("school6", SIX_DAY_SCHOOL),
    )
    fire = P("fire24", FIRE_24H)
    plan = Plan(
        7,
        {"ward": ward, "pw": part, "school6": school, "fire24": fire},
        by_asn={"pppk_pw": "pw"},
        by_unit={2: "school6", 5: "ward"},
    )
    chain = unit_chain_of("1.2.3.")
    assert chain == (1, 2, 3)
    assert resolve(plan, SATURDAY, WORK, unit_chain=chain, asn_type="pns").source == "unit"
    assert resolve(plan, SATURDAY, WORK, unit_chain=(1, 4), asn_type="pns") is None  # builtin
    assert resolve(plan, MONDAY, WORK, unit_chain=(1, 4), asn_type="pns").source == "builtin"
    assert resolve(plan, MONDAY, WORK, unit_chain=chain, asn_type="pppk_pw").pattern == "pw"
    personal = resolve(
        plan, date(2026, 1, 1), WORK, unit_chain=chain, asn_type="pns", personal=Personal("fire24")
    )
    assert (personal.pattern, personal.source) == ("fire24", "person")
    roster = resolve(
        plan, MONDAY, WORK, unit_chain=(1, 5), asn_type="pns", roster=RosterShift("ward", "M")
    )
    assert (roster.shift, roster.source, roster.end) == ("M", "roster", at(date(2026, 5, 5), 7, 0))
    off = resolve(
        plan, MONDAY, WORK, unit_chain=(1, 5), asn_type="pns", roster=RosterShift("ward", "")
    )
    assert off is None
    # No roster for a roster unit: a day off.
    assert resolve(plan, MONDAY, WORK, unit_chain=(1, 5), asn_type="pns") is None
    # A code the version does not know falls back to the unit's pattern.
    stale = resolve(
        plan, SATURDAY, WORK, unit_chain=chain, asn_type="pns", personal=Personal("gone")
    )
    assert stale.pattern == "school6"


def test_a_night_shift_check_out_belongs_to_the_day_before():
    ward = P("ward", HOSPITAL_CYCLE)
    d = date(2026, 1, 9)  # M
    prev, today, nxt = (day_schedule(ward, date(2026, 1, 8 + i), WORK) for i in range(3))
    assert today.shift == "M"
    day, s = attribute(at(d, 20, 50), "arrival", [prev, today, nxt])
    assert (day, s.shift) == (d, "M")
    day, s = attribute(at(date(2026, 1, 10), 7, 5), "departure", [today, nxt, None])
    assert (day, s.shift) == (d, "M")
    # Next night (M again): the morning check-out of the first night, the evening check-in of
    # the second.
    second = nxt
    day, _ = attribute(at(date(2026, 1, 10), 6, 55), "departure", [today, second, None])
    assert day == d
    day, s = attribute(at(date(2026, 1, 10), 20, 55), "arrival", [today, second, None])
    assert (day, s.start) == (date(2026, 1, 10), at(date(2026, 1, 10), 21, 0))


def test_a_check_in_outside_any_schedule_belongs_to_its_date():
    day, s = attribute(at(SATURDAY, 10, 0), "arrival", [None, None, None])
    assert (day, s) == (SATURDAY, None)


def test_late_and_early_to_the_minute():
    mon = day_schedule(REGENCY_DEFAULT, MONDAY, WORK)
    assert late_minutes(mon, at(MONDAY, 7, 30, 59)) == 0
    assert late_minutes(mon, at(MONDAY, 7, 31)) == 1
    assert early_minutes(mon, at(MONDAY, 15, 59, 30)) == 1
    assert early_minutes(mon, at(MONDAY, 16, 0)) == 0


def test_a_flexible_start_requires_the_days_hours_from_the_start():
    flex = P("flex", FLEX)
    mon = day_schedule(flex, MONDAY, WORK)
    assert late_minutes(mon, at(MONDAY, 8, 30)) == 0
    assert late_minutes(mon, at(MONDAY, 8, 45)) == 15
    # Came at 08:00: 8.5 h gross are due until 16:30.
    assert early_minutes(mon, at(MONDAY, 16, 29), at(MONDAY, 8, 0)) == 1
    assert early_minutes(mon, at(MONDAY, 16, 30), at(MONDAY, 8, 0)) == 0
    # Came at 06:40, before the band: counted from 07:00.
    assert early_minutes(mon, at(MONDAY, 15, 30), at(MONDAY, 6, 40)) == 0
    # Came late at 09:00: the day still ends 8.5 h after the band's end.
    assert early_minutes(mon, at(MONDAY, 17, 0), at(MONDAY, 9, 0)) == 0
