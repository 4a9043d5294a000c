from datetime import date, time

import pytest

from fleksi.policy.domain.calendar import WorkCalendar, national_holidays
from fleksi.policy.models import CalendarOverride, NationalWfaWindow, RamadanPeriod
from fleksi.policy.selectors import work_calendar


def test_national_calendar_has_holidays_and_cuti_bersama():
    h = national_holidays([2026])
    assert date(2026, 8, 17) in h  # Hari Kemerdekaan
    assert date(2026, 12, 24) in h  # cuti bersama Natal (category "government")


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 11, 30), True),  # Monday
        (date(2026, 11, 29), False),  # Sunday
        (date(2026, 8, 17), False),  # holiday
        (date(2026, 12, 24), False),  # cuti bersama
    ],
)
def test_working_days(day, working):
    cal = WorkCalendar(holidays=national_holidays([2026]))
    assert cal.is_working_day(day) is working


def test_hours_normal_friday_and_ramadan():
    cal = WorkCalendar(ramadan=((date(2026, 2, 18), date(2026, 3, 19)),))
    assert cal.hours(date(2026, 11, 30)) == (time(7, 30), time(16, 0))
    assert cal.hours(date(2026, 12, 4)) == (time(7, 30), time(16, 30))  # Friday
    assert cal.hours(date(2026, 3, 2)) == (time(8, 0), time(15, 0))  # Ramadan Monday
    assert cal.hours(date(2026, 11, 29)) is None


def test_add_working_days_skips_weekends_and_holidays():
    cal = WorkCalendar(holidays=national_holidays([2026]))
    assert cal.add_working_days(date(2026, 8, 14), 1) == date(2026, 8, 18)  # Fri → Tue


@pytest.mark.django_db
def test_local_overrides_windows_and_ramadan_from_the_database():
    CalendarOverride.objects.create(day=date(2026, 12, 24), kind="working_day", name="Masuk")
    CalendarOverride.objects.create(day=date(2026, 11, 30), kind="holiday", name="HUT Kukar")
    RamadanPeriod.objects.create(start=date(2026, 2, 18), end=date(2026, 3, 19))
    NationalWfaWindow.objects.create(
        name="WFA Nataru",
        reference="SE 1/2026",
        start=date(2026, 12, 29),
        end=date(2026, 12, 31),
        decision="accepted",
    )
    NationalWfaWindow.objects.create(
        name="WFA Lebaran",
        reference="SE 2/2026",
        start=date(2026, 3, 16),
        end=date(2026, 3, 17),
        decision="declined",
    )
    cal = work_calendar(date(2026, 1, 1), date(2026, 12, 31))
    assert cal.is_working_day(date(2026, 12, 24))
    assert not cal.is_working_day(date(2026, 11, 30))
    assert cal.holiday_name(date(2026, 11, 30)) == "HUT Kukar"
    assert cal.is_ramadan(date(2026, 3, 1))
    assert cal.wfa_window(date(2026, 12, 30)) == "WFA Nataru"
    assert cal.wfa_window(date(2026, 3, 16)) is None


def test_holiday_names_are_indonesian_whatever_the_locale(monkeypatch):
    from datetime import date as _date

    from fleksi.policy.domain.calendar import national_holidays

    monkeypatch.setenv("LANG", "en_US.UTF-8")
    names = national_holidays([2026])
    assert names[_date(2026, 8, 17)] == "Hari Kemerdekaan Republik Indonesia"
    assert names[_date(2026, 12, 25)] == "Hari Raya Natal"
