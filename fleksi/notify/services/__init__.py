"""Writes of notifications. :func:`notify` (or :func:`notify_translated`) is what other apps
call from their own services, inside their transaction."""

from fleksi.notify.services.email import (
    notification_email_deliver,
    notification_emails_requeue,
    send_notification_email,
)
from fleksi.notify.services.inapp import (
    notification_open,
    notifications_mark_read,
    notify,
    notify_translated,
)
from fleksi.notify.services.language import notification_language, render_message
from fleksi.notify.services.preferences import notification_preferences_set
from fleksi.notify.services.retention import notifications_prune, notifications_prune_old

__all__ = [
    "notification_email_deliver",
    "notification_emails_requeue",
    "notification_language",
    "notification_open",
    "notification_preferences_set",
    "notifications_mark_read",
    "notifications_prune",
    "notifications_prune_old",
    "notify",
    "notify_translated",
    "render_message",
    "send_notification_email",
]
