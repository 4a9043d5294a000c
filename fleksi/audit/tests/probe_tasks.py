"""A background task for the worker tests (test_distributed_tasks.py): its one effect is an
audit entry, so running it twice to effect would show as two entries in its stream."""

from __future__ import annotations

import os
import time
from pathlib import Path

from django.tasks import task

from fleksi.audit.models import AuditEntry
from fleksi.audit.services import Change, audit_record_many


@task()
def probe(stream: str, marker: str, pause_s: float = 0, fail_first: int = 0) -> int:
    """Note the attempt (one line with the worker's pid in ``marker``), pause on the first
    attempt (long enough to be killed), fail the first ``fail_first`` attempts, then append
    one entry to ``stream``. Returns the entries of the stream."""
    path = Path(marker)
    attempts = len(path.read_text().splitlines()) if path.exists() else 0
    with path.open("a") as f:
        f.write(f"{os.getpid()} {time.monotonic():.3f}\n")
    if attempts == 0 and pause_s:
        time.sleep(pause_s)
    if attempts < fail_first:
        raise RuntimeError(f"probe fails on attempt {attempts + 1}")
    audit_record_many(
        actor=None,
        stream=stream,
        changes=[Change(action="test.probe", object_type="probe", object_id=str(attempts + 1))],
    )
    return AuditEntry.objects.filter(stream=stream).count()
