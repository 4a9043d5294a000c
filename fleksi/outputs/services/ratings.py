"""The monthly rating by the supervisor, and the notes of the performance dialogue."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fleksi.common.domain.months import month_end, month_start
from fleksi.common.errors import NotAllowed, ValidationFailed
from fleksi.org.models import Employee
from fleksi.outputs.domain import rating as r
from fleksi.outputs.domain.measures import Tally
from fleksi.outputs.models import DialogueNote, MonthlyRating
from fleksi.outputs.permissions import leads
from fleksi.outputs.selectors.measures import period_facts
from fleksi.outputs.services.common import audit
from fleksi.policy.selectors import params_of, version_in_force

NOTE_MAX = 4000


def month_tally(employee: Employee, month: date) -> Tally:
    facts = period_facts(Employee.objects.filter(pk=employee.pk), start=month, end=month_end(month))
    return facts.measures()[employee.pk].total


def limits_on(day: date) -> r.Limits:
    """The suggestion's thresholds under the policy in force on ``day`` (else the defaults)."""
    version = version_in_force(day)
    if version is None:
        return r.Limits()
    p = params_of(version)
    return r.Limits(
        above_achievement=p.rating_above_min_achievement_pct,
        above_quality=p.rating_above_min_quality,
        above_on_time=p.rating_above_min_on_time_pct,
        as_achievement=p.rating_as_min_achievement_pct,
        as_quality=p.rating_as_min_quality,
    )


def suggestion_of(tally: Tally, month: date) -> r.Suggestion:
    """The suggested level of a month, under the policy in force at its end (or today)."""
    day = min(month_end(month), timezone.localdate())
    return r.suggest_results(
        tally.achievement_pct, tally.quality_mean, tally.on_time_pct, limits_on(day)
    )


def basis_of(tally: Tally, suggestion: r.Suggestion) -> dict[str, Any]:
    """The numbers and comparisons the suggestion came from (stored with the rating)."""
    return {
        "outputs": tally.outputs,
        "reports": tally.reports,
        "achievement_pct": tally.achievement_pct,
        "quality_mean": tally.quality_mean,
        "on_time_pct": tally.on_time_pct,
        "unreported_days": tally.unreported_days,
        "suggested": suggestion.level,
        "steps": [
            {"code": s.code, "observed": s.observed, "limit": s.limit, "met": s.met}
            for s in suggestion.steps
        ],
    }


def rating_save(
    *,
    actor: Any,
    employee: Employee,
    month: date,
    behaviour: str,
    predikat: str,
    results: str = "",
    reason: str = "",
    behaviour_notes: Mapping[str, str] | None = None,
) -> MonthlyRating:
    """Record (or change) the month's rating. The work-results level is the suggestion from
    the numbers; only when there is none (no planned output) does the supervisor choose it.
    The predikat is the quadrant's unless the supervisor changes it, with a reason."""
    if not leads(actor, employee):
        raise NotAllowed("not_rater", _("Only the direct supervisor rates this employee."))
    month = month_start(month)
    if month > month_start(timezone.localdate()):
        raise ValidationFailed("rating_future", _("A month is rated once it has begun."))
    tally = month_tally(employee, month)
    suggestion = suggestion_of(tally, month)
    chosen = suggestion.level or results
    errors: dict[str, list[str]] = {}
    if chosen not in r.LEVELS:
        errors["results"] = [_("There is no planned output this month: choose the level.")]
    if behaviour not in r.LEVELS:
        errors["behaviour"] = [_("Choose the level of the work behaviour.")]
    if predikat not in r.PREDIKATS:
        errors["predikat"] = [_("Choose the predikat.")]
    notes = {
        k: v.strip()[:500]
        for k, v in (behaviour_notes or {}).items()
        if k in r.BERAKHLAK and v.strip()
    }
    if errors:
        raise ValidationFailed("rating_invalid", _("The rating is not complete."), errors=errors)
    quadrant = r.predikat(chosen, behaviour)
    if predikat != quadrant and not reason.strip():
        text = _("Say why the predikat differs from the quadrant's (%(p)s).") % {"p": quadrant}
        raise ValidationFailed("reason_required", text, errors={"reason": [text]})
    with transaction.atomic():
        rating, created = MonthlyRating.objects.update_or_create(
            employee=employee,
            month=month,
            defaults={
                "results_suggested": suggestion.level or "",
                "results": chosen,
                "basis": basis_of(tally, suggestion),
                "behaviour": behaviour,
                "behaviour_notes": notes,
                "predikat_suggested": quadrant,
                "predikat": predikat,
                "changed_reason": reason.strip() if predikat != quadrant else "",
                "rated_by": actor,
                "rated_at": timezone.now(),
            },
        )
        audit(
            actor,
            employee,
            "rating.save",
            "rating",
            rating.pk,
            after={
                "month": month,
                "results": chosen,
                "behaviour": behaviour,
                "predikat_suggested": quadrant,
                "predikat": predikat,
                "reason": rating.changed_reason,
                "basis": rating.basis,
                "created": created,
            },
        )
    return rating


def dialogue_note_add(*, actor: Any, employee: Employee, month: date, text: str) -> DialogueNote:
    """A note of the performance dialogue, by the employee or whoever leads them."""
    own = getattr(actor, "employee_id", None) == employee.pk
    if not own and not leads(actor, employee):
        raise NotAllowed("not_dialogue", _("Only the employee and their supervisor write here."))
    if not text.strip():
        raise ValidationFailed(
            "note_empty", _("Write the note."), errors={"text": [_("Write the note.")]}
        )
    if len(text) > NOTE_MAX:
        raise ValidationFailed("note_long", _("At most %(n)d characters.") % {"n": NOTE_MAX})
    with transaction.atomic():
        note = DialogueNote.objects.create(
            employee=employee, author=actor, month=month_start(month), text=text.strip()
        )
        audit(
            actor,
            employee,
            "dialogue.add",
            "dialogue_note",
            note.pk,
            after={"month": note.month, "length": len(note.text)},
        )
    return note
