"""Deciding requests: approval under the rules, rejection, return, recall, escalation, and
no race past a limit."""

import contextlib
import threading
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.utils import timezone, translation

from fleksi.common.errors import Conflict, NotAllowed, ValidationFailed
from fleksi.notify.models import Notification
from fleksi.org.services import acting_assignment_create
from fleksi.schedule.models import ApprovalStep, RequestDay
from fleksi.schedule.services import (
    PlanItemIn,
    request_approve,
    request_recall,
    request_reject,
    request_return,
    request_submit,
    steps_escalate_overdue,
)

pytestmark = pytest.mark.django_db


def submit(world, who, days, **kw):
    return request_submit(
        actor=world.user(who),
        employee=world.people[who],
        days=days,
        plan=[PlanItemIn("Kajian kebijakan", Decimal(2), "naskah", max(days))],
        **kw,
    )


def step_of(request):
    return ApprovalStep.objects.get(request=request, status="pending")


def test_the_head_approves_and_the_employee_is_told(wfa):
    tue = wfa.monday + timedelta(days=1)
    request = submit(wfa, "staff_b1", [tue])
    assert request_approve(actor=wfa.user("head_b"), step=step_of(request)) == [tue]
    request.refresh_from_db()
    assert request.status == "approved"
    day = request.days.get()
    assert (day.status, day.decided_by_id) == ("approved", wfa.user("head_b").pk)
    # The test village has no connectivity survey: allowed, with that warning.
    assert day.trace["approval"]["verdict"] == "allowed_with_warnings"
    warnings = [r["code"] for r in day.trace["approval"]["rules"] if r["outcome"] == "warn"]
    assert warnings == ["location_connectivity.unknown"]
    kinds = set(Notification.objects.values_list("recipient__username", "kind"))
    assert (wfa.people["head_b"].nip, "request.submitted") in kinds
    assert (wfa.people["staff_b1"].nip, "request.approved") in kinds


def test_only_the_approver_decides_and_never_for_themself(wfa):
    tue = wfa.monday + timedelta(days=1)
    request = submit(wfa, "staff_b1", [tue])
    for who in ("staff_b1", "staff_b2", "head_a", "bkpsdm"):
        with pytest.raises(NotAllowed):
            request_approve(actor=wfa.user(who), step=step_of(request))


def test_a_head_of_a_perangkat_daerah_is_approved_by_the_sekda(wfa):
    from fleksi.testkit.mapping import approve_mapping

    approve_mapping(wfa, "head_b", (100,), suitable={0})
    request = submit(wfa, "head_b", [wfa.monday + timedelta(days=1)])
    step = step_of(request)
    assert (step.approver_id, step.via_unit_id) == (wfa.people["sekda"].pk, wfa.units["setda"].pk)


def test_an_acting_official_approves_while_in_office(wfa):
    today = timezone.localdate()
    request = submit(wfa, "staff_b1", [wfa.monday + timedelta(days=1)])
    acting_assignment_create(
        actor=None,
        unit=wfa.units["b"],
        employee=wfa.people["staff_b2"],
        kind="plh",
        start_date=today,
        end_date=today + timedelta(days=30),
    )
    assert request_approve(actor=wfa.user("staff_b2"), step=step_of(request))


def test_approval_rechecks_the_quota(wfa):
    """Bappeda has 3 people and a 50 % share: one may be off-site on a day."""
    tue = wfa.monday + timedelta(days=1)
    first = submit(wfa, "staff_b1", [tue])
    second = submit(wfa, "staff_b2", [tue])  # waiting requests compete
    request_approve(actor=wfa.user("head_b"), step=step_of(first))
    with pytest.raises(Conflict) as exc, translation.override("en"):
        request_approve(actor=wfa.user("head_b"), step=step_of(second))
    assert exc.value.code == "rules_refuse"
    reasons = exc.value.params["refusals"][0]["reasons"]
    assert any("only 1 people may be off-site" in r for r in reasons)
    assert second.days.get().status == "pending"  # nothing half-written


def test_reject_and_return_need_a_comment(wfa):
    tue, wed = wfa.monday + timedelta(days=1), wfa.monday + timedelta(days=2)
    request = submit(wfa, "staff_b1", [tue, wed])
    with pytest.raises(ValidationFailed):
        request_reject(actor=wfa.user("head_b"), step=step_of(request), comment=" ")
    request_reject(actor=wfa.user("head_b"), step=step_of(request), comment="Rapat", days=[tue])
    request_approve(actor=wfa.user("head_b"), step=step_of(request))
    request.refresh_from_db()
    assert request.status == "partly"
    other = submit(wfa, "staff_b2", [wfa.monday + timedelta(days=3)])
    request_return(actor=wfa.user("head_b"), step=step_of(other), comment="Tambah target")
    other.refresh_from_db()
    assert (other.status, other.days.get().status) == ("returned", "returned")


def test_recall_calls_approved_days_back(wfa):
    tue = wfa.monday + timedelta(days=1)
    request = submit(wfa, "staff_b1", [tue])
    request_approve(actor=wfa.user("head_b"), step=step_of(request))
    with pytest.raises(ValidationFailed):
        request_recall(actor=wfa.user("head_b"), request=request, days=[tue], reason="")
    assert (
        request_recall(
            actor=wfa.user("head_b"), request=request, days=[tue], reason="Dua petugas sakit"
        )
        == 1
    )
    day = request.days.get()
    assert (day.status, day.note) == ("recalled", "Dua petugas sakit")
    assert Notification.objects.filter(
        kind="request.recalled", recipient=wfa.user("staff_b1")
    ).exists()


def test_an_overdue_request_escalates_one_level(wfa):
    tue = wfa.monday + timedelta(days=1)
    request = submit(wfa, "staff_b1", [tue])
    ApprovalStep.objects.filter(request=request).update(due_at=timezone.now() - timedelta(hours=1))
    assert steps_escalate_overdue() == 1
    steps = list(request.steps.order_by("level").values_list("status", "approver_id", "level"))
    assert steps == [
        ("escalated", wfa.people["head_b"].pk, 1),
        ("pending", wfa.people["sekda"].pk, 2),
    ]
    assert steps_escalate_overdue() == 0  # the new step has its own deadline
    assert request_approve(actor=wfa.user("sekda"), step=step_of(request)) == [tue]


@pytest.mark.django_db(transaction=True)
def test_parallel_approvals_cannot_both_take_the_last_place(wfa, monkeypatch):
    """Two approvals for the last place off-site on the same day, really concurrent on
    PostgreSQL. To make the race certain, each approval waits after its rule check until
    the other has checked too (up to 2 s): without the unit-day lock both would pass the
    check and both be written. With it, the second waits for the first to commit, then sees
    the place taken. Exactly one succeeds."""
    from fleksi.schedule.services import decisions

    tue = wfa.monday + timedelta(days=1)
    steps = [step_of(submit(wfa, who, [tue])) for who in ("staff_b1", "staff_b2")]
    head = wfa.user("head_b")
    checked = threading.Barrier(2)
    real_check = decisions.check_days

    def slow_check(**kwargs):
        result = real_check(**kwargs)
        # The other approval may be waiting for our lock: then the barrier breaks.
        with contextlib.suppress(threading.BrokenBarrierError):
            checked.wait(timeout=2)
        return result

    monkeypatch.setattr(decisions, "check_days", slow_check)
    outcomes: list[str] = []

    def approve(step):
        try:
            request_approve(actor=head, step=step)
            outcomes.append("approved")
        except Conflict as exc:
            outcomes.append(exc.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=approve, args=(s,)) for s in steps]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(outcomes) == ["approved", "rules_refuse"]
    assert RequestDay.objects.filter(day=tue, status="approved").count() == 1


def test_the_periodic_command_escalates(wfa, capsys):
    from django.core.management import call_command

    request = submit(wfa, "staff_b1", [wfa.monday + timedelta(days=1)])
    ApprovalStep.objects.filter(request=request).update(due_at=timezone.now() - timedelta(days=1))
    call_command("run_periodic", "--job", "schedule.escalate")
    assert "schedule.escalate: 1" in capsys.readouterr().out
    assert request.steps.filter(status="pending").get().approver_id == wfa.people["sekda"].pk
