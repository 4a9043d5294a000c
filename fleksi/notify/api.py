"""``/api/v1/notifications``: the caller's own notifications and e-mail settings."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema

from fleksi.accounts.current import user_of
from fleksi.accounts.models import User
from fleksi.common.apikit import Id, Limit, Offset
from fleksi.notify import selectors, services
from fleksi.notify.models import Notification
from fleksi.notify.permissions import access_notification
from fleksi.notify.schemas import (
    MarkedOut,
    NotificationOut,
    NotificationPage,
    PreferenceOut,
    PreferencesIn,
)

router = Router(tags=["notifications"])
MAX_LIMIT = 200


class ListQuery(Schema):
    unread: bool = False
    limit: Limit = 50
    offset: Offset = 0


def _preferences(user: User) -> list[dict[str, Any]]:
    return [
        {"kind": r.kind, "label": str(r.label), "email": r.email, "default_email": r.default_email}
        for r in selectors.notification_preferences(user)
    ]


@router.get(
    "",
    response=NotificationPage,
    url_name="notification_list",
    summary="Your notifications, unread first (or only the unread ones)",
)
def notification_list(request: HttpRequest, q: Query[ListQuery]) -> dict[str, Any]:
    user = user_of(request)
    qs = selectors.notification_list(user, unread_only=q.unread)
    limit, offset = max(1, min(q.limit, MAX_LIMIT)), max(0, q.offset)
    return {
        "count": qs.count(),
        "unread": selectors.notification_unread_count(user),
        "limit": limit,
        "offset": offset,
        "items": list(qs[offset : offset + limit]),
    }


@router.post(
    "/{notification_id}/read",
    response=NotificationOut,
    url_name="notification_read",
    summary="Mark one of your notifications read",
)
def notification_read(request: HttpRequest, notification_id: Id) -> Notification:
    user = user_of(request)
    return services.notification_open(
        actor=user, notification=access_notification(user, notification_id)
    )


@router.post(
    "/read-all",
    response=MarkedOut,
    url_name="notification_read_all",
    summary="Mark all your notifications read",
)
def notification_read_all(request: HttpRequest) -> dict[str, int]:
    return {"marked": services.notifications_mark_read(actor=user_of(request))}


@router.get(
    "/preferences",
    response=list[PreferenceOut],
    url_name="notification_preferences",
    summary="Which kinds of notification you receive by e-mail",
)
def preferences_get(request: HttpRequest) -> list[dict[str, Any]]:
    return _preferences(user_of(request))


@router.put(
    "/preferences",
    response=list[PreferenceOut],
    url_name="notification_preferences_set",
    summary="Switch e-mail on or off per kind (kinds not named keep their setting)",
)
def preferences_put(request: HttpRequest, payload: PreferencesIn) -> list[dict[str, Any]]:
    user = user_of(request)
    services.notification_preferences_set(actor=user, email=payload.email)
    return _preferences(user)
