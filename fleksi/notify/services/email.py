"""E-mail delivery of notifications, in the background.

One task per notification: :data:`send_notification_email`. Delivery is at least once and
sends a message at most once in normal operation:

- a worker first *claims* the row with one conditional update (status still ``pending``,
  attempt counter unchanged, no live claim) that also counts the attempt — of two workers
  running the same task, only one wins the claim and sends; the other does nothing;
- the mail is sent outside any database transaction (no lock is held while a mail server
  answers), and the row is marked ``sent`` right after;
- a task for a row already sent, failed or skipped does nothing (idempotent);
- a failed send records the error and queues the task again with an exponential back-off
  (:mod:`fleksi.notify.domain.delivery`); after the last attempt the row is ``failed``.

A worker that dies between sending and recording leaves a stale claim; after
:data:`CLAIM_LEASE` :func:`notification_emails_requeue` (the ``notifications_requeue``
command) queues the row again, so a message may then arrive twice — the price of never
losing one.

The task is defined here, beside the service that queues it, because services queue their
background work and may not import the edge modules above them.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import Q
from django.tasks import task
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from fleksi.notify.domain.delivery import MAX_ATTEMPTS, error_summary, gives_up, retry_delay
from fleksi.notify.models import EmailStatus, Notification
from fleksi.notify.services.language import notification_language

logger = logging.getLogger(__name__)

MAILER = "default"  # settings.MAILERS
CLAIM_LEASE = timedelta(minutes=10)
# A task asked to run this much before the row's next attempt is due is a duplicate.
EARLY_TOLERANCE = timedelta(seconds=5)
BUSY = "busy"
EARLY = "early"
MISSING = "missing"


@task()
def send_notification_email(notification_id: int) -> str:
    """Background task: deliver one notification's e-mail (see the module documentation).
    Returns the outcome, for the task's result."""
    return notification_email_deliver(notification_id=notification_id)


def _defers() -> bool:
    return bool(send_notification_email.get_backend().supports_defer)


def email_enqueue(notification_id: int, *, run_after: datetime | None = None) -> None:
    """Queue the e-mail task for one notification, to run at ``run_after`` where the task
    backend can defer (the immediate backend of the tests runs it at once).

    Never raises: a queue that cannot be written to is logged, and the row stays
    ``pending`` for :func:`notification_emails_requeue`.
    """
    job = send_notification_email
    try:
        if run_after is not None and _defers():
            job = job.using(run_after=run_after)
        job.enqueue(notification_id)
    except Exception:
        logger.exception("could not queue the e-mail of notification %s", notification_id)


def _base_url() -> str:
    return str(getattr(settings, "FLEKSI_BASE_URL", "http://127.0.0.1:8000")).rstrip("/")


def _message(notification: Notification, address: str) -> EmailMessage:
    with translation.override(notification_language(notification.recipient)):
        parts = [notification.body.strip()] if notification.body.strip() else []
        if notification.url:
            parts.append(_("Open in Fleksi: %(url)s") % {"url": _base_url() + notification.url})
        parts.append(
            "-- \n"
            + _("You receive this e-mail because of your notification settings in Fleksi: %(url)s")
            % {"url": _base_url() + reverse("notify:settings")}
        )
    return EmailMessage(
        subject=notification.title,
        body="\n\n".join(parts) + "\n",
        to=[address],
        headers={"Auto-Submitted": "auto-generated"},
    )


def _record(notification_id: int, attempt: int, **values: object) -> int:
    """Record the outcome of our attempt, unless a later attempt has taken the row over."""
    return Notification.objects.filter(
        pk=notification_id, email_status=EmailStatus.PENDING, email_attempts=attempt
    ).update(email_claimed_at=None, **values)


def notification_email_deliver(*, notification_id: int, max_attempts: int = MAX_ATTEMPTS) -> str:
    """Make one attempt at sending a notification's e-mail. Returns the row's e-mail status
    afterwards, or ``busy`` / ``early`` / ``missing`` when this task had nothing to do."""
    now = timezone.now()
    row = Notification.objects.select_related("recipient").filter(pk=notification_id).first()
    if row is None:
        return MISSING
    if row.email_status != EmailStatus.PENDING:
        return row.email_status
    if row.email_next_attempt_at and row.email_next_attempt_at > now + EARLY_TOLERANCE:
        return EARLY
    attempt = row.email_attempts + 1
    claimed = (
        Notification.objects.filter(
            pk=row.pk, email_status=EmailStatus.PENDING, email_attempts=row.email_attempts
        )
        .filter(Q(email_claimed_at__isnull=True) | Q(email_claimed_at__lt=now - CLAIM_LEASE))
        .update(email_attempts=attempt, email_claimed_at=now)
    )
    if not claimed:
        return BUSY
    recipient = row.recipient
    if not recipient.email or not recipient.is_active:
        _record(row.pk, attempt, email_status=EmailStatus.SKIPPED)
        return EmailStatus.SKIPPED
    try:
        _message(row, recipient.email).send(using=MAILER)
    except Exception as exc:
        return _failed(row.pk, attempt, exc, max_attempts)
    # Sent: record it whatever happened to the claim meanwhile, so no one sends it again.
    Notification.objects.filter(pk=row.pk).update(
        email_status=EmailStatus.SENT,
        email_sent_at=timezone.now(),
        email_claimed_at=None,
        email_last_error="",
    )
    return EmailStatus.SENT


def _failed(notification_id: int, attempt: int, exc: Exception, max_attempts: int) -> str:
    error = error_summary(exc)
    if gives_up(attempt, max_attempts):
        _record(notification_id, attempt, email_status=EmailStatus.FAILED, email_last_error=error)
        logger.error(
            "e-mail of notification %s failed after %s attempts: %s",
            notification_id,
            attempt,
            error,
        )
        return EmailStatus.FAILED
    delay = retry_delay(attempt)
    logger.warning(
        "e-mail of notification %s failed (attempt %s), next in %s: %s",
        notification_id,
        attempt,
        delay,
        error,
    )
    # The due time is recorded before queueing: the immediate backend (tests) cannot defer
    # and runs the next attempt inside email_enqueue, at once.
    due = timezone.now() + delay if _defers() else timezone.now()
    _record(notification_id, attempt, email_last_error=error, email_next_attempt_at=due)
    email_enqueue(notification_id, run_after=due)
    return EmailStatus.PENDING


def notification_emails_requeue(*, grace: timedelta = timedelta(minutes=15)) -> int:
    """Queue again the e-mails whose task was lost: rows still ``pending`` whose attempt was
    due more than ``grace`` ago, and rows whose claim is older than :data:`CLAIM_LEASE` (a
    worker stopped while sending). Returns how many were queued."""
    now = timezone.now()
    ids = list(
        Notification.objects.filter(email_status=EmailStatus.PENDING)
        .filter(
            Q(email_claimed_at__isnull=True, email_next_attempt_at__lt=now - grace)
            | Q(email_claimed_at__lt=now - CLAIM_LEASE)
        )
        .values_list("pk", flat=True)
    )
    for notification_id in ids:
        email_enqueue(notification_id)
    return len(ids)
