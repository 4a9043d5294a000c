from __future__ import annotations

from datetime import date

from ninja import Field, Schema


class UnitRef(Schema):
    id: int
    code: str
    name: str


class UnitNode(Schema):
    id: int
    code: str
    name: str
    kind: str
    is_public_service: bool
    parent_id: int | None
    kecamatan_code: str | None = None
    children: list[UnitNode] = Field(default_factory=list)


class UnitOut(Schema):
    id: int
    code: str
    name: str
    kind: str
    is_public_service: bool
    parent_id: int | None
    perangkat_daerah: UnitRef | None
    kecamatan_code: str | None
    n_employees: int


class PositionOut(Schema):
    id: int
    code: str
    name: str
    kind: str
    level: str
    is_head: bool


class EmployeeOut(Schema):
    """One employee. ``details_withheld``: the caller sees the person but not their personal
    details (NIP, birth date, domicile, disciplinary status are null): see
    ``Scope.sees_personal_details_of``."""

    id: int
    nip: str | None
    name: str
    asn_type: str
    sex: str
    birth_date: date | None
    position: PositionOut
    unit: UnitRef
    supervisor_id: int | None
    supervisor_overridden: bool
    domicile_code: str | None
    tmt_appointment: date
    last_promotion_date: date | None
    last_transfer_date: date | None
    last_rotation_date: date | None
    discipline_status: str | None
    discipline_start: date | None
    discipline_end: date | None
    last_rating: str
    last_rating_year: int | None
    is_active: bool
    details_withheld: bool


class EmployeePage(Schema):
    count: int
    limit: int
    offset: int
    items: list[EmployeeOut]
