"""Tasks whose worker died are put back in the queue, then given up after their attempts."""

from datetime import UTC, datetime, timedelta

import pytest
from django_tasks_db.models import DBTaskResult

from fleksi.common.periodic import jobs
from fleksi.common.taskqueue import tasks_reclaim_stale

pytestmark = pytest.mark.django_db

NOW = datetime(2027, 3, 1, 1, 0, tzinfo=UTC)


def task(*, started_minutes_ago: int, attempts: int, status: str = "RUNNING") -> DBTaskResult:
    return DBTaskResult.objects.create(
        status=status,
        started_at=NOW - timedelta(minutes=started_minutes_ago),
        args_kwargs={"args": [1], "kwargs": {}},
        task_path="fleksi.insights.services.reports.report_generate",
        backend_name="default",
        run_after=NOW - timedelta(hours=2),
        worker_ids=[f"worker-{i}" for i in range(attempts)],
        exception_class_path="",
        traceback="",
    )


def test_a_task_left_running_goes_back_in_the_queue_after_a_back_off(settings):
    settings.TASKS_STALE_AFTER_S = 1800
    stale = task(started_minutes_ago=45, attempts=2)
    fresh = task(started_minutes_ago=5, attempts=1)
    done = task(started_minutes_ago=90, attempts=1, status="SUCCESSFUL")
    assert tasks_reclaim_stale(now=NOW) == 1
    stale.refresh_from_db()
    assert stale.status == "READY"
    assert stale.run_after == NOW + timedelta(minutes=2)  # doubled at the second attempt
    fresh.refresh_from_db()
    done.refresh_from_db()
    assert (fresh.status, done.status) == ("RUNNING", "SUCCESSFUL")


def test_a_task_is_given_up_after_its_last_attempt(settings):
    settings.TASKS_MAX_ATTEMPTS = 3
    tried = task(started_minutes_ago=120, attempts=3)
    assert tasks_reclaim_stale(now=NOW) == 1
    tried.refresh_from_db()
    assert tried.status == "FAILED"
    assert tried.finished_at == NOW
    assert tried.exception_class_path.endswith("TaskAbandoned")
    assert "3 attempts" in tried.traceback


def test_running_it_again_changes_nothing_more():
    task(started_minutes_ago=45, attempts=1)
    assert tasks_reclaim_stale(now=NOW) == 1
    assert tasks_reclaim_stale(now=NOW) == 0


def test_it_is_a_periodic_job():
    assert "tasks.reclaim_stale" in {job.name for job in jobs()}
