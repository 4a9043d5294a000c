"""Writes to the organisation. Each function owns its transaction and its audit entries."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import transaction
from django.forms.models import model_to_dict
from django.utils.translation import gettext as _

from fleksi.audit.services import (
    AGENCY_STREAM,
    Change,
    audit_record,
    audit_record_many,
    diff_values,
)
from fleksi.common.errors import ValidationFailed
from fleksi.org.domain.nip import check_employee_number
from fleksi.org.domain.structure import Person, build_paths, derive_supervisors
from fleksi.org.messages import nip_problem_message
from fleksi.org.models import ActingAssignment, Agency, Employee, Office, Position, Unit

EMPLOYEE_FIELDS = (
    "nip",
    "name",
    "asn_type",
    "sex",
    "birth_date",
    "position",
    "unit",
    "supervisor",
    "supervisor_overridden",
    "domicile",
    "tmt_appointment",
    "last_promotion_date",
    "last_transfer_date",
    "last_rotation_date",
    "discipline_status",
    "discipline_start",
    "discipline_end",
    "last_rating",
    "last_rating_year",
    "email",
    "is_active",
)


def unit_stream(unit: Unit | None) -> str:
    """The audit stream of a unit: one chain per perangkat daerah."""
    if unit is None:
        return AGENCY_STREAM
    root_id = unit.root_id or unit.pk
    return f"pd:{root_id}"


def snapshot(obj: Any, fields: Iterable[str]) -> dict[str, Any]:
    return model_to_dict(obj, fields=list(fields))


def agency_setup(*, actor: Any, code: str, name: str, short_name: str) -> Agency:
    with transaction.atomic():
        agency, created = Agency.objects.update_or_create(
            pk=1, defaults={"code": code, "name": name, "short_name": short_name}
        )
        audit_record(
            actor=actor,
            change=Change(
                action="org.agency.setup",
                object_type="org.agency",
                object_id="1",
                object_repr=name,
                after={"code": code, "name": name, "short_name": short_name, "created": created},
            ),
        )
    return agency


def agency_set_secretariat(*, actor: Any, unit: Unit) -> Agency:
    if not unit.is_perangkat_daerah:
        raise ValidationFailed(
            "secretariat_not_top", _("The regional secretariat must be a perangkat daerah.")
        )
    with transaction.atomic():
        agency = Agency.objects.select_for_update().get(pk=1)
        before = agency.secretariat_unit_id
        agency.secretariat_unit = unit
        agency.save(update_fields=["secretariat_unit"])
        audit_record(
            actor=actor,
            change=Change(
                action="org.agency.set_secretariat",
                object_type="org.agency",
                object_id="1",
                object_repr=agency.name,
                before={"secretariat_unit": before},
                after={"secretariat_unit": unit.pk},
            ),
        )
        supervisors_refresh(actor=actor)
    return agency


def units_rebuild_paths(unit_ids: Iterable[int] | None = None) -> int:
    """Recompute path, depth and root of units (all, or the given ones and what they need)."""
    parent_of = dict(Unit.objects.values_list("id", "parent_id"))
    computed = build_paths(parent_of)
    wanted = set(unit_ids) if unit_ids is not None else set(parent_of)
    changed: list[Unit] = []
    for unit in Unit.objects.filter(pk__in=wanted).only("id", "path", "depth", "root_id"):
        path, depth, root = computed[unit.pk]
        if (unit.path, unit.depth, unit.root_id) != (path, depth, root):
            unit.path, unit.depth, unit.root_id = path, depth, root
            changed.append(unit)
    Unit.objects.bulk_update(changed, ["path", "depth", "root"], batch_size=1000)
    return len(changed)


def _check_unit_parent(unit: Unit, parent: Unit | None) -> None:
    if parent is not None and unit.pk is not None and parent.path.startswith(unit.path):
        raise ValidationFailed(
            "unit_cycle", _("A unit cannot be placed under itself or one of its sub-units.")
        )


def unit_create(
    *,
    actor: Any,
    code: str,
    name: str,
    kind: str,
    parent: Unit | None = None,
    is_public_service: bool = False,
    kecamatan_id: int | None = None,
) -> Unit:
    with transaction.atomic():
        unit = Unit(
            code=code,
            name=name,
            kind=kind,
            parent=parent,
            is_public_service=is_public_service,
            kecamatan_id=kecamatan_id,
        )
        unit.full_clean(exclude=["root", "path"])
        unit.save()
        units_rebuild_paths([unit.pk])
        unit.refresh_from_db()
        audit_record(
            actor=actor,
            stream=unit_stream(unit),
            change=Change(
                action="org.unit.create",
                object_type="org.unit",
                object_id=str(unit.pk),
                object_repr=unit.name,
                after=snapshot(
                    unit, ["code", "name", "kind", "parent", "is_public_service", "kecamatan"]
                ),
            ),
        )
    return unit


def unit_update(*, actor: Any, unit: Unit, **changes: Any) -> Unit:
    allowed = {"name", "kind", "parent", "is_public_service", "kecamatan", "is_active"}
    unknown = set(changes) - allowed
    if unknown:
        raise TypeError(f"unit fields not editable: {sorted(unknown)}")
    with transaction.atomic():
        unit = Unit.objects.select_for_update().get(pk=unit.pk)
        before = snapshot(unit, allowed)
        if "parent" in changes:
            _check_unit_parent(unit, changes["parent"])
        for field, value in changes.items():
            setattr(unit, field, value)
        unit.full_clean(exclude=["root", "path"])
        unit.save()
        if "parent" in changes:
            units_rebuild_paths()
            supervisors_refresh(actor=actor)
        b, a = diff_values(before, snapshot(unit, allowed))
        if a:
            audit_record(
                actor=actor,
                stream=unit_stream(unit),
                change=Change(
                    action="org.unit.update",
                    object_type="org.unit",
                    object_id=str(unit.pk),
                    object_repr=unit.name,
                    before=b,
                    after=a,
                ),
            )
    return unit


def position_create(
    *,
    actor: Any,
    code: str,
    name: str,
    kind: str,
    unit: Unit,
    level: str = "",
    is_head: bool = False,
) -> Position:
    with transaction.atomic():
        position = Position(
            code=code, name=name, kind=kind, unit=unit, level=level, is_head=is_head
        )
        position.full_clean()
        position.save()
        audit_record(
            actor=actor,
            stream=unit_stream(unit),
            change=Change(
                action="org.position.create",
                object_type="org.position",
                object_id=str(position.pk),
                object_repr=name,
                after=snapshot(position, ["code", "name", "kind", "level", "unit", "is_head"]),
            ),
        )
    return position


def employee_validate(employee: Employee) -> None:
    """Check an employee record as a whole; raises :class:`ValidationFailed` with field errors."""
    errors: dict[str, list[str]] = {}
    for problem in check_employee_number(
        employee.nip, asn_type=employee.asn_type, birth_date=employee.birth_date, sex=employee.sex
    ):
        errors.setdefault("nip", []).append(nip_problem_message(problem))
    if employee.position_id and employee.unit_id and employee.position.unit_id != employee.unit_id:
        errors.setdefault("position", []).append(
            _("The position belongs to another unit than the employee's unit.")
        )
    if employee.supervisor_id is not None and employee.supervisor_id == employee.pk:
        errors.setdefault("supervisor", []).append(_("An employee cannot supervise themselves."))
    if employee.discipline_status != Employee.Discipline.NONE and not employee.discipline_start:
        errors.setdefault("discipline_start", []).append(
            _("Give the date the disciplinary status started.")
        )
    if errors:
        raise ValidationFailed(
            "employee_invalid", _("The employee data is not valid."), errors=errors
        )


def employee_create(*, actor: Any, **fields: Any) -> Employee:
    with transaction.atomic():
        employee = Employee(**fields)
        employee.full_clean(exclude=["supervisor"])
        employee_validate(employee)
        employee.save()
        audit_record(
            actor=actor,
            stream=unit_stream(employee.unit),
            change=Change(
                action="org.employee.create",
                object_type="org.employee",
                object_id=str(employee.pk),
                object_repr=employee.name,
                after=snapshot(employee, EMPLOYEE_FIELDS),
            ),
        )
        if not employee.supervisor_overridden:
            supervisors_refresh(actor=actor, employee_ids=[employee.pk])
    return employee


def employee_update(*, actor: Any, employee: Employee, **changes: Any) -> Employee:
    unknown = set(changes) - set(EMPLOYEE_FIELDS)
    if unknown:
        raise TypeError(f"employee fields not editable: {sorted(unknown)}")
    with transaction.atomic():
        employee = Employee.objects.select_for_update().get(pk=employee.pk)
        before = snapshot(employee, EMPLOYEE_FIELDS)
        for field, value in changes.items():
            setattr(employee, field, value)
        if "supervisor" in changes:
            employee.supervisor_overridden = changes["supervisor"] is not None
        employee.full_clean(exclude=["supervisor"])
        employee_validate(employee)
        employee.save()
        b, a = diff_values(before, snapshot(employee, EMPLOYEE_FIELDS))
        if a:
            audit_record(
                actor=actor,
                stream=unit_stream(employee.unit),
                change=Change(
                    action="org.employee.update",
                    object_type="org.employee",
                    object_id=str(employee.pk),
                    object_repr=employee.name,
                    before=b,
                    after=a,
                ),
            )
        structural = {"unit", "position", "is_active", "supervisor"}
        if structural & set(a):
            supervisors_refresh(actor=actor)
    return employee


def supervisors_refresh(*, actor: Any, employee_ids: Iterable[int] | None = None) -> int:
    """Re-derive the supervisor of every employee whose supervisor follows the structure.

    Set-based: one read of the structure, one bulk update of the rows that change. Returns
    the number of employees whose supervisor changed (each change is audited).
    """
    parent_of = dict(Unit.objects.values_list("id", "parent_id"))
    head_of_unit: dict[int, int] = {}
    for emp_id, unit_id in (
        Employee.objects.filter(is_active=True, position__is_head=True)
        .order_by("id")
        .values_list("id", "unit_id")
    ):
        head_of_unit.setdefault(unit_id, emp_id)
    agency = Agency.objects.filter(pk=1).first()
    qs = Employee.objects.filter(supervisor_overridden=False)
    if employee_ids is not None:
        qs = qs.filter(pk__in=list(employee_ids))
    rows = list(
        qs.values_list("id", "unit_id", "position__is_head", "supervisor_id", "unit__root_id")
    )
    people = [Person(r[0], r[1], r[2]) for r in rows]
    derived = derive_supervisors(
        parent_of=parent_of,
        head_of_unit=head_of_unit,
        people=people,
        secretariat_unit_id=agency.secretariat_unit_id if agency else None,
    )
    changed = [
        Employee(pk=emp_id, supervisor_id=derived[emp_id])
        for emp_id, _u, _h, current, _r in rows
        if derived[emp_id] != current
    ]
    with transaction.atomic():
        Employee.objects.bulk_update(changed, ["supervisor"], batch_size=1000)
        root_of = {r[0]: r[4] for r in rows}
        current_of = {r[0]: r[3] for r in rows}
        by_stream: dict[str, list[Change]] = {}
        for emp in changed:
            by_stream.setdefault(f"pd:{root_of[emp.pk]}", []).append(
                Change(
                    action="org.employee.supervisor_derived",
                    object_type="org.employee",
                    object_id=str(emp.pk),
                    before={"supervisor": current_of[emp.pk]},
                    after={"supervisor": emp.supervisor_id},
                )
            )
        for stream, changes in by_stream.items():
            audit_record_many(actor=actor, stream=stream, changes=changes)
    return len(changed)


def acting_assignment_create(
    *,
    actor: Any,
    unit: Unit,
    employee: Employee,
    kind: str,
    start_date: date,
    end_date: date,
    decree: str = "",
) -> ActingAssignment:
    if end_date < start_date:
        raise ValidationFailed("acting_dates", _("The end date is before the start date."))
    with transaction.atomic():
        overlapping = ActingAssignment.objects.select_for_update().filter(
            unit=unit, kind=kind, start_date__lte=end_date, end_date__gte=start_date
        )
        if overlapping.exists():
            raise ValidationFailed(
                "acting_overlap",
                _("Another acting official of the same kind is already assigned in that period."),
            )
        assignment = ActingAssignment.objects.create(
            unit=unit,
            employee=employee,
            kind=kind,
            start_date=start_date,
            end_date=end_date,
            decree=decree,
        )
        audit_record(
            actor=actor,
            stream=unit_stream(unit),
            change=Change(
                action="org.acting.create",
                object_type="org.acting",
                object_id=str(assignment.pk),
                object_repr=str(assignment),
                after={
                    "unit": unit.pk,
                    "employee": employee.pk,
                    "kind": kind,
                    "start_date": start_date,
                    "end_date": end_date,
                    "decree": decree,
                },
            ),
        )
    return assignment


def office_create(
    *,
    actor: Any,
    unit: Unit,
    name: str,
    latitude: float,
    longitude: float,
    desa_id: int | None = None,
    address: str = "",
    geofence_radius_m: int | None = None,
) -> Office:
    with transaction.atomic():
        office = Office(
            unit=unit,
            name=name,
            latitude=latitude,
            longitude=longitude,
            desa_id=desa_id,
            address=address,
            geofence_radius_m=geofence_radius_m,
        )
        office.full_clean()
        office.save()
        audit_record(
            actor=actor,
            stream=unit_stream(unit),
            change=Change(
                action="org.office.create",
                object_type="org.office",
                object_id=str(office.pk),
                object_repr=name,
                after=snapshot(
                    office,
                    [
                        "unit",
                        "name",
                        "address",
                        "desa",
                        "latitude",
                        "longitude",
                        "geofence_radius_m",
                    ],
                ),
            ),
        )
    return office
