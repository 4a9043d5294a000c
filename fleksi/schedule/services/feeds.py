"""The secret address of a person's calendar feed: made on demand, replaced to revoke."""

from __future__ import annotations

import secrets

from django.db import transaction
from django.utils.translation import gettext as _

from fleksi.accounts.models import User
from fleksi.audit.services import Change, audit_record
from fleksi.common.errors import NotAllowed
from fleksi.org.models import Unit
from fleksi.org.services import unit_stream
from fleksi.schedule.models import CalendarFeed


def calendar_feed_renew(*, actor: User) -> CalendarFeed:
    """Make (or replace) the actor's feed address; an old address stops working at once."""
    if actor.employee_id is None:
        raise NotAllowed("feed_no_employee", _("Only employees have a WFA calendar."))
    with transaction.atomic():
        feed, created = CalendarFeed.objects.select_for_update().get_or_create(
            user=actor, defaults={"token": secrets.token_urlsafe(32)}
        )
        if not created:
            feed.token = secrets.token_urlsafe(32)
            feed.save(update_fields=["token"])
        unit = Unit.objects.filter(employees__pk=actor.employee_id).first()
        if unit is not None:
            audit_record(
                actor=actor,
                stream=unit_stream(unit),
                change=Change(
                    action="schedule.feed.renew" if not created else "schedule.feed.create",
                    object_type="schedule.feed",
                    object_id=str(feed.pk),
                    object_repr=actor.username,
                ),
            )
    return feed
