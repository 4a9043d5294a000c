"""Health endpoints for a load balancer, an orchestrator or a monitoring probe.

- ``/health/live``: the process answers (no database, no I/O): restart it when this fails.
- ``/health/ready``: it can serve — the database answers, every migration is applied, and the
  task queue is reachable (with its depth and the age of its oldest waiting task, as
  information). 503 with the failed check's name when not; take it out of rotation. With a
  read replica configured, its lag (information only: a silent replica sends the marked
  views back to the primary, it does not make the instance unready).

Neither needs a session nor reveals anything about people; both are cheap enough to be
polled every few seconds (the migration check is remembered once it has passed).
"""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from fleksi.common.replica import replica_status

_migrated = False


def _database() -> dict[str, Any]:
    started = time.perf_counter()
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"ok": True, "ms": round((time.perf_counter() - started) * 1000, 1)}


def _migrations() -> dict[str, Any]:
    global _migrated
    if not _migrated:
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if pending:
            return {"ok": False, "pending": len(pending)}
        _migrated = True
    return {"ok": True}


def _tasks() -> dict[str, Any]:
    backend = str(settings.TASKS["default"]["BACKEND"])
    if backend.endswith("distributed.CeleryBackend"):
        from fleksi.common.distributed import queue_status

        return queue_status()  # the broker answers; its queue's depth and consumers
    if not backend.endswith("DatabaseBackend"):
        return {"ok": True, "backend": backend.rsplit(".", 1)[-1]}
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.ready()
    oldest = waiting.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    return {
        "ok": True,
        "backend": "database",
        "waiting": waiting.count(),
        "oldest_waiting_s": (
            round((timezone.now() - oldest).total_seconds()) if oldest is not None else 0
        ),
    }


@never_cache
@require_GET
def live(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def ready(request: HttpRequest) -> JsonResponse:
    checks: dict[str, dict[str, Any]] = {}
    for name, check in (
        ("database", _database),
        ("migrations", _migrations),
        ("tasks", _tasks),
        ("replica", replica_status),
    ):
        try:
            checks[name] = check()
        except Exception as exc:  # any failure of a dependency means "not ready"
            checks[name] = {"ok": False, "error": type(exc).__name__}
        if not checks[name]["ok"]:
            break
    ok = all(c["ok"] for c in checks.values())
    return JsonResponse(
        {"status": "ok" if ok else "unavailable", "checks": checks}, status=200 if ok else 503
    )
