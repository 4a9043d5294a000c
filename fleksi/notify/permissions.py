"""Who may see a notification: its recipient, nobody else (not even administrators — a
notification may quote a private request). Others get 404."""

from __future__ import annotations

from django.http import Http404

from fleksi.accounts.models import User
from fleksi.notify.models import Notification


def access_notification(user: User, notification_id: int) -> Notification:
    notification = Notification.objects.filter(pk=notification_id, recipient_id=user.pk).first()
    if notification is None:
        raise Http404
    return notification
