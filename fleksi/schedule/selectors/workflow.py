"""Resolving approvers from the approval rules (data) and the organisation on a day."""

from __future__ import annotations

from datetime import date

from fleksi.org.models import Agency, Employee, Unit
from fleksi.org.selectors import unit_head_on
from fleksi.schedule.models import ApprovalRule

DEFAULT_ROUTE = {
    "staff": ["unit_head"],
    "subunit_head": ["parent_head"],
    "pd_head": ["sekda"],
}


def applies_to(employee: Employee) -> str:
    if employee.position.is_head and employee.position.unit_id == employee.unit_id:
        return "pd_head" if employee.unit.parent_id is None else "subunit_head"
    return "staff"


def route_for(employee: Employee) -> list[str]:
    """The resolvers, in order, for this employee (from the approval rules table)."""
    kind = applies_to(employee)
    rules = list(
        ApprovalRule.objects.filter(applies_to=kind)
        .order_by("order")
        .values_list("resolver", flat=True)
    )
    return rules or DEFAULT_ROUTE[kind]


def _sekda(day: date) -> tuple[Employee, Unit] | None:
    agency = Agency.objects.select_related("secretariat_unit").filter(pk=1).first()
    if agency is None or agency.secretariat_unit is None:
        return None
    head = unit_head_on(agency.secretariat_unit, day)
    return (head, agency.secretariat_unit) if head is not None else None


def head_at_or_above(unit: Unit | None, day: date, *, not_: int) -> tuple[Employee, Unit] | None:
    """The nearest head from ``unit`` upwards who is not employee ``not_`` (vacant posts and
    the employee's own post are skipped; above the perangkat daerah comes the Sekda)."""
    while unit is not None:
        head = unit_head_on(unit, day)
        if head is not None and head.pk != not_:
            return head, unit
        unit = unit.parent
    sekda = _sekda(day)
    if sekda is not None and sekda[0].pk != not_:
        return sekda
    return None


def resolve(resolver: str, employee: Employee, day: date) -> tuple[Employee, Unit] | None:
    """Who approves for ``employee`` on ``day`` — never the employee themself."""
    if resolver == "sekda":
        found = _sekda(day)
        if found is not None and found[0].pk != employee.pk:
            return found
        return None
    if resolver == "parent_head":
        return head_at_or_above(employee.unit.parent, day, not_=employee.pk)
    return head_at_or_above(employee.unit, day, not_=employee.pk)


def first_approver(employee: Employee, day: date) -> tuple[Employee, Unit] | None:
    for resolver in route_for(employee):
        found = resolve(resolver, employee, day)
        if found is not None:
            return found
    return None


def next_level(
    via_unit: Unit, employee: Employee, day: date, *, current: int
) -> tuple[Employee, Unit] | None:
    """The approver one level above the current one (for escalation)."""
    found = head_at_or_above(via_unit.parent, day, not_=employee.pk)
    if found is not None and found[0].pk == current:
        return head_at_or_above(found[1].parent, day, not_=employee.pk)
    if found is None and via_unit.parent is None:
        sekda = _sekda(day)
        if sekda is not None and sekda[0].pk not in (current, employee.pk):
            return sekda
        return None
    return found
