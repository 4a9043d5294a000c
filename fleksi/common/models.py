"""The ledger of background work run on a distributed task backend (docs/operations.md).

One row per idempotency key — a queued task's id, or a periodic job's time slot. A worker
runs the work only while holding the key's lock and only if the key is not ``done``, so a
message delivered twice (a worker killed mid-task, a broker's redelivery, two schedulers)
is done once."""

from __future__ import annotations

from django.db import models


class TaskRun(models.Model):
    class Status(models.TextChoices):
        RUNNING = "running"
        DONE = "done"
        FAILED = "failed"

    key = models.CharField(max_length=200, unique=True)
    task = models.CharField(max_length=200)
    status = models.CharField(max_length=10, choices=Status.choices)
    attempts = models.PositiveIntegerField(default=0)
    worker = models.CharField(max_length=200, blank=True)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["status", "-started_at"], name="common_taskrun_status_idx")]

    def __str__(self) -> str:
        return f"{self.key} ({self.status})"
