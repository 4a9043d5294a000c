from __future__ import annotations

from datetime import datetime

from ninja import Schema


class NotificationOut(Schema):
    id: int
    kind: str
    title: str
    body: str
    url: str
    created_at: datetime
    read_at: datetime | None
    object_type: str
    object_id: str


class NotificationPage(Schema):
    count: int
    unread: int
    limit: int
    offset: int
    items: list[NotificationOut]


class MarkedOut(Schema):
    marked: int


class PreferenceOut(Schema):
    kind: str
    label: str
    email: bool
    default_email: bool


class PreferencesIn(Schema):
    """Kind code → e-mail on or off; kinds not named keep their setting."""

    email: dict[str, bool]
