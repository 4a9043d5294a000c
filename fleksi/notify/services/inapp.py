"""Creating notifications and keeping their read state.

:func:`notify` is what other apps call, inside their own service's transaction: the in-app
rows are written with the caller's change, and the e-mails are queued only once that
transaction has committed (a rolled-back change sends nothing).
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable, Mapping
from functools import partial
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import Truncator

from fleksi.accounts.models import User
from fleksi.notify.kinds import Kind, get_kind
from fleksi.notify.models import EmailStatus, Notification, NotificationPreference
from fleksi.notify.services.email import email_enqueue
from fleksi.notify.services.language import notification_language, render_message

logger = logging.getLogger(__name__)

TITLE_MAX_LENGTH = 200
BATCH_SIZE = 500


# --- Creating ----------------------------------------------------------------------------------


def _check_url(url: str) -> None:
    if url and not (
        url.startswith("/")
        and not url.startswith(("//", "/\\"))
        and url_has_allowed_host_and_scheme(url, allowed_hosts=set())
    ):
        raise ValueError(f"a notification links to a path of this site, not {url!r}")


def _distinct(recipients: Iterable[User]) -> list[User]:
    seen: set[int] = set()
    users: list[User] = []
    for user in recipients:
        if user.pk not in seen:
            seen.add(user.pk)
            users.append(user)
    return users


def email_wanted(users: Collection[User], kind: Kind) -> dict[int, bool]:
    """Whether each user wants e-mail for ``kind``: their preference, else the default."""
    chosen = dict(
        NotificationPreference.objects.filter(
            user_id__in=[u.pk for u in users], kind=kind.code
        ).values_list("user_id", "email")
    )
    return {u.pk: chosen.get(u.pk, kind.default_email) for u in users}


def _email_status(user: User, wanted: bool) -> str:
    if not wanted:
        return EmailStatus.NONE
    if not user.email or not user.is_active:
        return EmailStatus.SKIPPED
    return EmailStatus.PENDING


def notify(
    *,
    recipients: Iterable[User],
    kind: str,
    title: str,
    body: str,
    url: str = "",
    source: tuple[str, str] | None = None,
) -> list[Notification]:
    """Notify ``recipients`` in the application and, where they want it, by e-mail.

    ``title`` and ``body`` are plain text, already in the recipients' language (see
    :func:`notify_translated`); ``url`` is a path of this site (``/schedule/requests/7/``);
    ``source`` names the record the notification is about (``("schedule.request", "7")``).

    The rows are written in the caller's transaction. One e-mail task per notification to
    be e-mailed is queued after that transaction commits; nothing is sent if it rolls back,
    and a failure to queue is logged, never raised into the caller.
    """
    spec = get_kind(kind)
    _check_url(url)
    users = _distinct(recipients)
    if not users:
        return []
    object_type, object_id = source or ("", "")
    title = Truncator(" ".join(title.split())).chars(TITLE_MAX_LENGTH)
    now = timezone.now()
    with transaction.atomic():
        wanted = email_wanted(users, spec)
        rows = [
            Notification(
                recipient=user,
                kind=spec.code,
                title=title,
                body=body,
                url=url,
                created_at=now,
                object_type=object_type[:64],
                object_id=str(object_id)[:64],
                email_status=_email_status(user, wanted[user.pk]),
                email_next_attempt_at=now,
            )
            for user in users
        ]
        created = Notification.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        for row in created:
            if row.email_status == EmailStatus.PENDING:
                transaction.on_commit(partial(email_enqueue, row.pk), robust=True)
    return created


def notify_translated(
    *,
    recipients: Iterable[User],
    kind: str,
    title: str | Promise,
    body: str | Promise,
    params: Mapping[str, Any] | None = None,
    url: str = "",
    source: tuple[str, str] | None = None,
) -> list[Notification]:
    """:func:`notify` with ``title`` and ``body`` given as translatable messages (with
    ``%(name)s`` placeholders), rendered for each recipient in their language."""
    by_language: dict[str, list[User]] = {}
    for user in _distinct(recipients):
        by_language.setdefault(notification_language(user), []).append(user)
    created: list[Notification] = []
    for language, users in by_language.items():
        created += notify(
            recipients=users,
            kind=kind,
            title=render_message(title, language=language, params=params),
            body=render_message(body, language=language, params=params),
            url=url,
            source=source,
        )
    return created


# --- Read state --------------------------------------------------------------------------------


def notification_open(*, actor: User, notification: Notification) -> Notification:
    """Mark the actor's own notification read (once; the first reading time is kept)."""
    if notification.recipient_id != actor.pk:
        raise ValueError("only the recipient opens a notification")
    if notification.read_at is None:
        now = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=now)
        notification.read_at = now
    return notification


def notifications_mark_read(*, actor: User, notification_ids: Collection[int] | None = None) -> int:
    """Mark the actor's unread notifications read: all of them, or only ``notification_ids``
    (ids of other people's notifications are ignored). Returns how many changed."""
    qs = Notification.objects.filter(recipient_id=actor.pk, read_at__isnull=True)
    if notification_ids is not None:
        qs = qs.filter(pk__in=list(notification_ids))
    return qs.update(read_at=timezone.now())
