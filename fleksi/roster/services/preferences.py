"""An employee's wishes for a month: days to work from anywhere, days rather on site, each
with a reason, and a note."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from fleksi.common.domain.months import month_end
from fleksi.common.errors import NotAllowed, ValidationFailed
from fleksi.common.formats import day_text
from fleksi.org.models import Employee
from fleksi.policy.selectors import work_calendar
from fleksi.roster.models import PreferenceDay, PreferenceReason, RosterPreference
from fleksi.roster.services.common import audit_roster, check_month

NOTE_MAX = 255


@dataclass(frozen=True)
class PreferenceDayIn:
    day: date
    kind: str  # wish | avoid
    reason: str  # care | health | commute | other


def _validate(month: date, days: Sequence[PreferenceDayIn], note: str) -> None:
    errors: dict[str, list[str]] = {}
    working = set(work_calendar(month, month_end(month)).working_days(month, month_end(month)))
    seen: set[date] = set()
    for item in days:
        if item.day not in working:
            errors.setdefault("days", []).append(
                _("%(day)s is not a working day of the month.") % {"day": day_text(item.day)}
            )
        if item.day in seen:
            errors.setdefault("days", []).append(
                _("%(day)s is given twice.") % {"day": day_text(item.day)}
            )
        seen.add(item.day)
        if item.kind not in PreferenceDay.Kind.values:
            errors.setdefault("days", []).append(_("Choose wish or avoid for each day."))
        if item.reason not in PreferenceReason.values:
            errors.setdefault("days", []).append(_("Choose a reason for each day."))
    if len(note) > NOTE_MAX:
        errors.setdefault("note", []).append(_("At most %(n)d characters.") % {"n": NOTE_MAX})
    if errors:
        raise ValidationFailed(
            "preference_invalid", _("The preferences are not valid."), errors=errors
        )


def preference_save(
    *,
    actor: Any,
    employee: Employee,
    month: date,
    days: Sequence[PreferenceDayIn],
    note: str = "",
) -> RosterPreference:
    """Replace the employee's preferences for ``month`` (their own only)."""
    if getattr(actor, "employee_id", None) != employee.pk:
        raise NotAllowed("preference_not_own", _("You can only give your own preferences."))
    check_month(month)
    note = note.strip()
    _validate(month, days, note)
    with transaction.atomic():
        preference, _created = RosterPreference.objects.update_or_create(
            employee=employee, month=month, defaults={"note": note}
        )
        preference.days.all().delete()
        PreferenceDay.objects.bulk_create(
            [
                PreferenceDay(preference=preference, day=d.day, kind=d.kind, reason=d.reason)
                for d in sorted(days, key=lambda d: d.day)
            ]
        )
        audit_roster(
            actor,
            employee.unit,
            "preference.save",
            preference.pk,
            employee.name,
            object_type="roster.preference",
            after={
                "month": month,
                "days": {d.day.isoformat(): f"{d.kind}:{d.reason}" for d in days},
                "note": note,
            },
        )
    return preference
