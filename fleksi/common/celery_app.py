"""The Celery application of the distributed task backend (fleksi/common/distributed.py).

Workers: ``celery -A fleksi.common.celery_app worker -Q $CELERY_QUEUE``; the scheduler:
``manage.py run_scheduler`` (beat, one at a time). Configured from Django's settings
(``CELERY_BROKER_URL``, ``CELERY_QUEUE``, ``TASKS_MAX_ATTEMPTS``, ``PERIODIC_EVERY_S``).
"""

from __future__ import annotations

import os
from typing import Any

import django
from celery import Celery, Task
from django.conf import settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from fleksi.common import distributed  # noqa: E402
from fleksi.common.periodic import jobs  # noqa: E402

app = Celery("fleksi")
app.conf.update(
    broker_url=settings.CELERY_BROKER_URL,
    broker_connection_retry_on_startup=True,
    task_default_queue=settings.CELERY_QUEUE,
    task_serializer="json",
    accept_content=["json"],
    result_backend=None,
    task_ignore_result=True,
    # At least once: acknowledge after the task, give the message back when the worker is
    # lost mid-task, and take one message at a time (a killed worker holds no others).
    task_acks_late=True,
    task_reject_on_worker_lost=True,
    worker_prefetch_multiplier=1,
    worker_hijack_root_logger=False,
    worker_send_task_events=False,
    timezone=settings.TIME_ZONE,
    beat_schedule_filename=str(settings.BASE_DIR / "var" / "celerybeat-schedule"),
    beat_schedule={
        f"periodic:{job.name}": {
            "task": distributed.RUN_PERIODIC,
            "schedule": float(settings.PERIODIC_EVERY_S),
            "args": [job.name],
        }
        for job in jobs()
    },
)

_RETRY: dict[str, Any] = {
    "bind": True,
    "autoretry_for": (Exception,),
    "retry_backoff": True,
    "retry_backoff_max": settings.TASKS_RETRY_BACKOFF_MAX_S,
    "retry_jitter": True,
    "max_retries": max(settings.TASKS_MAX_ATTEMPTS - 1, 0),
}


@app.task(name=distributed.RUN_TASK, **_RETRY)
def run_task(
    self: Task, result_id: str, module_path: str, args: list[Any], kwargs: dict[str, Any]
) -> Any:
    return distributed.run_task(result_id, module_path, args, kwargs)


@app.task(name=distributed.RUN_PERIODIC, **_RETRY)
def run_periodic(self: Task, name: str) -> Any:
    return distributed.run_periodic(name)
