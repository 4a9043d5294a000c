"""The demo's units are judged by their own schedules (issue 14)."""

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from fleksi.demo.services import demo_seed
from fleksi.demo.services.worktime import FIRE, PART_TIME, PUSKESMAS, SCHOOL, WARD
from fleksi.org.models import Employee
from fleksi.worktime.models import DutyRoster, PersonWorkPattern
from fleksi.worktime.selectors import schedules_on, worktime_forget

pytestmark = pytest.mark.django_db

TODAY = date(2026, 5, 4)  # a Monday


@time_machine.travel(timezone.make_aware(datetime(2026, 5, 4, 9, 0)), tick=False)
def test_every_kind_of_unit_has_its_own_schedule():
    worktime_forget()
    report = demo_seed(size="small", seed=7, today=TODAY)
    assert report.counts["duty_rosters"] >= 2
    assert report.counts["own_work_patterns"] > 0
    saturday = TODAY + timedelta(days=5)
    by_day = {d: schedules_on(d) for d in (TODAY, saturday, TODAY + timedelta(days=1))}
    patterns = {s.pattern for day in by_day.values() for s in day.values() if s}
    assert {WARD, FIRE, SCHOOL, PART_TIME, "default"} <= patterns
    assert PUSKESMAS in patterns or not PersonWorkPattern.objects.filter(pattern_code=PUSKESMAS)
    teacher = next(e for e, s in by_day[saturday].items() if s and s.pattern == SCHOOL)
    assert by_day[saturday][teacher].start.hour == 7
    night = [s for s in by_day[TODAY].values() if s and s.shift == "M"]
    assert night
    assert all(s.end.date() == TODAY + timedelta(days=1) for s in night)
    part = Employee.objects.filter(asn_type="pppk_pw", is_active=True).first()
    if part is not None and by_day[TODAY][part.pk] is not None:
        assert by_day[TODAY][part.pk].net_minutes == 240
    assert DutyRoster.objects.filter(status="published", month=TODAY.replace(day=1)).exists()
    worktime_forget()
