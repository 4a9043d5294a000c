"""Writes to the policy: drafts, per-unit values, publication, and the calendar."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fleksi.audit.services import Change, audit_record
from fleksi.common.errors import Conflict, ValidationFailed
from fleksi.common.formats import day_text
from fleksi.org.models import Agency, Unit
from fleksi.policy.domain.params import (
    PolicyParams,
    diff_params,
    params_to_json,
    parse_params,
)
from fleksi.policy.models import (
    CalendarOverride,
    NationalWfaWindow,
    PolicyVersion,
    RamadanPeriod,
    RoleMinimum,
    UnitOverride,
)
from fleksi.policy.selectors import params_of, version_in_force

ROLE_SLUG = re.compile(r"[a-z0-9][a-z0-9_-]{0,29}")

# Apps above the policy that keep data of a version (e.g. the work patterns of
# ``fleksi.worktime``) copy it into a new draft: ``copier(source, draft)``, inside the
# draft's transaction. The policy never imports them.
DraftCopier = Callable[[PolicyVersion, PolicyVersion], None]
_draft_copiers: list[DraftCopier] = []


def register_draft_copier(copier: DraftCopier) -> None:
    if copier not in _draft_copiers:
        _draft_copiers.append(copier)


def _problem_message(code: str) -> str:
    messages = {
        "unknown": _("This setting does not exist."),
        "type": _("This value has the wrong form."),
        "range": _("This value is outside the allowed range."),
        "choice": _("This value is not one of the allowed choices."),
        "order": _("The share for “partly capable” must not exceed the share for “WFA-capable”."),
        "band_order": _(
            "The bands of minutes must grow: the first below the second below the third."
        ),
    }
    return messages.get(code, code)


def validate_params(raw: Mapping[str, Any]) -> PolicyParams:
    parsed = parse_params(raw)
    if isinstance(parsed, list):
        errors = {p.key: [_problem_message(p.code)] for p in parsed}
        raise ValidationFailed(
            "policy_params_invalid", _("Some settings are not valid."), errors=errors
        )
    return parsed


def _audit(actor: Any, version: PolicyVersion, action: str, **values: Any) -> None:
    audit_record(
        actor=actor,
        change=Change(
            action=f"policy.version.{action}",
            object_type="policy.version",
            object_id=str(version.pk),
            object_repr=str(version.regulation_number),
            **values,
        ),
    )


def policy_draft_create(
    *,
    actor: Any,
    regulation_number: str,
    title: str,
    effective_from: date,
    based_on: PolicyVersion | None = None,
    kind: str = PolicyVersion.Kind.ORIGINAL,
    revokes: PolicyVersion | None = None,
) -> PolicyVersion:
    """A new draft, starting from ``based_on`` (or the version in force, or the defaults).
    Amendments and revocations are drafts too (``fleksi.policy.services_legal``)."""
    source = based_on or version_in_force(timezone.localdate())
    params = params_of(source) if source else PolicyParams()
    with transaction.atomic():
        version = PolicyVersion.objects.create(
            regulation_number=regulation_number.strip(),
            title=title.strip(),
            effective_from=effective_from,
            params=params_to_json(params),
            based_on=source,
            author=actor,
            kind=kind,
            revokes=revokes,
        )
        if source is not None:
            UnitOverride.objects.bulk_create(
                [
                    UnitOverride(
                        version=version,
                        unit_id=o.unit_id,
                        max_offsite_share=o.max_offsite_share,
                        min_onsite_staff=o.min_onsite_staff,
                        reason=o.reason,
                    )
                    for o in source.unit_overrides.all()
                ]
            )
            RoleMinimum.objects.bulk_create(
                [
                    RoleMinimum(
                        version=version, unit_id=r.unit_id, role=r.role, min_onsite=r.min_onsite
                    )
                    for r in source.role_minimums.all()
                ]
            )
            for copier in _draft_copiers:
                copier(source, version)
        _audit(
            actor,
            version,
            "create",
            after={
                "title": version.title,
                "effective_from": effective_from,
                "based_on": source.pk if source else None,
                "kind": kind,
                "revokes": revokes.pk if revokes else None,
            },
        )
    return version


def _draft_for_update(version: PolicyVersion, *, editing: bool = True) -> PolicyVersion:
    """The draft, locked. ``editing``: its text is about to change, which only the drafters
    may do before it is submitted (or after it was returned to them)."""
    locked = PolicyVersion.objects.select_for_update().get(pk=version.pk)
    if not locked.is_draft:
        raise Conflict(
            "policy_not_draft",
            _("A promulgated version cannot be changed; draft an amendment instead."),
        )
    if editing and not locked.is_editable:
        raise Conflict(
            "policy_in_legal_path",
            _(
                "This draft is at the stage “%(stage)s”: its text can change only after it "
                "is returned to the drafters."
            )
            % {"stage": locked.get_stage_display()},
        )
    return locked


def policy_draft_update(
    *,
    actor: Any,
    version: PolicyVersion,
    params: Mapping[str, Any] | None = None,
    regulation_number: str | None = None,
    title: str | None = None,
    effective_from: date | None = None,
    notes: str | None = None,
) -> PolicyVersion:
    with transaction.atomic():
        version = _draft_for_update(version)
        before_params = params_of(version)
        before = {
            "regulation_number": version.regulation_number,
            "title": version.title,
            "effective_from": version.effective_from,
            "notes": version.notes,
        }
        if params is not None:
            version.params = params_to_json(validate_params(params))
        for name, value in (
            ("regulation_number", regulation_number),
            ("title", title),
            ("effective_from", effective_from),
            ("notes", notes),
        ):
            if value is not None:
                setattr(version, name, value.strip() if isinstance(value, str) else value)
        version.save()
        changes = diff_params(before_params, params_of(version))
        after = {
            "regulation_number": version.regulation_number,
            "title": version.title,
            "effective_from": version.effective_from,
            "notes": version.notes,
        }
        b = {k: v for k, v in before.items() if after[k] != v}
        a = {k: after[k] for k in b}
        b.update({c.key: c.before for c in changes})
        a.update({c.key: c.after for c in changes})
        if a:
            _audit(actor, version, "update", before=b, after=a)
    return version


def policy_role_minimum_set(
    *,
    actor: Any,
    version: PolicyVersion,
    unit: Unit,
    role: str,
    min_onsite: int | None,
) -> RoleMinimum | None:
    """Set (or, with ``min_onsite`` None, remove) a minimum on site for one service role of
    a unit in a draft — e.g. two counter officers at the Disdukcapil service section. The
    request rules and the roster count the unit's staff whose position has that role."""
    role = role.strip().lower()
    if not ROLE_SLUG.fullmatch(role):
        raise ValidationFailed(
            "role_slug",
            _("A role is a short code of letters, digits, - and _ (e.g. counter)."),
            errors={"role": [_("Use letters, digits, - and _ only (e.g. counter).")]},
        )
    if min_onsite is not None and min_onsite < 0:
        raise ValidationFailed("role_minimum", _("The minimum cannot be negative."))
    with transaction.atomic():
        version = _draft_for_update(version)
        existing = RoleMinimum.objects.filter(version=version, unit=unit, role=role).first()
        before = {"min_onsite": existing.min_onsite} if existing else None
        result: RoleMinimum | None
        if min_onsite is None:
            if existing is None:
                raise ValidationFailed(
                    "role_minimum_missing",
                    _("%(unit)s has no minimum for the role “%(role)s” to remove.")
                    % {"unit": unit.name, "role": role},
                )
            existing.delete()
            result = None
        else:
            result, _created = RoleMinimum.objects.update_or_create(
                version=version, unit=unit, role=role, defaults={"min_onsite": min_onsite}
            )
        _audit(
            actor,
            version,
            "role_minimum",
            before=before,
            after={"unit": unit.pk, "role": role, "min_onsite": min_onsite},
        )
    return result


def policy_unit_override_set(
    *,
    actor: Any,
    version: PolicyVersion,
    unit: Unit,
    max_offsite_share: Decimal | None,
    min_onsite_staff: int | None,
    reason: str = "",
) -> UnitOverride | None:
    """Set (or, with both values empty, remove) a unit's own values in a draft."""
    if max_offsite_share is not None and not Decimal(0) <= max_offsite_share <= Decimal(1):
        raise ValidationFailed("override_share", _("The share must be between 0 and 100 %."))
    with transaction.atomic():
        version = _draft_for_update(version)
        existing = UnitOverride.objects.filter(version=version, unit=unit).first()
        before = (
            {
                "max_offsite_share": existing.max_offsite_share,
                "min_onsite_staff": existing.min_onsite_staff,
            }
            if existing
            else None
        )
        if max_offsite_share is None and min_onsite_staff is None:
            if existing:
                existing.delete()
            result = None
        else:
            result, _created = UnitOverride.objects.update_or_create(
                version=version,
                unit=unit,
                defaults={
                    "max_offsite_share": max_offsite_share,
                    "min_onsite_staff": min_onsite_staff,
                    "reason": reason.strip(),
                },
            )
        _audit(
            actor,
            version,
            "unit_override",
            before=before,
            after={
                "unit": unit.pk,
                "max_offsite_share": max_offsite_share,
                "min_onsite_staff": min_onsite_staff,
                "reason": reason,
            },
        )
    return result


def policy_publish(*, actor: Any, version: PolicyVersion) -> PolicyVersion:
    """Bring a draft into force: it comes into force on its start date and the version in
    force until then is superseded (its period ends the day before). This is the effect of
    the Sekda's promulgation (``services_legal.legal_promulgate``, the only path offered on
    the pages and the API); fixtures call it directly."""
    today = timezone.localdate()
    with transaction.atomic():
        # One publication at a time: lock the agency row, then the versions concerned.
        Agency.objects.select_for_update().filter(pk=1).first()
        version = _draft_for_update(version, editing=False)
        validate_params(version.params)
        if version.effective_from < today:
            raise ValidationFailed(
                "policy_backdated",
                _("A version cannot come into force in the past; choose today or a later date."),
            )
        current = (
            PolicyVersion.objects.select_for_update()
            .filter(status=PolicyVersion.Status.PUBLISHED)
            .first()
        )
        if current is not None:
            if version.effective_from <= current.effective_from:
                raise ValidationFailed(
                    "policy_starts_too_early",
                    _("The new version must start after %(date)s, when the current one started.")
                    % {"date": day_text(current.effective_from)},
                )
            current.status = PolicyVersion.Status.SUPERSEDED
            current.effective_to = version.effective_from - timedelta(days=1)
            current.save(update_fields=["status", "effective_to", "updated_at"])
            _audit(
                actor,
                current,
                "supersede",
                after={"effective_to": current.effective_to, "superseded_by": version.pk},
            )
        version.status = PolicyVersion.Status.PUBLISHED
        version.stage = PolicyVersion.LegalStage.PROMULGATED
        version.approver = actor
        version.published_at = timezone.now()
        version.effective_to = None
        version.save()
        _audit(
            actor,
            version,
            "publish",
            after={
                "effective_from": version.effective_from,
                "params": version.params,
                "overrides": list(
                    version.unit_overrides.values_list(
                        "unit_id", "max_offsite_share", "min_onsite_staff"
                    )
                ),
            },
        )
    return version


def policy_draft_delete(*, actor: Any, version: PolicyVersion) -> None:
    with transaction.atomic():
        version = _draft_for_update(version)
        _audit(actor, version, "delete", before={"title": version.title})
        version.delete()


# --- Calendar -----------------------------------------------------------------------------


def calendar_override_set(*, actor: Any, day: date, kind: str, name: str) -> CalendarOverride:
    with transaction.atomic():
        override, _created = CalendarOverride.objects.update_or_create(
            day=day, defaults={"kind": kind, "name": name.strip()}
        )
        audit_record(
            actor=actor,
            change=Change(
                action="policy.calendar.set",
                object_type="policy.calendar",
                object_id=str(day),
                object_repr=name,
                after={"kind": kind, "name": name},
            ),
        )
    return override


def calendar_override_remove(*, actor: Any, override: CalendarOverride) -> None:
    with transaction.atomic():
        audit_record(
            actor=actor,
            change=Change(
                action="policy.calendar.remove",
                object_type="policy.calendar",
                object_id=str(override.day),
                object_repr=override.name,
                before={"kind": override.kind, "name": override.name},
            ),
        )
        override.delete()


def ramadan_period_set(*, actor: Any, start: date, end: date) -> RamadanPeriod:
    if end < start:
        raise ValidationFailed("dates_order", _("The end date is before the start date."))
    with transaction.atomic():
        if RamadanPeriod.objects.filter(start__lte=end, end__gte=start).exists():
            raise ValidationFailed("ramadan_overlap", _("This period overlaps another one."))
        period = RamadanPeriod.objects.create(start=start, end=end)
        audit_record(
            actor=actor,
            change=Change(
                action="policy.ramadan.create",
                object_type="policy.ramadan",
                object_id=str(period.pk),
                after={"start": start, "end": end},
            ),
        )
    return period


def wfa_window_decide(*, actor: Any, window: NationalWfaWindow, decision: str) -> NationalWfaWindow:
    if decision not in NationalWfaWindow.Decision.values:
        raise ValidationFailed("window_decision", _("Unknown decision."))
    with transaction.atomic():
        window = NationalWfaWindow.objects.select_for_update().get(pk=window.pk)
        before = window.decision
        window.decision = decision
        window.decided_by = actor
        window.save(update_fields=["decision", "decided_by"])
        audit_record(
            actor=actor,
            change=Change(
                action="policy.wfa_window.decide",
                object_type="policy.wfa_window",
                object_id=str(window.pk),
                object_repr=window.name,
                before={"decision": before},
                after={"decision": decision},
            ),
        )
    return window


def wfa_window_create(
    *, actor: Any, name: str, reference: str, start: date, end: date
) -> NationalWfaWindow:
    if end < start:
        raise ValidationFailed("dates_order", _("The end date is before the start date."))
    with transaction.atomic():
        window = NationalWfaWindow.objects.create(
            name=name.strip(), reference=reference.strip(), start=start, end=end
        )
        audit_record(
            actor=actor,
            change=Change(
                action="policy.wfa_window.create",
                object_type="policy.wfa_window",
                object_id=str(window.pk),
                object_repr=window.name,
                after={"reference": reference, "start": start, "end": end},
            ),
        )
    return window
