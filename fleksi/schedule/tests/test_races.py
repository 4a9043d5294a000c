"""Decisions that meet at the same instant: one lock order for every path (no deadlock
between an approval and a cancellation), and the weekly maximum held under concurrent
submissions and approvals. Really concurrent on PostgreSQL; on SQLite writers queue."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from functools import partial
from zoneinfo import ZoneInfo

import pytest

from fleksi.policy.models import PolicyVersion
from fleksi.schedule.models import ApprovalStep, RequestDay, WfaRequest
from fleksi.schedule.services import request_approve, request_cancel
from fleksi.schedule.tests.test_decisions import step_of, submit
from fleksi.testkit.races import at_once

# A Monday morning; the weeks used lie in January to March 2027.
MOMENT = datetime(2027, 1, 4, 8, 0, tzinfo=ZoneInfo("Asia/Makassar"))
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.time_machine(MOMENT)]


def test_approve_and_cancel_of_one_request_at_the_same_instant_never_deadlock(wfa):
    """The approver approves while the employee cancels: one of them wins, the other gets a
    clear answer; the days end cancelled or approved, never half of each, never an error."""
    head, staff = wfa.user("head_b"), wfa.user("staff_b1")
    ends: Counter[str] = Counter()
    for week in range(1, 8):  # (the week of 8 March 2027 holds Nyepi and cuti bersama)
        monday = wfa.monday + timedelta(weeks=week)
        request = submit(wfa, "staff_b1", [monday, monday + timedelta(days=1)])
        waiting = set(request.days.filter(status="pending").values_list("pk", flat=True))
        assert waiting
        step = step_of(request)
        outcomes = at_once(
            partial(request_approve, actor=head, step=step),
            partial(request_cancel, actor=staff, request=request),
        )
        approved, cancelled = outcomes
        assert cancelled == "ok", outcomes  # approved days that have not started can go too
        assert approved in {"ok", "step_decided", "no_pending_days"}, outcomes
        statuses = set(RequestDay.objects.filter(pk__in=waiting).values_list("status", flat=True))
        assert statuses == {"cancelled"}
        request.refresh_from_db()
        assert request.status == WfaRequest.Status.CANCELLED
        assert not ApprovalStep.objects.filter(request=request, status="pending").exists()
        ends[approved] += 1
    assert sum(ends.values()) == 7


def test_three_one_day_requests_sent_at_once_keep_the_weekly_maximum(wfa):
    """The weekly maximum is 2: three one-day requests for one week, sent at the same
    instant, leave exactly two waiting and the third refused by the weekly rule."""
    staff = "staff_b1"
    days = [wfa.monday + timedelta(days=i) for i in range(3)]
    outcomes = at_once(*(lambda d=d: submit(wfa, staff, [d]) for d in days))
    assert outcomes == ["ok"] * 3
    statuses = Counter(
        RequestDay.objects.filter(employee=wfa.people[staff]).values_list("status", flat=True)
    )
    assert statuses == {"pending": 2, "refused": 1}
    refused = RequestDay.objects.get(employee=wfa.people[staff], status="refused")
    assert "weekly_cap" in {r["rule"] for r in refused.trace["rules"] if r["outcome"] == "fail"}


def test_three_waiting_days_of_one_week_approved_at_once_keep_the_weekly_maximum(wfa):
    """Three days of one week wait (sent while the Perbup allowed three); the Perbup now
    allows two; the approver approves the three at the same instant: exactly two pass."""
    PolicyVersion.objects.filter(pk=wfa.policy.pk).update(
        params={**wfa.policy.params, "max_wfa_days_per_week": 3}
    )
    days = [wfa.monday + timedelta(days=i) for i in range(3)]
    steps = [step_of(submit(wfa, "staff_b1", [d])) for d in days]
    PolicyVersion.objects.filter(pk=wfa.policy.pk).update(
        params={**wfa.policy.params, "max_wfa_days_per_week": 2}
    )
    head = wfa.user("head_b")
    outcomes = at_once(*(lambda s=s: request_approve(actor=head, step=s) for s in steps))
    assert sorted(outcomes) == ["ok", "ok", "rules_refuse"]
    approved = RequestDay.objects.filter(employee=wfa.people["staff_b1"], status="approved")
    assert approved.count() == 2
