"""Removing old notifications that have been read.

Notifications are messages derived from records that keep their own history (a request and
its audit entries), so pruning them is housekeeping: it is logged, not audited.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from fleksi.notify.models import EmailStatus, Notification

logger = logging.getLogger(__name__)

RETENTION_DAYS = 180
BATCH_SIZE = 5000


def notifications_prune(*, days: int = RETENTION_DAYS) -> int:
    """Delete notifications read and created more than ``days`` days ago, in batches (a
    short transaction each), except those whose e-mail is still pending. Returns how many."""
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
        logger.info("pruned %s read notifications older than %s days", deleted, days)
    return deleted


def notifications_prune_old() -> int:
    """The periodic job: :func:`notifications_prune` with the default retention period."""
    return notifications_prune()
