"""Per-employee exceptions to the duty mapping: a class for one person (instead of their
position's), and/or lifting the exclusion of public-service units, for a dated period."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fleksi.audit.services import Change, audit_record
from fleksi.common.errors import Conflict, ValidationFailed
from fleksi.jobmap.domain.facts import EXCEPTION_KINDS, OVERRIDE_CLASSES
from fleksi.jobmap.models import EmployeeException
from fleksi.org.models import Employee, Unit
from fleksi.org.services import unit_stream

REASON_MAX = 1000


def _stream(employee: Employee) -> str:
    return unit_stream(Unit.objects.only("id", "root_id").get(pk=employee.unit_id))


def _facts(exc: EmployeeException) -> dict[str, Any]:
    return {
        "employee": exc.employee_id,
        "kind": exc.kind,
        "reason": exc.reason,
        "start": exc.start,
        "end": exc.end,
        "override_class": exc.override_class,
        "waives_unit_exclusion": exc.waives_unit_exclusion,
    }


def exception_grant(
    *,
    actor: Any,
    employee: Employee,
    kind: str,
    reason: str,
    start: date,
    end: date,
    override_class: str | None = None,
    waives_unit_exclusion: bool = False,
) -> EmployeeException:
    """Grant an exception from ``start`` to ``end`` (both included). One person's exceptions
    may not overlap."""
    reason = (reason or "").strip()
    override = override_class or ""
    errors: dict[str, list[str]] = {}
    if kind not in EXCEPTION_KINDS:
        errors["kind"] = [_("Choose a kind of exception.")]
    if not reason:
        errors["reason"] = [_("Give the reason for the exception.")]
    elif len(reason) > REASON_MAX:
        errors["reason"] = [_("At most %(max)s characters.") % {"max": REASON_MAX}]
    if end < start:
        errors["end"] = [_("The end date is before the start date.")]
    if override and override not in OVERRIDE_CLASSES:
        errors["override_class"] = [_("Choose WFA-capable or partly capable.")]
    if not override and not waives_unit_exclusion:
        errors["override_class"] = [
            _("An exception must change the class, lift the unit exclusion, or both.")
        ]
    if errors:
        raise ValidationFailed(
            "exception_invalid", _("The exception cannot be granted as entered."), errors=errors
        )
    with transaction.atomic():
        employee = Employee.objects.select_for_update().get(pk=employee.pk)
        overlapping = EmployeeException.objects.filter(
            employee=employee, withdrawn=False, start__lte=end, end__gte=start
        ).first()
        if overlapping is not None:
            raise Conflict(
                "exception_overlap",
                _("%(name)s already has an exception from %(start)s to %(end)s; end it first.")
                % {"name": employee.name, "start": overlapping.start, "end": overlapping.end},
            )
        exc = EmployeeException.objects.create(
            employee=employee,
            kind=kind,
            reason=reason,
            start=start,
            end=end,
            override_class=override,
            waives_unit_exclusion=waives_unit_exclusion,
            granted_by=actor if getattr(actor, "pk", None) is not None else None,
        )
        audit_record(
            actor=actor,
            stream=_stream(employee),
            change=Change(
                action="jobmap.exception.grant",
                object_type="jobmap.exception",
                object_id=str(exc.pk),
                object_repr=employee.name,
                after=_facts(exc),
            ),
        )
    return exc


def exception_end(
    *, actor: Any, exception: EmployeeException, last_day: date | None = None
) -> EmployeeException:
    """End an exception early: ``last_day`` (default today) is its last day. Ending it before
    it starts withdraws it (it never applies)."""
    last_day = last_day or timezone.localdate()
    with transaction.atomic():
        exc = EmployeeException.objects.select_for_update().get(pk=exception.pk)
        if exc.withdrawn or last_day >= exc.end:
            raise Conflict(
                "exception_not_running",
                _("The exception already ends on %(end)s or was withdrawn.") % {"end": exc.end},
            )
        before = {"end": exc.end, "withdrawn": exc.withdrawn}
        if last_day < exc.start:
            exc.withdrawn = True
        else:
            exc.end = last_day
        exc.ended_by = actor if getattr(actor, "pk", None) is not None else None
        exc.ended_at = timezone.now()
        exc.save()
        audit_record(
            actor=actor,
            stream=_stream(exc.employee),
            change=Change(
                action="jobmap.exception.end",
                object_type="jobmap.exception",
                object_id=str(exc.pk),
                object_repr=exc.employee.name,
                before=before,
                after={"end": exc.end, "withdrawn": exc.withdrawn},
            ),
        )
    return exc
