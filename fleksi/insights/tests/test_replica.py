"""Reads on a real streaming replica (issue 19 §3; fleksi/common/replica.py).

Runs when ``DATABASE_REPLICA_URL`` names a PostgreSQL hot standby of ``DATABASE_URL``'s
server (``tools/pg-replica.sh start``; ``.ci/run`` does it); skipped otherwise. The test
database is created on the primary and reaches the replica by streaming, like everything.

To tell the two databases apart, replay on the replica is paused while a unit is renamed on
the primary: the dashboard of the Sekda, who did nothing, still shows the old name (it read
the replica); once the Sekda has acted (a POST), it shows the new name (read-your-own-writes:
the primary); when replay resumes, the replica catches up.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.db import connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fleksi.common.domain.months import previous_month
from fleksi.common.replica import PIN_COOKIE, REPLICA, replica_status
from fleksi.insights.services.refresh import stats_refresh
from fleksi.org.models import Unit

pytestmark = [
    pytest.mark.skipif(
        REPLICA not in settings.DATABASES,
        reason="no read replica configured (DATABASE_REPLICA_URL; tools/pg-replica.sh start)",
    ),
    pytest.mark.django_db(transaction=True, databases=["default", REPLICA]),
]

MOMENT = datetime(2026, 4, 21, 9, 0, tzinfo=ZoneInfo("Asia/Makassar"))  # a Tuesday morning


def _scalar(alias: str, sql: str) -> Any:
    with connections[alias].cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchone()[0]


def caught_up(timeout_s: float = 20) -> None:
    """Wait until the replica has replayed everything the primary has written so far."""
    target = _scalar("default", "SELECT pg_current_wal_lsn()::text")
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        with connections[REPLICA].cursor() as cursor:
            cursor.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [target])
            if cursor.fetchone()[0]:
                return
        time.sleep(0.05)
    raise AssertionError(f"the replica did not reach {target} in {timeout_s} s")


@pytest.fixture
def replay() -> Iterator[Callable[[], None]]:
    """Pause the replica's replay when the test says; it always resumes afterwards."""

    def pause() -> None:
        _scalar(REPLICA, "SELECT pg_wal_replay_pause()::text")

    try:
        yield pause
    finally:
        _scalar(REPLICA, "SELECT pg_wal_replay_resume()::text")


@pytest.fixture
def evaluated(world, settings):
    settings.FLEKSI_MFA_REQUIRED_ROLES = frozenset()
    with time_machine.travel(MOMENT, tick=False):
        today = MOMENT.date()
        stats_refresh(months=[previous_month(today), today], today=today)
        yield world


def test_the_replica_is_a_streaming_standby_of_the_primary():
    assert _scalar(REPLICA, "SELECT pg_is_in_recovery()") is True
    assert _scalar("default", "SELECT pg_is_in_recovery()") is False
    names = {connections[alias].settings_dict["NAME"] for alias in ("default", REPLICA)}
    assert len(names) == 1  # the test database, created on the primary, streamed
    status = replica_status()
    assert status["answers"] is True
    assert status["standby"] is True


def test_dashboard_reads_the_replica_and_who_just_acted_reads_the_primary(
    client, evaluated, replay
):
    world = evaluated
    unit = Unit.objects.get(pk=world.units["a"].pk)
    old_name = unit.name
    client.force_login(world.users["sekda"])
    caught_up()

    replay()  # pause
    Unit.objects.filter(pk=unit.pk).update(name="Dinas Uji Replika")

    # The Sekda did nothing since: the dashboard is read from the (paused) replica.
    with CaptureQueriesContext(connections[REPLICA]) as on_replica:
        page = client.get(reverse("insights:index"))
    assert page.status_code == 200
    html = page.content.decode()
    assert old_name in html
    assert "Dinas Uji Replika" not in html
    assert len(on_replica.captured_queries) > 0
    assert PIN_COOKIE not in client.cookies

    # The Sekda acts (switches the language: a POST that writes the account): pinned to
    # the primary, the same dashboard shows what the primary holds, and nothing is read
    # from the replica.
    acted = client.post(reverse("accounts:language"), {"language": "id", "next": "/"})
    assert acted.status_code == 302
    assert client.cookies[PIN_COOKIE]["max-age"] == settings.REPLICA_PIN_SECONDS
    with CaptureQueriesContext(connections[REPLICA]) as on_replica:
        page = client.get(reverse("insights:index"))
    assert "Dinas Uji Replika" in page.content.decode()
    assert on_replica.captured_queries == []


def test_pages_not_marked_read_the_primary(client, evaluated):
    client.force_login(evaluated.users["sekda"])
    with CaptureQueriesContext(connections[REPLICA]) as on_replica:
        assert client.get(reverse("home:index")).status_code == 200
    assert on_replica.captured_queries == []


def test_the_replica_catches_up_once_replay_resumes(client, evaluated):
    unit = evaluated.units["a"]
    Unit.objects.filter(pk=unit.pk).update(name="Dinas Sesudah Replay")
    caught_up()
    client.force_login(evaluated.users["sekda"])
    with CaptureQueriesContext(connections[REPLICA]) as on_replica:
        page = client.get(reverse("insights:index"))
    assert "Dinas Sesudah Replay" in page.content.decode()
    assert len(on_replica.captured_queries) > 0
