"""Removing old notifications that have been read."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from fleksi.audit.services import Change, audit_record
from fleksi.notify.models import EmailStatus, Notification

BATCH_SIZE = 5000


def notifications_prune(*, days: int, actor: object = None) -> int:
    """Delete notifications read and created more than ``days`` days ago, in batches (a
    short lock each), except those whose e-mail is still pending. Returns how many."""
    if days < 1:
        raise ValueError("days must be 1 or more")
    cutoff = timezone.now() - timedelta(days=days)
    old = Notification.objects.filter(read_at__isnull=False, created_at__lt=cutoff).exclude(
        email_status=EmailStatus.PENDING
    )
    deleted = 0
    while True:
        with transaction.atomic():
            ids = list(old.values_list("pk", flat=True)[:BATCH_SIZE])
            if not ids:
                break
            deleted += Notification.objects.filter(pk__in=ids).delete()[0]
    if deleted:
        audit_record(
            actor=actor,
            change=Change(
                action="notify.prune",
                object_type="notify.notification",
                after={"deleted": deleted, "days": days, "before": cutoff},
            ),
        )
    return deleted
