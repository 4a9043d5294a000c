"""Background work on a real broker: Celery on RabbitMQ (decision 0030; docs/operations.md).

Chosen with ``TASKS_BACKEND=fleksi.common.distributed.CeleryBackend``; the database backend
stays the default. The application keeps writing Django tasks (``@task`` … ``.enqueue()``);
this backend hands each to Celery as one message naming the task, its arguments and its
result id. Workers: ``celery -A fleksi.common.celery_app worker``; the scheduler:
``manage.py run_scheduler`` (Celery beat under a lock).

Guarantees, each from the engine where it has one:

- **at least once**: messages are acknowledged after the task (``acks_late``), and a worker
  lost mid-task gives its message back (``reject_on_worker_lost``; RabbitMQ redelivers the
  unacknowledged message of a closed connection at once);
- **retries with back-off**: a task that raises is retried by Celery after 1, 2, 4 … s
  (jittered, at most ``TASKS_RETRY_BACKOFF_MAX_S``), ``TASKS_MAX_ATTEMPTS`` tries in all;
- **once to effect**: :func:`run_once` runs the work only while holding a PostgreSQL advisory
  lock on its idempotency key and only if the ledger (:class:`~fleksi.common.models.TaskRun`)
  does not have the key done: a second delivery waits for the first and then does nothing; a
  run whose worker died left the key not done, so the redelivery does the work. The work
  itself commits as it goes (progress stays visible), so each task must also be safe to run
  again after a crash halfway — ours claim their row by status first.
"""

from __future__ import annotations

import logging
import os
import socket
import time
import uuid
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.tasks import Task, TaskResult, TaskResultStatus
from django.tasks.backends.base import BaseTaskBackend
from django.utils import timezone
from django.utils.module_loading import import_string

from fleksi.common.locks import _key
from fleksi.common.models import TaskRun

log = logging.getLogger(__name__)
SKIPPED = "skipped: done before"
RUN_TASK = "fleksi.run_task"
RUN_PERIODIC = "fleksi.periodic"


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def run_once(key: str, label: str, work: Callable[[], Any]) -> Any:
    """Do ``work`` once for ``key`` across all workers (see the module documentation).
    Returns its value, or :data:`SKIPPED` when the key was already done."""
    if connections[DEFAULT_DB_ALIAS].vendor != "postgresql":
        raise RuntimeError("the distributed task backend needs PostgreSQL")
    # A connection of its own: its session holds the lock while the work commits on the
    # usual one; if this process dies, PostgreSQL ends the session and frees the lock.
    holder = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        with holder.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [_key(f"task:{key}")])
        run = TaskRun.objects.filter(key=key).first()
        if run is not None and run.status == TaskRun.Status.DONE:
            log.info("task %s (%s) was done before by %s; skipped", key, label, run.worker)
            return SKIPPED
        now = timezone.now()
        if run is None:
            run = TaskRun.objects.create(
                key=key,
                task=label,
                status=TaskRun.Status.RUNNING,
                attempts=1,
                worker=worker_name(),
                started_at=now,
            )
        else:
            run.status, run.worker, run.started_at = TaskRun.Status.RUNNING, worker_name(), now
            run.attempts += 1
            run.save(update_fields=["status", "worker", "started_at", "attempts"])
        try:
            value = work()
        except Exception as exc:
            TaskRun.objects.filter(pk=run.pk).update(
                status=TaskRun.Status.FAILED,
                finished_at=timezone.now(),
                error=f"{type(exc).__name__}: {exc}"[:2000],
            )
            raise
        TaskRun.objects.filter(pk=run.pk).update(
            status=TaskRun.Status.DONE, finished_at=timezone.now(), error=""
        )
        return value
    finally:
        holder.close()


def run_task(result_id: str, module_path: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
    """What a worker does with one message of :class:`CeleryBackend`."""
    task = import_string(module_path)
    if not isinstance(task, Task):
        raise TypeError(f"{module_path} is not a task")
    if task.takes_context:
        raise TypeError("tasks taking a context are not supported on Celery")
    return run_once(f"task:{result_id}", module_path, lambda: task.call(*args, **kwargs))


def periodic_slot(now: float | None = None) -> int:
    """The time slot a periodic run belongs to (one per ``PERIODIC_EVERY_S``)."""
    every = int(getattr(settings, "PERIODIC_EVERY_S", 900))
    return int((time.time() if now is None else now) // every)


def run_periodic(name: str, slot: int | None = None) -> Any:
    """Run the periodic job ``name`` once for this time slot, whoever sends it."""
    from fleksi.common.periodic import jobs

    job = {j.name: j for j in jobs()}[name]
    slot = periodic_slot() if slot is None else slot
    return run_once(f"periodic:{name}:{slot}", name, job.run)


class CeleryBackend(BaseTaskBackend):
    """Django's tasks framework on Celery (RabbitMQ). Results are not kept by the backend:
    our tasks record their outcome on their own rows (report, roster, notification)."""

    supports_defer = True
    supports_async_task = False
    supports_get_result = False
    supports_priority = False

    def enqueue(
        self, task: Task, args: tuple[Any, ...] | list[Any], kwargs: dict[str, Any]
    ) -> TaskResult:
        from fleksi.common.celery_app import app

        self.validate_task(task)
        result_id = str(uuid.uuid4())
        app.send_task(
            RUN_TASK,
            args=[result_id, task.module_path, list(args), dict(kwargs)],
            eta=task.run_after,
            queue=settings.CELERY_QUEUE,
            task_id=result_id,
        )
        return TaskResult(
            task=task,
            id=result_id,
            status=TaskResultStatus.READY,
            enqueued_at=timezone.now(),
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=list(args),
            kwargs=dict(kwargs),
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )


def queue_status() -> dict[str, Any]:
    """The broker's queue: how many messages wait and how many workers consume (for
    /health/ready and the metrics). Raises when the broker does not answer."""
    from amqp.exceptions import NotFound

    from fleksi.common.celery_app import app

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
        try:
            declared = conn.default_channel.queue_declare(queue=settings.CELERY_QUEUE, passive=True)
        except NotFound:  # no worker has declared it yet: nothing waits
            return {"ok": True, "backend": "celery", "waiting": 0, "workers": 0}
    return {
        "ok": True,
        "backend": "celery",
        "waiting": int(declared.message_count),
        "workers": int(declared.consumer_count),
    }
