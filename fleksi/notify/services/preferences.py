"""A user's e-mail choices per kind of notification (in-app notifications are always on)."""

from __future__ import annotations

from collections.abc import Mapping

from django.db import transaction
from django.utils.translation import gettext as _

from fleksi.accounts.models import User
from fleksi.audit.services import Change, audit_record
from fleksi.common.errors import ValidationFailed
from fleksi.notify.kinds import Kind, UnknownKind, get_kind
from fleksi.notify.models import NotificationPreference


def notification_preferences_set(*, actor: User, email: Mapping[str, bool]) -> dict[str, bool]:
    """Set the actor's e-mail choice for the kinds in ``email`` (kind code → on/off); kinds
    not named keep their setting. A choice equal to the kind's default is stored as "no
    row", so the user follows the default if it changes later. Returns the changed kinds
    with their new value."""
    kinds: dict[str, Kind] = {}
    for code in email:
        try:
            kinds[code] = get_kind(code)
        except UnknownKind:
            message = _("Unknown kind of notification: %(kind)s") % {"kind": code}
            raise ValidationFailed("unknown_kind", message, kind=code) from None
    with transaction.atomic():
        current = dict(
            NotificationPreference.objects.filter(user_id=actor.pk, kind__in=list(kinds))
            .select_for_update()
            .values_list("kind", "email")
        )
        before = {code: current.get(code, kinds[code].default_email) for code in kinds}
        after = {code: bool(email[code]) for code in kinds}
        changed = {code: value for code, value in after.items() if value != before[code]}
        if not changed:
            return {}
        NotificationPreference.objects.filter(user_id=actor.pk, kind__in=list(changed)).delete()
        NotificationPreference.objects.bulk_create(
            NotificationPreference(user_id=actor.pk, kind=code, email=value)
            for code, value in changed.items()
            if value != kinds[code].default_email
        )
        audit_record(
            actor=actor,
            change=Change(
                action="notify.preferences_set",
                object_type="accounts.user",
                object_id=str(actor.pk),
                object_repr=actor.username,
                before={code: before[code] for code in changed},
                after=changed,
            ),
        )
    return changed
