"""Reads of the organisation: unit subtrees, heads of units, employees."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db.models import Count, Q, QuerySet

from fleksi.org.models import ActingAssignment, Agency, Employee, Unit


def agency_get() -> Agency | None:
    return Agency.objects.filter(pk=1).first()


def unit_subtree(unit: Unit) -> QuerySet[Unit]:
    """The unit and every unit below it (one indexed prefix query)."""
    return Unit.objects.filter(path__startswith=unit.path)


def unit_ancestors(unit: Unit) -> list[Unit]:
    """From the perangkat daerah down to the unit's parent."""
    ids = [int(part) for part in unit.path.split(".") if part][:-1]
    by_id = Unit.objects.in_bulk(ids)
    return [by_id[i] for i in ids if i in by_id]


def subtree_q(paths: Iterable[str], field: str = "path") -> Q:
    """A filter matching any unit (or any row through ``field``) under one of ``paths``."""
    q = Q(pk__in=[])
    for path in paths:
        q |= Q(**{f"{field}__startswith": path})
    return q


def unit_list_top() -> QuerySet[Unit]:
    return Unit.objects.filter(parent__isnull=True).order_by("kind", "name")


def unit_children_with_counts(unit: Unit) -> QuerySet[Unit]:
    return (
        Unit.objects.filter(parent=unit)
        .annotate(n_employees=Count("employees", filter=Q(employees__is_active=True)))
        .order_by("name")
    )


def unit_head_holder(unit: Unit) -> Employee | None:
    """The active employee holding the unit's head position (definitive, not acting)."""
    return (
        Employee.objects.filter(unit=unit, position__is_head=True, is_active=True)
        .select_related("position")
        .first()
    )


def unit_acting_on(unit: Unit, day: date) -> ActingAssignment | None:
    return (
        ActingAssignment.objects.filter(unit=unit, start_date__lte=day, end_date__gte=day)
        .select_related("employee")
        .order_by("kind", "-start_date")  # a Plh stands in for a Plt too
        .first()
    )


def unit_head_on(unit: Unit, day: date) -> Employee | None:
    """Who acts as head of ``unit`` on ``day``: an active Plt/Plh, else the definitive head."""
    acting = unit_acting_on(unit, day)
    if acting is not None:
        return acting.employee
    return unit_head_holder(unit)


def units_headed_by(employee: Employee, day: date) -> list[Unit]:
    """Units the employee heads on ``day``: their own if they hold its head position, plus
    units where they are the acting official."""
    units: list[Unit] = []
    if employee.is_active and employee.position.is_head:
        units.append(employee.unit)
    acting_ids = ActingAssignment.objects.filter(
        employee=employee, start_date__lte=day, end_date__gte=day
    ).values_list("unit_id", flat=True)
    units.extend(Unit.objects.filter(pk__in=list(acting_ids)).exclude(pk__in=[u.pk for u in units]))
    return units


def employee_search(
    qs: QuerySet[Employee],
    *,
    text: str = "",
    unit: Unit | None = None,
    asn_type: str = "",
    active: bool | None = True,
) -> QuerySet[Employee]:
    """Narrow an (already scoped) employee query set by the usual filters."""
    if text:
        text = text.strip()
        qs = qs.filter(nip__startswith=text) if text.isdigit() else qs.filter(name__icontains=text)
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    if asn_type:
        qs = qs.filter(asn_type=asn_type)
    if active is not None:
        qs = qs.filter(is_active=active)
    return qs


def employee_get(employee_id: int) -> Employee:
    return Employee.objects.select_related(
        "unit", "unit__root", "position", "supervisor", "domicile", "domicile__kecamatan"
    ).get(pk=employee_id)
