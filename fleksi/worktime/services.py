"""Writes to work schedules: patterns and unit patterns of a draft version (the Perbup), and
personal patterns. Each opens its own transaction and appends its audit entry."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from fleksi.audit.services import Change, audit_record
from fleksi.common.errors import Conflict, ValidationFailed
from fleksi.org.models import Employee, Unit
from fleksi.org.services import unit_stream
from fleksi.policy.models import PolicyVersion
from fleksi.worktime.domain.patterns import Problem, definition_of, parse_definition
from fleksi.worktime.models import PersonWorkPattern, UnitWorkPattern, WorkPattern

CODE_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_-")


def _problem_message(p: Problem) -> str:
    messages = {
        "kind": _("The kind must be a weekly pattern, a cycle or a roster."),
        "shifts": _("Give between one and twelve shifts, each with a short code."),
        "time": _("A shift needs a start and an end as hours and minutes (07:30)."),
        "break": _("A break is whole minutes, shorter than the shift."),
        "week": _("Each day of the week names one of the shifts, or none."),
        "cycle": _(
            "A cycle lists one to 56 days, each a shift or a day off, with at least one shift."
        ),
        "anchor": _("A cycle needs the date of its first day."),
        "flex": _("A flexible start is between 0 and 240 minutes."),
        "hours": _("Weekly hours are between 1 and 80."),
    }
    return messages.get(p.code, p.code)


def _draft(version: PolicyVersion) -> PolicyVersion:
    locked = PolicyVersion.objects.select_for_update().get(pk=version.pk)
    if not locked.is_draft:
        raise Conflict(
            "policy_not_draft",
            _("A published version cannot be changed; create a new draft from it."),
        )
    return locked


def _audit(actor: Any, version: PolicyVersion, action: str, **values: Any) -> None:
    audit_record(
        actor=actor,
        change=Change(
            action=f"worktime.{action}",
            object_type="policy.version",
            object_id=str(version.pk),
            object_repr=str(version.regulation_number),
            **values,
        ),
    )


def patterns_copy_to_draft(source: PolicyVersion, draft: PolicyVersion) -> None:
    """A new draft starts with the patterns and unit patterns of its source (registered with
    the policy's draft creation)."""
    copies = {}
    for p in WorkPattern.objects.filter(version=source):
        copies[p.pk] = WorkPattern.objects.create(
            version=draft,
            code=p.code,
            name=p.name,
            definition=p.definition,
            is_default=p.is_default,
            asn_type=p.asn_type,
            basis=p.basis,
        )
    UnitWorkPattern.objects.bulk_create(
        [
            UnitWorkPattern(version=draft, unit_id=u.unit_id, pattern=copies[u.pattern_id])
            for u in UnitWorkPattern.objects.filter(version=source)
        ]
    )


def work_pattern_set(
    *,
    actor: Any,
    version: PolicyVersion,
    code: str,
    name: str,
    definition: Any,
    basis: str,
    is_default: bool = False,
    asn_type: str = "",
) -> WorkPattern:
    """Create or replace a pattern of a draft version."""
    code = code.strip().lower()
    if not 1 <= len(code) <= 30 or not set(code) <= CODE_CHARS:
        raise ValidationFailed(
            "pattern_code",
            _("A pattern code is a short code of letters, digits, - and _ (e.g. shift3)."),
        )
    parsed = parse_definition(code, definition)
    if isinstance(parsed, list):
        raise ValidationFailed(
            "pattern_invalid",
            _("The pattern is not valid."),
            errors={p.where: [_problem_message(p)] for p in parsed},
        )
    if not basis.strip():
        raise ValidationFailed(
            "pattern_basis",
            _("Say where the pattern comes from (an article, or “ditetapkan PPK dalam Perbup”)."),
        )
    if asn_type and asn_type not in Employee.AsnType.values:
        raise ValidationFailed("pattern_asn_type", _("Unknown ASN type."))
    with transaction.atomic():
        version = _draft(version)
        if is_default:
            WorkPattern.objects.filter(version=version, is_default=True).exclude(code=code).update(
                is_default=False
            )
        if asn_type:
            WorkPattern.objects.filter(version=version, asn_type=asn_type).exclude(
                code=code
            ).update(asn_type="")
        pattern, created = WorkPattern.objects.update_or_create(
            version=version,
            code=code,
            defaults={
                "name": name.strip()[:120],
                "definition": definition_of(parsed),
                "is_default": is_default,
                "asn_type": asn_type,
                "basis": basis.strip()[:200],
            },
        )
        _audit(
            actor,
            version,
            "pattern.create" if created else "pattern.update",
            after={"code": code, "definition": pattern.definition, "basis": pattern.basis},
        )
    return pattern


def unit_work_pattern_set(
    *, actor: Any, version: PolicyVersion, unit: Unit, code: str | None
) -> UnitWorkPattern | None:
    """Give a unit (and its sub-units) a pattern of a draft version; ``code`` None removes it."""
    with transaction.atomic():
        version = _draft(version)
        existing = UnitWorkPattern.objects.filter(version=version, unit=unit).first()
        before = {"unit": unit.pk, "pattern": existing.pattern.code} if existing else None
        result: UnitWorkPattern | None = None
        if code is None:
            if existing is not None:
                existing.delete()
        else:
            pattern = WorkPattern.objects.filter(version=version, code=code).first()
            if pattern is None:
                raise ValidationFailed(
                    "pattern_unknown", _("This version has no pattern with that code.")
                )
            result, _created = UnitWorkPattern.objects.update_or_create(
                version=version, unit=unit, defaults={"pattern": pattern}
            )
        _audit(
            actor, version, "unit_pattern", before=before, after={"unit": unit.pk, "pattern": code}
        )
    return result


def person_work_pattern_assign(
    *,
    actor: Any,
    employee: Employee,
    code: str,
    start: date,
    end: date | None = None,
    cycle_offset: int = 0,
    reason: str = "",
) -> PersonWorkPattern:
    """Give one person a pattern of their own from ``start``. An open-ended earlier pattern
    ends the day before; a later one, or one that overlaps otherwise, is refused."""
    if end is not None and end < start:
        raise ValidationFailed("period_order", _("The end comes before the start."))
    if not 0 <= cycle_offset <= 56:
        raise ValidationFailed("pattern_offset", _("The place in the cycle is between 0 and 56."))
    known = WorkPattern.objects.filter(code=code).exclude(version__status="draft").exists()
    if not known:
        raise ValidationFailed(
            "pattern_unknown", _("No published version of the Perbup has a pattern with that code.")
        )
    with transaction.atomic():
        Employee.objects.select_for_update().filter(pk=employee.pk).first()
        mine = PersonWorkPattern.objects.filter(employee=employee)
        for other in mine.filter(start__lte=end or date.max).exclude(end__lt=start):
            if other.end is None and other.start < start:
                other.end = start - timedelta(days=1)
                other.save(update_fields=["end"])
                continue
            raise Conflict(
                "pattern_overlap",
                _("This person already has a pattern of their own in that period."),
            )
        row = PersonWorkPattern.objects.create(
            employee=employee,
            pattern_code=code,
            start=start,
            end=end,
            cycle_offset=cycle_offset,
            reason=reason.strip()[:255],
            created_by=actor if getattr(actor, "pk", None) else None,
        )
        audit_record(
            actor=actor,
            stream=unit_stream(employee.unit),
            change=Change(
                action="worktime.person_pattern",
                object_type="org.employee",
                object_id=str(employee.pk),
                object_repr=employee.name,
                after={"pattern": code, "start": start, "end": end, "offset": cycle_offset},
            ),
        )
    return row
