"""Planning a day: own planned outputs, taking over a WFA request's planned output, and
linking a planned output to an SKP result (RHK)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fleksi.common.errors import Conflict, NotAllowed, ValidationFailed
from fleksi.org.models import Employee
from fleksi.outputs.models import PlannedOutput, SkpResult
from fleksi.outputs.selectors.plans import item_day
from fleksi.outputs.services.common import audit
from fleksi.schedule.models import WorkPlanItem

PLAN_DAYS_BACK = 31
PLAN_DAYS_AHEAD = 92
MAX_QUANTITY = Decimal("999999.99")


def require_own(actor: Any, employee: Employee) -> None:
    if getattr(actor, "employee_id", None) != employee.pk:
        raise NotAllowed("not_own", _("Only the employee plans and reports their own work."))


def check_rhk(employee: Employee, day: date, rhk: SkpResult | None) -> None:
    if rhk is None:
        return
    skp = rhk.skp
    if skp.employee_id != employee.pk or skp.year != day.year:
        text = _("Choose a result of your own SKP for %(year)d.") % {"year": day.year}
        raise ValidationFailed("rhk_not_own", text, errors={"rhk": [text]})


def planned_output_create(
    *,
    actor: Any,
    employee: Employee,
    day: date,
    description: str,
    target_quantity: Decimal,
    unit: str,
    rhk: SkpResult | None = None,
) -> PlannedOutput:
    """An output the employee plans for a day (optional on site, added to a WFA day's plan)."""
    require_own(actor, employee)
    today = timezone.localdate()
    errors: dict[str, list[str]] = {}
    if not today - timedelta(days=PLAN_DAYS_BACK) <= day <= today + timedelta(days=PLAN_DAYS_AHEAD):
        errors["day"] = [
            _("Plan days from %(back)d days ago to %(ahead)d days ahead.")
            % {"back": PLAN_DAYS_BACK, "ahead": PLAN_DAYS_AHEAD}
        ]
    if not description.strip():
        errors["description"] = [_("Say what you will deliver.")]
    if not unit.strip():
        errors["unit"] = [_("Give a unit of measure (document, report, letter…).")]
    if not Decimal(0) < target_quantity <= MAX_QUANTITY:
        errors["target_quantity"] = [_("The target must be more than zero.")]
    if errors:
        raise ValidationFailed(
            "plan_invalid", _("The planned output is not complete."), errors=errors
        )
    check_rhk(employee, day, rhk)
    with transaction.atomic():
        planned = PlannedOutput.objects.create(
            employee=employee,
            day=day,
            description=description.strip()[:255],
            target_quantity=target_quantity,
            unit=unit.strip()[:40],
            rhk=rhk,
            source=PlannedOutput.Source.OWN,
            created_by=actor,
        )
        audit(
            actor,
            employee,
            "plan.create",
            "planned_output",
            planned.pk,
            after={
                "day": day,
                "description": planned.description,
                "target": target_quantity,
                "unit": planned.unit,
                "rhk": rhk.pk if rhk else None,
            },
        )
    return planned


def planned_output_delete(*, actor: Any, planned: PlannedOutput) -> None:
    """Remove an own planned output that has no report (a request's output stays planned)."""
    employee = planned.employee
    require_own(actor, employee)
    if planned.source != PlannedOutput.Source.OWN:
        raise Conflict("plan_from_request", _("Outputs of an approved WFA request stay planned."))
    with transaction.atomic():
        if PlannedOutput.objects.filter(pk=planned.pk, report__isnull=False).exists():
            raise Conflict("plan_reported", _("This output has a report and cannot be removed."))
        audit(
            actor,
            employee,
            "plan.delete",
            "planned_output",
            planned.pk,
            before={"day": planned.day, "description": planned.description},
        )
        planned.delete()


def take_over(actor: Any, employee: Employee, item: WorkPlanItem) -> PlannedOutput:
    """The planned output row of a request's plan item (created the first time; inside the
    caller's transaction). Idempotent: a second call returns the same row."""
    if item.request.employee_id != employee.pk:
        raise NotAllowed("not_own", _("Only the employee plans and reports their own work."))
    existing = PlannedOutput.objects.filter(plan_item=item).first()
    if existing is not None:
        return existing
    day = item_day(item)
    if day is None:
        raise Conflict("no_wfa_day", _("This WFA request has no approved day."))
    try:
        with transaction.atomic():
            planned = PlannedOutput.objects.create(
                employee=employee,
                day=day,
                description=item.description,
                target_quantity=item.quantity,
                unit=item.unit_of_measure,
                source=PlannedOutput.Source.REQUEST,
                plan_item=item,
                created_by=actor,
            )
    except IntegrityError:  # taken over at the same moment by another request of the user
        return PlannedOutput.objects.get(plan_item=item)
    audit(
        actor,
        employee,
        "plan.take_over",
        "planned_output",
        planned.pk,
        after={"day": day, "plan_item": item.pk, "request": item.request_id},
    )
    return planned


def planned_output_take_over(
    *, actor: Any, employee: Employee, item: WorkPlanItem
) -> PlannedOutput:
    require_own(actor, employee)
    with transaction.atomic():
        return take_over(actor, employee, item)


def planned_output_set_rhk(
    *, actor: Any, planned: PlannedOutput, rhk: SkpResult | None
) -> PlannedOutput:
    employee = planned.employee
    require_own(actor, employee)
    check_rhk(employee, planned.day, rhk)
    with transaction.atomic():
        before = planned.rhk_id
        planned.rhk = rhk
        planned.save(update_fields=["rhk"])
        audit(
            actor,
            employee,
            "plan.rhk",
            "planned_output",
            planned.pk,
            before={"rhk": before},
            after={"rhk": rhk.pk if rhk else None},
        )
    return planned
