"""Positions are removed after the policy's retention period; the decision stays."""

import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone

from fleksi.common.periodic import jobs
from fleksi.presence.models import Checkin
from fleksi.presence.services import CheckinIn, checkin_record, positions_remove_expired
from fleksi.presence.tests.conftest import DISDUKCAPIL

# A Monday morning in WITA: the check-in 91 days before is on a Monday at 07:15 too.
MOMENT = datetime(2026, 12, 7, 7, 15, tzinfo=ZoneInfo("Asia/Makassar"))
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(MOMENT, tick=False)]


def checkin_at(w, when, slot=1):
    data = CheckinIn(
        uuid.uuid4(),
        slot,
        "onsite",
        device_time=when,
        sent_at=when,
        latitude=DISDUKCAPIL[0],
        longitude=DISDUKCAPIL[1],
        accuracy_m=15.0,
    )
    return checkin_record(employee=w.people["staff_a1"], data=data, received_at=when).checkin


def test_positions_past_the_retention_period_are_removed(presence):
    now = timezone.now()
    old = checkin_at(presence, now - timedelta(days=91))  # retention: 90 days by default
    edge = checkin_at(presence, now - timedelta(days=89), slot=2)
    trace_before = Checkin.objects.get(pk=old.pk).trace
    assert positions_remove_expired(now=now) == 1
    old.refresh_from_db()
    edge.refresh_from_db()
    assert (old.latitude, old.longitude, old.accuracy_m) == (None, None, None)
    assert old.position_removed_at == now
    assert old.trace == trace_before  # the decision stays
    # (no policy was in force 91 days ago in this world: the check-in was flagged for it)
    assert (old.outcome, old.flags) == ("warn", ["policy_in_force"])
    assert edge.latitude == DISDUKCAPIL[0]
    assert positions_remove_expired(now=now) == 0  # idempotent


def test_the_job_is_registered_and_runs(presence):
    assert "presence.retention" in [j.name for j in jobs()]
    checkin_at(presence, timezone.now() - timedelta(days=120))
    call_command("run_periodic", job=["presence.retention"])
    assert Checkin.objects.get().latitude is None
