"""The demo history: the pure generator (determinism, the constraints it keeps, before and
after the WFA start) and ``seed_demo --history`` on the small regency."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import time_machine
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.utils import timezone

from fleksi.demo.domain.history import (
    APPROVED,
    P_ONSITE_OUTPUT,
    HistoryInput,
    Person,
    WeekRecords,
    generate_history,
    history_span,
    months_before,
)
from fleksi.insights.models import MonthRefresh, PersonMonth, UnitMonth
from fleksi.org.models import Employee
from fleksi.outputs.models import MonthlyRating, OutputReport, PlannedOutput, Verification
from fleksi.policy.models import PolicyVersion
from fleksi.presence.models import Checkin
from fleksi.presence.selectors.recap import RecapRow, period_of, recap_totals, sum_totals
from fleksi.schedule.models import RequestDay
from fleksi.servicelevel.selectors.config import wfa_start
from fleksi.worktime.models import DutyShift

TODAY = date(2026, 5, 13)
HISTORY_TODAY = date(2026, 12, 7)  # the seeding day of HistorySeedTests
START = date(2026, 3, 1)


def _input(seed: int = 1, **kw: object) -> HistoryInput:
    first = date(2026, 1, 5)
    days = [
        first + timedelta(days=i)
        for i in range((TODAY - first).days)
        if (first + timedelta(days=i)).weekday() < 5
    ]
    people = [
        Person(i, pd=100 + i % 3, since=date(2020, 1, 1), wfa=i % 4 != 0, rated=i != 7)
        for i in range(1, 61)
    ]
    people[5] = Person(6, pd=100, since=date(2026, 4, 1), wfa=True)  # appointed in April
    values: dict[str, object] = {
        "people": people,
        "days": days,
        "hours": {d: (time(7, 30), time(16, 0)) for d in days},
        "wfa_start": START,
        "today": TODAY,
        "seed": seed,
        "quota": {100: 4, 101: 4, 102: 4},
        "busy": frozenset({(2, date(2026, 3, 10)), (3, date(2026, 1, 6))}),
        "planned": frozenset({(5, date(2026, 3, 11)), (5, date(2026, 3, 12))}),
        "wfa_days": frozenset({(5, date(2026, 3, 11))}),
    }
    values.update(kw)
    return HistoryInput(**values)  # type: ignore[arg-type,unused-ignore]


def _all(h: HistoryInput) -> WeekRecords:
    out = WeekRecords()
    for week in generate_history(h):
        out.checkins += week.checkins
        out.requests += week.requests
        out.outputs += week.outputs
        out.ratings += week.ratings
    return out


def test_the_same_seed_gives_the_same_history_and_another_seed_another():
    a, b, c = _all(_input(1)), _all(_input(1)), _all(_input(2))
    assert a == b
    assert a.checkins != c.checkins


def test_one_checkin_per_slot_arrival_first_nothing_on_busy_days_or_before_appointment():
    h = _input()
    out = _all(h)
    slots = Counter((e, d, s) for e, d, s, *_ in out.checkins)
    assert max(slots.values()) == 1
    arrivals = {(e, d) for e, d, s, *_ in out.checkins if s == 1}
    assert all((e, d) in arrivals for e, d, s, *_ in out.checkins if s == 2)
    assert {s for _e, _d, s, *_ in out.checkins} == {1, 2}
    days = {(e, d) for e, d, *_ in out.checkins}
    assert not days & h.busy
    assert not any(e == 6 and d < date(2026, 4, 1) for e, d in days)
    # late minutes measured from the start of the day
    for _e, _d, slot, _mode, minute, late, early in out.checkins:
        if slot == 1 and late:
            assert minute == 7 * 60 + 30 + late
        if slot == 2 and early:
            assert minute == 16 * 60 - early


def test_wfa_only_after_the_start_within_the_week_and_the_quota():
    h = _input()
    out = _all(h)
    assert out.requests
    approved = {(r.employee, d) for r in out.requests if r.status == APPROVED for d in r.days}
    allowed = {p.id for p in h.people if p.wfa}
    pd = {p.id: p.pd for p in h.people}
    assert all(d >= START for _e, d in approved)
    assert {e for e, _d in approved} <= allowed
    per_week = Counter((e, d.isocalendar()[:2]) for e, d in approved)
    assert max(per_week.values()) <= h.max_days_per_week
    per_pd_day = Counter((pd[e], d) for e, d in approved)
    assert max(per_pd_day.values()) <= 4
    assert not approved & h.busy
    assert not approved & h.planned
    # Before the start everyone works on site; after it, WFA check-ins on approved days only.
    wfa = {(e, d) for e, d, _s, mode, *_ in out.checkins if mode == "wfa_home"}
    modes = {m for e, d, _s, m, *_ in out.checkins if (e, d) == (5, date(2026, 3, 11))}
    assert modes <= {"wfa_home", "leave", "sick"}
    approved |= h.wfa_days
    assert wfa
    assert wfa <= approved
    assert all(d >= START for _e, d in wfa)
    # Outputs on approved days, one each; most reported, some late, some unreported.
    wfa_outputs = [o for o in out.outputs if o.request is not None]
    assert {(o.employee, o.day) for o in wfa_outputs} == approved - h.wfa_days
    assert len(wfa_outputs) == len(approved - h.wfa_days)
    reports = [o.report for o in out.outputs if o.report]
    assert 0.8 * len(out.outputs) < len(reports) < len(out.outputs)
    assert any(r.late for r in reports)
    assert all(r.reported_on < TODAY for r in reports)
    assert {r.status for r in reports} >= {"accepted", "submitted"}


def test_onsite_outputs_on_a_share_of_the_onsite_days_before_and_after_the_start():
    h = _input()
    out = _all(h)
    onsite = [o for o in out.outputs if o.request is None]
    approved = {(r.employee, d) for r in out.requests if r.status == APPROVED for d in r.days}
    arrivals = {(e, d) for e, d, s, mode, *_ in out.checkins if s == 1 and mode == "onsite"}
    unrated = {p.id for p in h.people if not p.rated}
    days = {(o.employee, o.day) for o in onsite}
    assert len(days) == len(onsite)  # at most one a person-day
    # Only on on-site working days of people with a supervisor, never on a WFA day (approved
    # here or written by the other demo parts) nor on a day the other parts planned.
    assert days <= arrivals
    assert not days & approved
    assert not days & h.wfa_days
    assert not days & h.planned
    assert not days & h.busy
    assert not {e for e, _d in days} & unrated
    # Both sides of the WFA start; about P_ONSITE_OUTPUT of the eligible on-site days.
    assert any(o.day < START for o in onsite)
    assert any(o.day >= START for o in onsite)
    eligible = {(e, d) for e, d in arrivals - h.planned if e not in unrated}
    assert 0.7 * P_ONSITE_OUTPUT < len(onsite) / len(eligible) < 1.3 * P_ONSITE_OUTPUT
    # Reported and verified as the WFA days' outputs are.
    reports = [o.report for o in onsite if o.report]
    assert 0.8 * len(onsite) < len(reports) < len(onsite)
    assert {r.status for r in reports} >= {"accepted", "submitted"}
    assert any(r.late for r in reports)
    assert all(r.reported_on < TODAY and r.due_on > o.day for o in onsite if (r := o.report))


def test_ratings_once_per_person_and_complete_month():
    h = _input(rated_months=frozenset({date(2026, 2, 1)}))
    out = _all(h)
    months = Counter((e, m) for e, m, _p in out.ratings)
    assert max(months.values()) == 1
    assert {m for _e, m, _p in out.ratings} == {
        date(2026, 1, 1),
        date(2026, 3, 1),
        date(2026, 4, 1),
    }
    assert 7 not in {e for e, _m, _p in out.ratings}


def test_people_with_their_own_schedule_work_their_days_at_their_hours_without_wfa():
    # Person 1 is a nurse: nights on Saturdays and Sundays only (21:00-07:00 the next day).
    first = date(2026, 1, 5)
    nights = {
        d: (21 * 60, 31 * 60)
        for d in (first + timedelta(days=i) for i in range((TODAY - first).days))
        if d.weekday() >= 5
    }
    h = _input(own={1: nights})
    records = [r for w in generate_history(h) for r in w.checkins if r[0] == 1]
    requests = [r for w in generate_history(h) for r in w.requests if r.employee == 1]
    assert records
    assert not requests
    assert {r[1] for r in records} <= set(nights)
    arrivals = [r for r in records if r[2] == 1 and r[3] == "onsite"]
    departures = [r for r in records if r[2] == 2]
    assert all(21 * 60 - 35 < r[4] <= 21 * 60 + 75 for r in arrivals)
    assert all(r[4] > 24 * 60 for r in departures)  # the next morning, on the shift's day
    assert len(arrivals) > 0.8 * len(nights)


def test_history_span_puts_the_wfa_start_half_way():
    assert months_before(date(2026, 1, 1), 1) == date(2025, 12, 1)
    assert months_before(date(2026, 11, 1), 12) == date(2025, 11, 1)
    assert history_span(date(2026, 11, 29), 12) == (date(2025, 11, 1), date(2026, 5, 1))
    assert history_span(date(2026, 11, 29), 3) == (date(2026, 8, 1), date(2026, 10, 1))
    assert history_span(date(2026, 11, 29), 1) == (date(2026, 10, 1), date(2026, 11, 1))


@override_settings(LANGUAGE_CODE="en")
# Early in a month: the schedule demo's weeks before today reach into the month before the
# WFA start, and must stop at it.
@time_machine.travel(datetime(2026, 12, 7, 9, 0, tzinfo=ZoneInfo("Asia/Makassar")))
class HistorySeedTests(TestCase):
    """``seed_demo --history 1`` on the small regency: last month and this one."""

    @classmethod
    def setUpTestData(cls) -> None:
        out = StringIO()
        with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
            call_command("seed_demo", "--size", "small", "--history", "1", stdout=out)
        cls.output = out.getvalue()

    def test_records_and_monthly_figures_on_both_sides_of_the_start(self):
        assert "History of 1 months" in self.output
        start = wfa_start().day
        assert start is not None
        assert start.day == 1
        assert Checkin.objects.filter(day__lt=start).exists()
        assert Checkin.objects.filter(day__gte=start, mode="wfa_home").exists()
        assert not Checkin.objects.filter(day__lt=start, mode="wfa_home").exists()
        assert not RequestDay.objects.filter(day__lt=start, status="approved").exists()
        assert PlannedOutput.objects.exists()
        assert OutputReport.objects.exists()
        assert Verification.objects.count() == OutputReport.objects.count()
        # On-site days' own plans (no request), before the start too, with reports.
        own = PlannedOutput.objects.filter(source="own", plan_item__isnull=True)
        assert own.filter(day__lt=start).exists()
        assert OutputReport.objects.filter(planned_output__in=own, day__lt=start).exists()
        assert not PlannedOutput.objects.filter(day__lt=start, source="request").exists()
        assert "on site" in self.output
        assert PersonMonth.objects.filter(month__lt=start, outputs__gt=0, reports__gt=0).exists()
        assert MonthlyRating.objects.filter(month__lt=start).exists()
        months = set(MonthRefresh.objects.values_list("month", flat=True))
        assert months == {months_before(start, 1), start}
        assert PersonMonth.objects.filter(month__lt=start, onsite_days__gt=0).exists()
        assert PersonMonth.objects.filter(month=start, wfa_days__gt=0).exists()
        assert UnitMonth.objects.filter(month=start).exists()

    def test_onsite_outputs_are_on_onsite_days_without_an_approved_wfa_day(self):
        # Before the start every plan is the history's (the other demo parts write this
        # month only); the generator's tests check the days after it.
        start = wfa_start().day
        assert start is not None
        wfa = set(RequestDay.objects.filter(status="approved").values_list("employee_id", "day"))
        onsite = set(
            Checkin.objects.filter(slot=1, mode="onsite").values_list("employee_id", "day")
        )
        history = PlannedOutput.objects.filter(day__lt=start)
        days = set(history.values_list("employee_id", "day"))
        assert days
        assert len(days) == history.count()
        assert not days & wfa
        assert days <= onsite
        # The measures see them as on-site days: nothing requested, no work-plan item.
        assert not history.exclude(source="own").exists()
        assert not history.filter(plan_item__isnull=False).exists()
        # Every history plan has its supervisor as verifier of its report.
        for report in OutputReport.objects.filter(planned_output__in=history)[:50]:
            (v,) = report.verifications.all()
            assert v.verifier_id == report.employee.supervisor_id

    def test_the_database_constraints_hold_and_new_rows_get_fresh_ids(self):
        first = Checkin.objects.order_by("pk").first()
        assert first is not None
        last = Checkin.objects.order_by("-pk").values_list("pk", flat=True).first()
        employee = first.employee
        made = Checkin.objects.create(
            employee=employee,
            day=TODAY + timedelta(days=3650),
            slot=1,
            kind="in",
            mode="onsite",
            checked_at=first.checked_at,
            server_received_at=first.checked_at,
            idempotency_key="00000000-0000-4000-8000-000000000001",
            outcome="pass",
            source="online",
        )
        assert last is not None
        assert made.pk > last

    def test_shift_units_work_and_are_judged_by_their_own_days_since_the_perbup(self):
        # The Perbup (and with it the units' own working times) is in force since the WFA
        # start: the RSUD's nurses work their roster's days, weekends included, a night
        # shift checks out the next morning on the shift's day, the fire-fighters' 24-hour
        # duty ends the next morning; the recap judges them by their own days.
        start = wfa_start().day
        assert start is not None
        assert PolicyVersion.objects.get(status="published").effective_from == start
        shifts = DutyShift.objects.filter(published=True, day__gte=start, day__lt=HISTORY_TODAY)
        nights = set(shifts.filter(shift_code="M").values_list("employee_id", "day"))
        assert nights
        departures = [
            c
            for c in Checkin.objects.filter(slot=2, day__gte=start, day__lt=HISTORY_TODAY)
            if (c.employee_id, c.day) in nights
        ]
        assert departures
        for c in departures:
            at = timezone.localtime(c.checked_at)
            assert at.date() == c.day + timedelta(days=1)
            assert 5 <= at.hour <= 8  # 07:00, or up to 90 minutes early, or a bit late
        nurses = Employee.objects.filter(pk__in=shifts.values("employee_id"))
        sunday = date(2026, 12, 6)
        assert Checkin.objects.filter(employee__in=nurses, day=sunday, slot=1).exists()
        totals = sum_totals(
            RecapRow(0, "", "", 0, "", "", t)
            for t in recap_totals(nurses, period_of(start, today=HISTORY_TODAY)).values()
        )
        # The days already judged (today, not over yet, is a working day but has no status).
        judged = (
            totals.onsite_days
            + totals.wfa_days
            + totals.duty_days
            + totals.leave_days
            + totals.missing_days
        )
        assert 0 < judged <= totals.working_days
        assert totals.onsite_days >= 0.8 * judged
        assert totals.missing_days <= 0.1 * judged
        assert totals.late_days <= 0.2 * judged
        # The regency's weekly calendar no longer applies to them: nobody on a roster has a
        # check-in on a day their roster gives them off.
        off = set(
            DutyShift.objects.filter(
                published=True, shift_code="", day__gte=start, day__lt=HISTORY_TODAY
            ).values_list("employee_id", "day")
        )
        arrivals = Checkin.objects.filter(employee__in=nurses, slot=1, day__gte=start)
        assert not {(e, d) for e, d in arrivals.values_list("employee_id", "day")} & off
