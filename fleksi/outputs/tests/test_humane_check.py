"""The monthly output check is humane (issue 16): it never recalls a WFA day that has started
or passed, it warns in the middle of the month with the figures and what to do, a suspension
applies only from the date its decision states, its reasons are words with the numbers in the
reader's language, and the supervisor sees who is at risk before it applies.

Every test fixes its moment (Asia/Makassar, the demo's time zone)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from fleksi.eligibility.models import WfaSuspension
from fleksi.notify.models import Notification
from fleksi.outputs.domain.revocation import first_recallable
from fleksi.outputs.messages import revocation_reason
from fleksi.outputs.models import RevocationNotice
from fleksi.outputs.services import revocation_check, revocation_notice
from fleksi.outputs.services.revocation import check_day
from fleksi.outputs.tests.conftest import approved_wfa
from fleksi.policy.models import PolicyVersion
from fleksi.schedule.models import RequestDay
from fleksi.schedule.tests.conftest import wfa_world

pytestmark = pytest.mark.django_db

TZ = ZoneInfo("Asia/Makassar")


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=TZ)


def policy(world, **params):
    PolicyVersion.objects.filter(pk=world.policy.pk).update(
        params={**world.policy.params, **params}
    )


def short_month(world, days):
    """staff_b1 had approved WFA days ``days``, each with one planned output, none
    reported: achievement 0 % of the month."""
    approved_wfa(
        world,
        "staff_b1",
        days,
        items=[(f"Draf kajian {i}", 2, "dokumen", d) for i, d in enumerate(days, start=1)],
    )


# --- never a day that has started or passed --------------------------------------------------

WEDNESDAY = date(2026, 12, 2)  # the first working day after November's deadline (0 days)


def test_at_16_00_on_a_wfa_day_the_check_does_not_recall_that_day(world):
    with time_machine.travel(at(WEDNESDAY, 16), tick=False):
        w = wfa_world(world)
        policy(w, report_deadline_days=0, suspension_notice_days=0)
        short_month(w, [date(2026, 11, 2), date(2026, 11, 3)])
        approved_wfa(w, "staff_b1", [WEDNESDAY, WEDNESDAY + timedelta(days=1)])
        assert revocation_check() == 1
        rina = w.people["staff_b1"]
        status = dict(RequestDay.objects.filter(employee=rina).values_list("day", "status"))
        assert status[WEDNESDAY] == "approved"  # she is working it: it stays
        assert status[WEDNESDAY + timedelta(days=1)] == "recalled"
        assert status[date(2026, 11, 2)] == "approved"  # the past is never touched


def test_before_the_working_day_begins_today_may_be_recalled(world):
    with time_machine.travel(at(WEDNESDAY, 5), tick=False):
        w = wfa_world(world)
        policy(w, report_deadline_days=0, suspension_notice_days=0)
        short_month(w, [date(2026, 11, 2), date(2026, 11, 3)])
        approved_wfa(w, "staff_b1", [WEDNESDAY])
        assert revocation_check() == 1
        assert RequestDay.objects.get(employee=w.people["staff_b1"], day=WEDNESDAY).status == (
            "recalled"
        )


def test_the_first_recallable_day_at_its_boundaries():
    day = date(2026, 12, 2)
    start = datetime(2026, 12, 2, 7, 30)
    assert first_recallable(day, start - timedelta(minutes=1), start) == day
    assert first_recallable(day, start, start) == day + timedelta(days=1)
    assert first_recallable(day, datetime(2026, 12, 2, 16), start) == day + timedelta(days=1)
    assert first_recallable(day, datetime(2026, 12, 2, 6), None) == day + timedelta(days=1)


# --- warn first, then apply from the stated date -----------------------------------------------

DECEMBER = [date(2026, 12, 1), date(2026, 12, 2)]


def test_people_at_risk_are_warned_mid_month_before_anything_applies(world, client):
    with time_machine.travel(at(date(2026, 12, 14), 10), tick=False):
        w = wfa_world(world)
        short_month(w, DECEMBER)
        assert revocation_notice() == 0  # before the warning day (15 by default)
        assert not RevocationNotice.objects.exists()
    with time_machine.travel(at(date(2026, 12, 15), 10), tick=False):
        assert revocation_notice() == 1
        assert revocation_notice() == 0  # once a month
        notice = Notification.objects.get(kind="wfa.at_risk")
        assert notice.recipient == w.user("staff_b1")
        decides = check_day(date(2026, 12, 15), 1)
        starts = decides + timedelta(days=7)
        assert "Desember 2026" in notice.title
        assert "capaian 0 % di bawah batas 70 %" in notice.body
        assert f"{decides.day} Januari 2027" in notice.body
        assert f"{starts.day} Januari 2027" in notice.body
        assert "Laporkan output" in notice.body
        assert not WfaSuspension.objects.exists()  # a warning, nothing applied
        # The supervisor's home shows who is at risk, before anything applies.
        client.force_login(w.user("head_b"))
        response = client.get(reverse("home:index"))
        [risk] = response.context["at_risk"]
        assert (risk.name, risk.starts) == (w.people["staff_b1"].name, None)
        assert "capaian 0 % di bawah batas 70 %" in response.content.decode()


def test_the_suspension_applies_from_the_stated_date(world, client):
    with time_machine.travel(at(date(2026, 12, 15), 10), tick=False):
        w = wfa_world(world)
        short_month(w, DECEMBER)
    decides = check_day(date(2026, 12, 15), 1)
    starts = decides + timedelta(days=7)
    with time_machine.travel(at(decides - timedelta(days=1), 10), tick=False):
        assert revocation_check() == 0  # December's reports may still come in
    with time_machine.travel(at(decides, 10), tick=False):
        approved_wfa(w, "staff_b1", [decides + timedelta(days=1), starts])
        assert revocation_check() == 1
        s = WfaSuspension.objects.get()
        assert (s.start, s.end) == (starts, starts + timedelta(days=29))
        assert s.reason == "capaian 0 % di bawah batas 70 %"
        status = dict(RequestDay.objects.filter(day__gte=decides).values_list("day", "status"))
        assert status == {decides + timedelta(days=1): "approved", starts: "recalled"}
        told = Notification.objects.get(kind="wfa.suspended", recipient=w.user("staff_b1"))
        assert f"{starts.day} Januari 2027" in told.title
        assert "capaian 0 % di bawah batas 70 %" in told.body
        assert "Desember 2026" in told.body
        client.force_login(w.user("head_b"))
        [risk] = client.get(reverse("home:index")).context["at_risk"]
        assert risk.starts == starts


# --- the words ---------------------------------------------------------------------------------


def trace(achievement=None, unreported=None):
    checks = []
    if achievement is not None:
        checks.append(
            {"check": "achievement", "observed": achievement, "threshold": 70, "outcome": "fail"}
        )
    if unreported is not None:
        checks.append(
            {"check": "unreported", "observed": unreported, "threshold": 3, "outcome": "fail"}
        )
    return {"checks": checks}


def test_reasons_are_words_with_numbers_in_the_reader_s_language():
    with translation.override("id"):
        assert revocation_reason(trace(50.0)) == "capaian 50 % di bawah batas 70 %"
        assert revocation_reason(trace(62.5, 4)) == (
            "capaian 62,5 % di bawah batas 70 %; "
            "4 hari WFA belum dilaporkan, lebih dari batas 3 hari"
        )
    with translation.override("en"):
        assert revocation_reason(trace(62.5)) == "achievement 62.5 % below the threshold of 70 %"
        assert revocation_reason(trace(unreported=4)) == (
            "4 WFA days unreported, more than the 3 allowed"
        )
