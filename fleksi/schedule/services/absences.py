"""Absences (leave, sickness, official travel): recorded by the head of the unit or BKPSDM,
because an absent person lowers the on-site count of their unit."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from fleksi.audit.services import Change, audit_record
from fleksi.common.errors import Conflict, NotAllowed, ValidationFailed
from fleksi.org.models import Employee
from fleksi.org.services import unit_stream
from fleksi.schedule.models import Absence
from fleksi.schedule.permissions import may_record_absence

MAX_DAYS = 366


def _audit(actor: Any, absence: Absence, action: str, **values: Any) -> None:
    audit_record(
        actor=actor,
        stream=unit_stream(absence.employee.unit),
        change=Change(
            action=f"schedule.absence.{action}",
            object_type="schedule.absence",
            object_id=str(absence.pk),
            object_repr=absence.employee.name,
            **values,
        ),
    )


def absence_create(
    *, actor: Any, employee: Employee, kind: str, start: date, end: date, note: str = ""
) -> Absence:
    if not may_record_absence(actor, employee):
        raise NotAllowed("not_absence_recorder", _("You cannot record absences for this person."))
    errors: dict[str, list[str]] = {}
    if kind not in Absence.Kind.values:
        errors["kind"] = [_("Choose the kind of absence.")]
    if end < start:
        errors["end"] = [_("The end date is before the start date.")]
    elif end - start > timedelta(days=MAX_DAYS):
        errors["end"] = [_("An absence may last at most a year.")]
    if errors:
        raise ValidationFailed("absence_invalid", _("The absence is not complete."), errors=errors)
    with transaction.atomic():
        Employee.objects.select_for_update().filter(pk=employee.pk).first()
        if Absence.objects.filter(employee=employee, start__lte=end, end__gte=start).exists():
            raise Conflict(
                "absence_overlaps",
                _("An absence of this person already covers some of these days."),
            )
        absence = Absence.objects.create(
            employee=employee,
            kind=kind,
            start=start,
            end=end,
            note=note.strip()[:255],
            created_by=actor,
        )
        _audit(
            actor,
            absence,
            "create",
            after={"kind": kind, "start": start, "end": end, "note": absence.note},
        )
    return absence


def absence_delete(*, actor: Any, absence: Absence) -> None:
    if not may_record_absence(actor, absence.employee):
        raise NotAllowed("not_absence_recorder", _("You cannot record absences for this person."))
    with transaction.atomic():
        _audit(
            actor,
            absence,
            "delete",
            before={"kind": absence.kind, "start": absence.start, "end": absence.end},
        )
        absence.delete()
