"""Presence judged by each person's schedule of the day: a hand-built table.

Every row is a check-in made through the real service (offices, policy, patterns, rosters in
the database) with the day it must belong to and the minutes late / early it must carry;
then each person's monthly recap is checked figure by figure. People of the small world:

- Rina (staff_a1): the regency default (Perpres 21/2023; Ramadan hours);
- Darto (staff_a2): PPPK paruh waktu, 08:00–12:00;
- Yusuf (staff_b1): Bappeda given a six-day school week;
- Sari (head_seksi) and Bambang (head_bidang): nurses on a monthly roster (P/S/M, the night
  shift crossing midnight; no holidays, no Ramadan hours);
- Rahmawati (head_a): fire service, 24-hour duty then two days off;
- Andi (head_b): flexible start 07:00–08:30, then 8.5 hours.
"""

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from fleksi.org.models import Employee, Office
from fleksi.policy.models import RamadanPeriod
from fleksi.policy.services import policy_draft_create, policy_publish
from fleksi.presence.domain.recap import Totals
from fleksi.presence.selectors.facts import day_rules_forget
from fleksi.presence.selectors.hours import weekly_hours_of
from fleksi.presence.selectors.recap import employee_days, period_of, recap_totals
from fleksi.presence.services import CheckinIn, checkin_record
from fleksi.worktime.models import DutyRoster, DutyShift
from fleksi.worktime.selectors import worktime_forget
from fleksi.worktime.services import (
    person_work_pattern_assign,
    unit_work_pattern_set,
    work_pattern_set,
)
from fleksi.worktime.tests.patterns import (
    FIRE_24H,
    FLEX,
    HOSPITAL_3_SHIFTS,
    PART_TIME,
    SIX_DAY_SCHOOL,
)

pytestmark = pytest.mark.django_db

OFFICE_A = (-0.4180, 116.9870)
OFFICE_B = (-0.4195, 116.9905)
TODAY = datetime(2026, 6, 10, 12, 0)
BASIS = "ditetapkan PPK dalam Perbup"

# Roster shifts (person, day, shift); Sari's night of 8 May went to Bambang (a swap).
ROSTER = [
    ("head_seksi", "2026-03-03", "P"),
    ("head_seksi", "2026-05-04", "M"),
    ("head_seksi", "2026-05-06", "P"),
    ("head_seksi", "2026-05-07", "S"),
    ("head_seksi", "2026-05-10", "M"),
    ("head_seksi", "2026-05-12", "M"),
    ("head_seksi", "2026-05-31", "M"),  # the last day of the month, a Sunday and a holiday
    ("head_seksi", "2026-06-01", "S"),
    ("head_bidang", "2026-05-08", "M"),  # swapped in for Sari
    ("head_bidang", "2026-05-20", "P"),  # never came
]


@dataclass(frozen=True)
class Case:
    who: str
    at: str  # local time of the check-in, "YYYY-MM-DD HH:MM"
    slot: int
    day: str  # the day it belongs to
    late: int = 0
    early: int = 0
    note: str = ""


CASES = [
    # The regency default: Mon–Thu 07:30–16:00, Fri 07:30–16:30 (Perpres 21/2023).
    Case("staff_a1", "2026-05-04 07:25", 1, "2026-05-04", note="on time"),
    Case("staff_a1", "2026-05-04 16:05", 2, "2026-05-04"),
    Case("staff_a1", "2026-05-05 07:31", 1, "2026-05-05", late=1, note="to the minute"),
    Case("staff_a1", "2026-05-05 15:59", 2, "2026-05-05", early=1),
    Case("staff_a1", "2026-05-08 07:30", 1, "2026-05-08"),
    Case("staff_a1", "2026-05-08 16:00", 2, "2026-05-08", early=30, note="Friday ends 16:30"),
    Case("staff_a1", "2026-05-01 08:00", 1, "2026-05-01", note="Labour Day: no hours"),
    Case("staff_a1", "2026-05-15 07:45", 1, "2026-05-15", note="cuti bersama: no hours"),
    # Ramadan hours: 08:00–15:00, Friday 15:30.
    Case("staff_a1", "2026-03-02 08:00", 1, "2026-03-02", note="Ramadan start 08:00"),
    Case("staff_a1", "2026-03-02 15:00", 2, "2026-03-02", note="Ramadan end 15:00"),
    Case("staff_a1", "2026-03-06 08:05", 1, "2026-03-06", late=5),
    Case("staff_a1", "2026-03-06 15:15", 2, "2026-03-06", early=15, note="Ramadan Friday"),
    # PPPK paruh waktu, 08:00–12:00.
    Case("staff_a2", "2026-05-04 08:00", 1, "2026-05-04"),
    Case("staff_a2", "2026-05-04 12:00", 2, "2026-05-04", note="four hours are a full day"),
    Case("staff_a2", "2026-05-05 08:00", 1, "2026-05-05"),
    Case("staff_a2", "2026-05-05 11:30", 2, "2026-05-05", early=30),
    # A six-day school week (Saturday 07:00–12:30; holidays and cuti bersama apply).
    Case("staff_b1", "2026-05-09 07:00", 1, "2026-05-09", note="Saturday class"),
    Case("staff_b1", "2026-05-09 12:30", 2, "2026-05-09"),
    Case("staff_b1", "2026-05-11 07:05", 1, "2026-05-11", late=5),
    Case("staff_b1", "2026-05-11 13:30", 2, "2026-05-11"),
    Case("staff_b1", "2026-05-15 07:30", 1, "2026-05-15", note="cuti bersama: the school too"),
    # Nurses on the roster: P 07–14, S 14–21, M 21–07 (no holidays, no Ramadan hours).
    Case("head_seksi", "2026-05-04 20:55", 1, "2026-05-04", note="night shift"),
    Case("head_seksi", "2026-05-05 07:02", 2, "2026-05-04", note="next morning: shift's day"),
    Case("head_seksi", "2026-05-06 07:10", 1, "2026-05-06", late=10),
    Case("head_seksi", "2026-05-06 13:50", 2, "2026-05-06", early=10),
    Case("head_seksi", "2026-05-07 14:00", 1, "2026-05-07"),
    Case("head_seksi", "2026-05-07 21:00", 2, "2026-05-07"),
    Case("head_seksi", "2026-05-08 07:00", 1, "2026-05-08", note="swapped away: a day off"),
    Case("head_seksi", "2026-05-10 19:00", 1, "2026-05-10", note="two hours early, Sunday"),
    Case("head_seksi", "2026-05-11 07:00", 2, "2026-05-10"),
    Case("head_seksi", "2026-05-12 21:20", 1, "2026-05-12", late=20),
    Case("head_seksi", "2026-05-13 06:30", 2, "2026-05-12", early=30),
    Case("head_seksi", "2026-05-31 21:00", 1, "2026-05-31", note="last day of the month"),
    Case("head_seksi", "2026-06-01 07:00", 2, "2026-05-31", note="belongs to May"),
    Case("head_seksi", "2026-06-01 13:50", 1, "2026-06-01", note="same date, next shift"),
    Case("head_seksi", "2026-03-03 07:00", 1, "2026-03-03", note="no Ramadan hours on a ward"),
    Case("head_bidang", "2026-05-08 21:00", 1, "2026-05-08", note="took the swapped night"),
    Case("head_bidang", "2026-05-09 07:00", 2, "2026-05-08"),
    # Fire service: 24 hours from 08:00, then two days off; holidays are duty days.
    Case("head_a", "2026-05-01 07:55", 1, "2026-05-01", note="on duty on Labour Day"),
    Case("head_a", "2026-05-02 08:05", 2, "2026-05-01", note="leaves the next morning"),
    Case("head_a", "2026-05-04 08:10", 1, "2026-05-04", late=10),
    Case("head_a", "2026-05-05 07:30", 2, "2026-05-04", early=30),
    # A flexible start (07:00–08:30), then the day's 8.5 hours from the actual start.
    Case("head_b", "2026-05-04 08:15", 1, "2026-05-04", note="inside the band"),
    Case("head_b", "2026-05-04 16:45", 2, "2026-05-04", note="8.5 h after 08:15"),
    Case("head_b", "2026-05-05 08:00", 1, "2026-05-05"),
    Case("head_b", "2026-05-05 16:00", 2, "2026-05-05", early=30, note="owes until 16:30"),
    Case("head_b", "2026-05-06 08:40", 1, "2026-05-06", late=10, note="after the band"),
    Case("head_b", "2026-05-06 17:00", 2, "2026-05-06", note="counted from 08:30"),
    Case("head_b", "2026-05-07 06:50", 1, "2026-05-07", note="before the band"),
    Case("head_b", "2026-05-07 15:30", 2, "2026-05-07", note="counted from 07:00"),
]

# Each person's recap: (month, working days, on site, missing, late days, late minutes,
# early days, early minutes, incomplete days).
RECAPS = [
    ("staff_a1", "2026-05", 16, 3, 13, 1, 1, 2, 31, 0),
    ("staff_a1", "2026-03", 17, 2, 15, 1, 5, 1, 15, 0),
    ("staff_a2", "2026-05", 16, 2, 14, 0, 0, 1, 30, 0),
    ("staff_b1", "2026-05", 21, 2, 19, 1, 5, 0, 0, 0),
    ("head_seksi", "2026-05", 6, 6, 0, 2, 30, 2, 40, 0),
    ("head_seksi", "2026-06", 1, 1, 0, 0, 0, 0, 0, 1),
    ("head_seksi", "2026-03", 1, 1, 0, 0, 0, 0, 0, 1),
    ("head_bidang", "2026-05", 2, 1, 1, 0, 0, 0, 0, 0),
    ("head_a", "2026-05", 11, 2, 9, 1, 10, 1, 30, 0),
    ("head_b", "2026-05", 16, 4, 12, 1, 10, 1, 30, 0),
]


def _d(text: str) -> date:
    return date.fromisoformat(text)


@pytest.fixture
def schedules(world):
    """Offices, Ramadan 2026, a Perbup with the patterns in force since 1 January, rosters."""
    worktime_forget()
    Office.objects.create(
        unit=world.units["a"], name="Kantor A", latitude=OFFICE_A[0], longitude=OFFICE_A[1]
    )
    Office.objects.create(
        unit=world.units["b"], name="Kantor B", latitude=OFFICE_B[0], longitude=OFFICE_B[1]
    )
    RamadanPeriod.objects.create(start=date(2026, 2, 18), end=date(2026, 3, 19))
    Employee.objects.filter(pk=world.people["staff_a2"].pk).update(asn_type="pppk_pw")
    world.people["staff_a2"].refresh_from_db()
    bkpsdm = world.user("bkpsdm")
    with time_machine.travel(datetime(2025, 12, 1, 9), tick=False):
        draft = policy_draft_create(
            actor=bkpsdm,
            regulation_number="Perbup 9/2025",
            title="Jam kerja",
            effective_from=date(2026, 1, 1),
        )
        for code, definition, asn in [
            ("school6", SIX_DAY_SCHOOL, ""),
            ("pw", PART_TIME, "pppk_pw"),
            ("fire24", FIRE_24H, ""),
            ("ward", HOSPITAL_3_SHIFTS, ""),
            ("flex", FLEX, ""),
        ]:
            work_pattern_set(
                actor=bkpsdm,
                version=draft,
                code=code,
                name=code,
                definition=definition,
                basis=BASIS,
                asn_type=asn,
            )
        unit_work_pattern_set(actor=bkpsdm, version=draft, unit=world.units["b"], code="school6")
    with time_machine.travel(datetime(2026, 1, 1, 9), tick=False):
        policy_publish(actor=world.user("sekda"), version=draft)
    for who, code in (("head_a", "fire24"), ("head_b", "flex")):
        person_work_pattern_assign(
            actor=bkpsdm, employee=world.people[who], code=code, start=date(2026, 1, 1)
        )
    # A published roster covers every day of its month for everyone on it ("": a day off).
    by_month: dict[date, dict[tuple[str, date], str]] = {}
    for who, day, shift in ROSTER:
        by_month.setdefault(_d(day).replace(day=1), {})[(who, _d(day))] = shift
    for month, shifts in by_month.items():
        roster = DutyRoster.objects.create(
            unit=world.units["a"], month=month, pattern_code="ward", status="published"
        )
        last = (month + timedelta(days=31)).replace(day=1) - timedelta(days=1)
        days = [month + timedelta(days=i) for i in range(last.day)]
        DutyShift.objects.bulk_create(
            DutyShift(
                roster=roster,
                employee=world.people[who],
                day=day,
                shift_code=shifts.get((who, day), ""),
                published=True,
            )
            for who in sorted({w for w, _day in shifts})
            for day in days
        )
    worktime_forget()
    day_rules_forget()
    return world


def _check_in(world, case: Case):
    local = datetime.fromisoformat(case.at)
    tapped = timezone.make_aware(local)
    sent = tapped + timedelta(seconds=3)
    where = OFFICE_B if world.people[case.who].unit_id == world.units["b"].pk else OFFICE_A
    data = CheckinIn(
        uuid.uuid4(),
        case.slot,
        "onsite",
        device_time=tapped,
        sent_at=sent,
        latitude=where[0],
        longitude=where[1],
        accuracy_m=8.0,
    )
    return checkin_record(employee=world.people[case.who], data=data, received_at=sent).checkin


def test_the_table_has_enough_cases():
    assert len(CASES) >= 30
    assert len({(c.who, c.day, c.slot) for c in CASES}) == len(CASES)


@time_machine.travel(timezone.make_aware(TODAY, timezone.get_default_timezone()), tick=False)
def test_every_check_in_belongs_to_its_schedule_s_day(schedules, client):
    problems = []
    for case in CASES:
        c = _check_in(schedules, case)
        got = (c.day.isoformat(), c.late_minutes, c.early_minutes)
        if got != (case.day, case.late, case.early):
            problems.append(f"{case.who} {case.at} #{case.slot} ({case.note}): {got}")
        # No correct check-in is flagged, and one on time is never a failure.
        if c.flagged:
            problems.append(f"{case.who} {case.at}: flagged {c.flags}")
        if not case.late and not case.early and c.outcome == "fail":
            problems.append(f"{case.who} {case.at}: fails {c.trace}")
    assert problems == [], "\n".join(problems)

    for who, month, *expected in RECAPS:
        e = schedules.people[who]
        period = period_of(_d(month + "-01"), today=TODAY.date())
        t = recap_totals(Employee.objects.filter(pk=e.pk), period).get(e.pk, Totals())
        got = [
            t.working_days,
            t.onsite_days,
            t.missing_days,
            t.late_days,
            t.late_minutes,
            t.early_days,
            t.early_minutes,
            t.incomplete_days,
        ]
        assert got == expected, (who, month)
        days = employee_days(e, period)
        assert len(days) == t.working_days
        assert sum(1 for d in days.values() if d["status"] == "missing") == t.missing_days

    # The weekly 37.5 hours of the flexible pattern: the week of 1 May (a holiday) needs
    # 30 hours; the week of 4 May 37.5, of which 29.5 were worked (the Friday missing).
    andi = schedules.people["head_b"]
    weeks = weekly_hours_of(andi, date(2026, 5, 1), today=TODAY.date())
    assert [(w.week, w.needed, w.worked, w.short) for w in weeks[:2]] == [
        (date(2026, 4, 27), 1800, 0, 1800),
        (date(2026, 5, 4), 2250, 1770, 480),
    ]
    assert weekly_hours_of(schedules.people["staff_a2"], date(2026, 5, 1)) == []  # no weekly hours
    url = reverse("api:presence_weekly_hours", args=[andi.pk]) + "?month=2026-05"
    client.force_login(schedules.user("staff_a1"))
    assert client.get(url).status_code == 404
    client.force_login(schedules.user("bkpsdm"))
    assert client.get(url).json()["weeks"][1]["short_minutes"] == 480


@time_machine.travel(timezone.make_aware(TODAY, timezone.get_default_timezone()), tick=False)
def test_a_night_shift_s_page_shows_the_shift_s_day_in_the_morning(schedules):
    from fleksi.presence.selectors.checkins import today_for

    sari = schedules.people["head_seksi"]
    _check_in(schedules, Case("head_seksi", "2026-05-04 20:55", 1, "2026-05-04"))
    morning = today_for(sari, datetime(2026, 5, 5, 6, 40))
    assert (morning.day, morning.next_slot) == (date(2026, 5, 4), 2)
    assert morning.hours == (time(21, 0), time(7, 0))
    _check_in(schedules, Case("head_seksi", "2026-05-05 07:02", 2, "2026-05-04"))
    later = today_for(sari, datetime(2026, 5, 5, 7, 10))
    assert later.day == date(2026, 5, 5)
    assert later.hours is None  # a day off after the night
