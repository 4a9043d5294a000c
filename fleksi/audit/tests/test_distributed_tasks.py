"""The distributed task backend on the real broker (issue 19 §1; decision 0030): Celery on
RabbitMQ, two real worker processes, and the ledger of fleksi/common/distributed.py.

- a worker killed mid-task (SIGKILL): RabbitMQ gives the message to the other worker, which
  does the work — once (one audit entry);
- the same message delivered twice (a broker's redelivery, a publisher's retry), taken by both
  workers at once: one does the work, the other waits for it and does nothing;
- a task that fails is retried with back-off until it succeeds;
- two schedulers: one schedules, the other waits on standby and takes over when the first is
  killed; a periodic job sent twice in one time slot runs once.

PostgreSQL only (advisory locks). Skipped when RabbitMQ does not answer — except in CI, where
``.ci/run`` starts it and a missing broker is a failure."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from fleksi.audit.models import AuditEntry
from fleksi.audit.tests.probe_tasks import probe
from fleksi.common.distributed import SKIPPED, CeleryBackend, run_periodic
from fleksi.common.models import TaskRun


def _broker_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 5672), timeout=1):
            return True
    except OSError:
        return False


ON_POSTGRES = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
pytestmark = [
    pytest.mark.skipif(not ON_POSTGRES, reason="the distributed backend needs PostgreSQL"),
    pytest.mark.skipif(
        ON_POSTGRES and not os.environ.get("CI") and not _broker_answers(),
        reason="RabbitMQ does not answer on 127.0.0.1:5672 (rabbitmq-server -detached)",
    ),
    pytest.mark.django_db(transaction=True),
]


def _database_url() -> str:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def wait_for(check: Callable[[], object], timeout_s: float = 60, what: str = "") -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(f"not within {timeout_s} s: {what}")


@pytest.fixture
def queue(settings) -> Iterator[str]:
    """A queue of this test's own on the broker (deleted afterwards)."""
    name = f"fleksi-test-{uuid.uuid4().hex[:12]}"
    settings.CELERY_QUEUE = name
    yield name
    from fleksi.common.celery_app import app

    with app.connection_for_write() as conn:
        conn.default_channel.queue_delete(name)


@pytest.fixture
def spawn(queue, tmp_path) -> Iterator[Callable[..., subprocess.Popen[bytes]]]:
    """Start real processes (workers, schedulers) on the test database and the test queue;
    every one is killed at the end."""
    started: list[subprocess.Popen[bytes]] = []
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "DJANGO_SETTINGS_MODULE": "config.test_settings",
        "TASKS_BACKEND": "fleksi.common.distributed.CeleryBackend",
        "CELERY_QUEUE": queue,
    }

    def start(*command: str, name: str, **more_env: str) -> subprocess.Popen[bytes]:
        log = (tmp_path / f"{name}.log").open("wb")
        process = subprocess.Popen(
            list(command),
            cwd=settings.BASE_DIR,
            env={**env, **more_env},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def worker(spawn, name: str) -> subprocess.Popen[bytes]:
    return spawn(
        sys.executable, "-m", "celery", "-A", "fleksi.common.celery_app", "worker",
        "--pool=solo", "-Q", settings.CELERY_QUEUE, "-n", f"{name}@%h",
        "--without-gossip", "--without-mingle", "-l", "INFO",
        name=name,
    )  # fmt: skip


def lines(path: Path) -> list[str]:
    return path.read_text().splitlines() if path.exists() else []


def test_a_worker_killed_mid_task_the_other_does_it_once(spawn, tmp_path):
    marker = tmp_path / "probe.txt"
    first = worker(spawn, "w1")
    result = CeleryBackend("celery", {}).enqueue(probe, ["pd:killed", str(marker), 60], {})
    wait_for(lambda: lines(marker), what="the first worker starts the task")
    assert TaskRun.objects.get(key=f"task:{result.id}").status == "running"
    worker(spawn, "w2")
    os.killpg(first.pid, signal.SIGKILL)  # mid-task: the worker, not just the task
    first.wait()

    wait_for(
        lambda: TaskRun.objects.filter(key=f"task:{result.id}", status="done").exists(),
        what="the second worker finishes the task",
    )
    run = TaskRun.objects.get(key=f"task:{result.id}")
    assert run.attempts == 2
    assert AuditEntry.objects.filter(stream="pd:killed").count() == 1
    pids = [line.split()[0] for line in lines(marker)]
    assert len(pids) == 2
    assert pids[0] == str(first.pid)
    assert pids[1] != pids[0]


def test_one_message_delivered_twice_to_two_workers_is_done_once(spawn, tmp_path):
    from fleksi.common.celery_app import app

    marker = tmp_path / "probe.txt"
    worker(spawn, "w1")
    worker(spawn, "w2")
    result_id = str(uuid.uuid4())
    message = [result_id, probe.module_path, ["pd:twice", str(marker), 3], {}]
    for _ in range(2):  # the same message twice, as a redelivery would bring it
        app.send_task("fleksi.run_task", args=message, queue=settings.CELERY_QUEUE)
    wait_for(
        lambda: TaskRun.objects.filter(key=f"task:{result_id}", status="done").exists(),
        what="the task is done",
    )
    time.sleep(2)  # the second delivery has had its chance
    assert AuditEntry.objects.filter(stream="pd:twice").count() == 1
    assert len(lines(marker)) == 1  # the second delivery did not even start the work
    assert TaskRun.objects.get(key=f"task:{result_id}").attempts == 1


def test_a_failing_task_is_retried_with_back_off(spawn, tmp_path, settings):
    marker = tmp_path / "probe.txt"
    worker(spawn, "w1")
    result = CeleryBackend("celery", {}).enqueue(
        probe, ["pd:retried", str(marker)], {"fail_first": 2}
    )
    wait_for(
        lambda: TaskRun.objects.filter(key=f"task:{result.id}", status="done").exists(),
        what="the task succeeds on its third attempt",
    )
    assert TaskRun.objects.get(key=f"task:{result.id}").attempts == 3
    assert AuditEntry.objects.filter(stream="pd:retried").count() == 1
    assert len(lines(marker)) == 3


def test_two_schedulers_one_schedules_the_other_takes_over(spawn, tmp_path):
    command = [sys.executable, "manage.py", "run_scheduler", "--poll", "0.5"]
    first = spawn(*command, name="s1", PERIODIC_EVERY_S="3600")
    wait_for(lambda: b"scheduling" in (tmp_path / "s1.log").read_bytes(), what="s1 schedules")
    spawn(*command, name="s2", PERIODIC_EVERY_S="3600")
    wait_for(lambda: b"standby" in (tmp_path / "s2.log").read_bytes(), what="s2 waits")
    os.killpg(first.pid, signal.SIGKILL)
    wait_for(lambda: b"scheduling" in (tmp_path / "s2.log").read_bytes(), what="s2 takes over")


def test_a_periodic_job_sent_twice_in_one_slot_runs_once():
    assert run_periodic("tasks.reclaim_stale", slot=42) == 0
    assert run_periodic("tasks.reclaim_stale", slot=42) == SKIPPED
    assert run_periodic("tasks.reclaim_stale", slot=43) == 0
    assert TaskRun.objects.filter(key__startswith="periodic:tasks.reclaim_stale:").count() == 2
