"""Two refreshes of one month at the same instant (the nightly job and a report, or two
workers) replace the month one after the other: no IntegrityError, one row per person.
Really concurrent on PostgreSQL; on SQLite writers queue."""

from __future__ import annotations

from datetime import date, datetime
from functools import partial
from zoneinfo import ZoneInfo

import pytest

from fleksi.insights.models import PersonMonth
from fleksi.insights.services.refresh import stats_refresh
from fleksi.org.models import Employee
from fleksi.schedule.tests.test_races import at_once

MOMENT = datetime(2027, 2, 10, 9, 0, tzinfo=ZoneInfo("Asia/Makassar"))
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.time_machine(MOMENT)]


def test_two_refreshes_of_a_month_at_once_both_succeed(world):
    month = date(2027, 1, 1)
    run = partial(stats_refresh, months=[month], today=MOMENT.date())
    for _ in range(3):
        assert at_once(run, run) == ["ok", "ok"]
    people = Employee.objects.filter(is_active=True).count()
    assert PersonMonth.objects.filter(month=month).count() == people
