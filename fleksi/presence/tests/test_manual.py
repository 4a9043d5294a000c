"""The manual fallback: the employee asks, only the direct supervisor decides."""

from datetime import time, timedelta

import pytest
from django.utils import timezone

from fleksi.audit.models import AuditEntry
from fleksi.common.errors import Conflict, NotAllowed, ValidationFailed
from fleksi.presence.models import Checkin
from fleksi.presence.services import manual_request_create, manual_request_decide

pytestmark = pytest.mark.django_db


def ask(w, who="staff_a1", **kw):
    args = {
        "day": timezone.localdate() - timedelta(days=1),
        "slot": 1,
        "mode": "onsite",
        "at": time(7, 45),
        "reason": "Baterai HP habis",
    }
    return manual_request_create(actor=w.user(who), employee=w.people[who], **{**args, **kw})


def test_approval_writes_a_manual_check_in_with_the_time_rules(presence):
    req = ask(presence)
    decided = manual_request_decide(actor=presence.user("head_seksi"), request=req, approve=True)
    c = Checkin.objects.get()
    assert decided.status == "approved"
    assert decided.checkin_id == c.pk
    assert (c.source, c.manual, c.counted, c.latitude) == ("manual", True, True, None)
    assert c.day == req.day
    assert timezone.localtime(c.checked_at).time() == time(7, 45)
    day_hours = [e for e in c.trace if e["rule"] == "late_arrival"]
    if day_hours:  # yesterday was a working day: 15 minutes late
        assert c.late_minutes == 15
    assert AuditEntry.objects.filter(action="presence.manual.approve").count() == 1
    assert AuditEntry.objects.filter(action="presence.manual.create").count() == 1


def test_rejection_writes_nothing(presence):
    req = ask(presence)
    manual_request_decide(
        actor=presence.user("head_seksi"), request=req, approve=False, note="Tidak jelas"
    )
    req.refresh_from_db()
    assert (req.status, req.decision_note, req.checkin_id) == ("rejected", "Tidak jelas", None)
    assert not Checkin.objects.exists()


@pytest.mark.parametrize("who", ["head_a", "head_bidang", "staff_a1", "bkpsdm"])
def test_only_the_direct_supervisor_decides(presence, who):
    req = ask(presence)
    with pytest.raises(NotAllowed):
        manual_request_decide(actor=presence.user(who), request=req, approve=True)
    assert not Checkin.objects.exists()


def test_a_decided_request_is_not_decided_again(presence):
    req = ask(presence)
    manual_request_decide(actor=presence.user("head_seksi"), request=req, approve=True)
    with pytest.raises(Conflict):
        manual_request_decide(actor=presence.user("head_seksi"), request=req, approve=False)
    assert Checkin.objects.count() == 1


def test_requests_are_checked(presence):
    with pytest.raises(ValidationFailed):
        ask(presence, day=timezone.localdate() + timedelta(days=1))
    with pytest.raises(ValidationFailed):
        ask(presence, slot=3)  # two check-ins a day
    with pytest.raises(ValidationFailed):
        ask(presence, reason="  ")
    with pytest.raises(Conflict):
        ask(presence, who="sekda")  # nobody above the Sekda
    with pytest.raises(NotAllowed):
        manual_request_create(
            actor=presence.user("staff_a2"),
            employee=presence.people["staff_a1"],
            day=timezone.localdate(),
            slot=1,
            mode="onsite",
            at=time(7, 0),
            reason="x",
        )
    ask(presence)
    with pytest.raises(Conflict):
        ask(presence)  # one waiting request per slot


def test_a_slot_already_checked_in_cannot_be_asked_for(presence):
    req = ask(presence)
    manual_request_decide(actor=presence.user("head_seksi"), request=req, approve=True)
    with pytest.raises(Conflict):
        ask(presence)


def test_the_supervisor_confirms_a_check_in_the_policy_did_not_count(presence):
    yesterday = timezone.localdate() - timedelta(days=1)
    blocked = Checkin.objects.create(
        employee=presence.people["staff_a1"],
        day=yesterday,
        slot=1,
        kind="in",
        mode="onsite",
        checked_at=timezone.now() - timedelta(days=1),
        server_received_at=timezone.now() - timedelta(days=1),
        idempotency_key="6f1c3f1e-6a53-4c56-9a3e-1d7e0c1f2a11",
        outcome="fail",
        flags=["clock_skew"],
        flagged=True,
        counted=False,
        source="online",
    )
    req = ask(presence, day=yesterday)
    manual_request_decide(actor=presence.user("head_seksi"), request=req, approve=True)
    blocked.refresh_from_db()
    assert (blocked.counted, blocked.manual, blocked.source) == (True, True, "manual")
    assert Checkin.objects.count() == 1
