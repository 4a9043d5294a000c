"""Tasks left running by a worker that died (killed, out of memory, its machine restarted).

The database task backend marks a task RUNNING when a worker claims it and nothing ever
looks at it again: a task whose worker died stays RUNNING for ever and its work is never
done. ``tasks_reclaim_stale`` (a periodic job) puts a task running for longer than
``TASKS_STALE_AFTER_S`` back in the queue, after a back-off that doubles with each attempt,
until it has been tried ``TASKS_MAX_ATTEMPTS`` times; then it is marked failed with the
reason. Our tasks are written to be run again safely (a report claims its row; a refresh
replaces its month under a lock; an e-mail is sent once per notice).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

RUNNING, READY, FAILED = "RUNNING", "READY", "FAILED"
BACKOFF = timedelta(minutes=1)


class TaskAbandoned(Exception):
    """The class recorded on a task given up after its attempts (no worker finished it)."""


def stale_after() -> timedelta:
    return timedelta(seconds=int(getattr(settings, "TASKS_STALE_AFTER_S", 1800)))


def max_attempts() -> int:
    return int(getattr(settings, "TASKS_MAX_ATTEMPTS", 3))


def tasks_reclaim_stale(*, now: datetime | None = None) -> int:
    """Requeue (or, after the last attempt, fail) every task running for too long. Returns
    how many were handled. Safe to run twice at once: rows are taken with SKIP LOCKED."""
    now = now or timezone.now()
    handled = 0
    with transaction.atomic():
        stale = list(
            DBTaskResult.objects.select_for_update(skip_locked=True).filter(
                status=RUNNING, started_at__lt=now - stale_after()
            )
        )
        for task in stale:
            attempts = len(task.worker_ids or [])
            if attempts < max_attempts():
                task.status = READY
                task.run_after = now + BACKOFF * (2 ** max(attempts - 1, 0))
                task.save(update_fields=["status", "run_after"])
            else:
                task.status = FAILED
                task.finished_at = now
                task.exception_class_path = f"{__name__}.{TaskAbandoned.__qualname__}"
                task.traceback = (
                    f"No worker finished this task in {attempts} attempts "
                    f"(each given {int(stale_after().total_seconds())} s)."
                )
                task.save(
                    update_fields=["status", "finished_at", "exception_class_path", "traceback"]
                )
            handled += 1
    return handled
