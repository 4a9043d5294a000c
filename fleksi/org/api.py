from __future__ import annotations

from typing import Any

from django.db.models import Count
from django.http import HttpRequest
from ninja import Query, Router, Schema

from fleksi.accounts.permissions import (
    access_employee,
    access_unit,
    employees_visible_to,
    scope_for,
    units_visible_to,
)
from fleksi.common.apikit import Id, Limit, Offset
from fleksi.org.models import Employee
from fleksi.org.schemas import EmployeeOut, EmployeePage, UnitNode, UnitOut
from fleksi.org.selectors import employee_search

router = Router(tags=["organisation"])
MAX_LIMIT = 200


PERSONAL_DETAILS = ("nip", "birth_date", "domicile_code", "discipline_status")
PERSONAL_DATES = ("discipline_start", "discipline_end")


def _employee_out(e: Employee, details: bool) -> dict[str, Any]:
    out = {
        **{
            f: getattr(e, f)
            for f in (
                "id",
                "nip",
                "name",
                "asn_type",
                "sex",
                "birth_date",
                "supervisor_id",
                "supervisor_overridden",
                "tmt_appointment",
                "last_promotion_date",
                "last_transfer_date",
                "last_rotation_date",
                "discipline_status",
                "discipline_start",
                "discipline_end",
                "last_rating",
                "last_rating_year",
                "is_active",
            )
        },
        "position": e.position,
        "unit": e.unit,
        "domicile_code": e.domicile.code if e.domicile is not None else None,
        "details_withheld": not details,
    }
    if not details:
        out.update(dict.fromkeys(PERSONAL_DETAILS + PERSONAL_DATES))
    return out


@router.get("/units", response=list[UnitNode], summary="Units visible to you, as a tree")
def unit_tree(request: HttpRequest) -> list[dict[str, Any]]:
    units = list(
        units_visible_to(request.user)  # type: ignore[arg-type]
        .select_related("kecamatan")
        .order_by("path")
    )
    nodes: dict[int, dict[str, Any]] = {}
    roots: list[dict[str, Any]] = []
    for u in units:
        node: dict[str, Any] = {
            "id": u.pk,
            "code": u.code,
            "name": u.name,
            "kind": u.kind,
            "is_public_service": u.is_public_service,
            "parent_id": u.parent_id,
            "kecamatan_code": u.kecamatan.code if u.kecamatan is not None else None,
            "children": [],
        }
        nodes[u.pk] = node
        parent = nodes.get(u.parent_id) if u.parent_id else None
        (parent["children"] if parent else roots).append(node)
    return roots


@router.get("/units/{unit_id}", response=UnitOut, summary="One unit")
def unit_detail(request: HttpRequest, unit_id: Id) -> dict[str, Any]:
    unit = access_unit(request.user, unit_id)  # type: ignore[arg-type]
    n = Employee.objects.filter(unit__path__startswith=unit.path, is_active=True).aggregate(
        n=Count("id")
    )["n"]
    return {
        "id": unit.pk,
        "code": unit.code,
        "name": unit.name,
        "kind": unit.kind,
        "is_public_service": unit.is_public_service,
        "parent_id": unit.parent_id,
        "perangkat_daerah": unit.root if unit.root_id != unit.pk else None,
        "kecamatan_code": unit.kecamatan.code if unit.kecamatan is not None else None,
        "n_employees": n,
    }


class EmployeeFilters(Schema):
    q: str = ""
    unit_id: Id | None = None
    asn_type: str = ""
    active: bool | None = True
    limit: Limit = 50
    offset: Offset = 0


@router.get("/employees", response=EmployeePage, summary="Employees visible to you")
def employee_list(request: HttpRequest, filters: Query[EmployeeFilters]) -> dict[str, Any]:
    user = request.user
    qs = employees_visible_to(user)  # type: ignore[arg-type]
    unit = None
    if filters.unit_id is not None:
        unit = access_unit(user, filters.unit_id)  # type: ignore[arg-type]
    scope = scope_for(user)  # type: ignore[arg-type]
    if filters.q.strip().isdigit():
        # A NIP begins with the birth date: searching by it is for those who may read it.
        qs = qs.filter(scope.personal_details_q())
    qs = employee_search(
        qs, text=filters.q, unit=unit, asn_type=filters.asn_type, active=filters.active
    )
    limit = max(1, min(filters.limit, MAX_LIMIT))
    offset = max(0, filters.offset)
    page = list(
        qs.select_related("position", "unit", "domicile").order_by("name", "nip")[
            offset : offset + limit
        ]
    )
    return {
        "count": qs.count(),
        "limit": limit,
        "offset": offset,
        "items": [_employee_out(e, scope.sees_personal_details_of(e)) for e in page],
    }


@router.get("/employees/{employee_id}", response=EmployeeOut, summary="One employee")
def employee_detail(request: HttpRequest, employee_id: Id) -> dict[str, Any]:
    employee = access_employee(request.user, employee_id)  # type: ignore[arg-type]
    details = scope_for(request.user).sees_personal_details_of(employee)  # type: ignore[arg-type]
    return _employee_out(employee, details)
