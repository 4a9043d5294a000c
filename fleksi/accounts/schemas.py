from __future__ import annotations

from datetime import datetime

from ninja import Field, Schema


class MeEmployee(Schema):
    id: int
    nip: str
    name: str
    unit_id: int
    unit_name: str
    position_name: str
    supervisor_id: int | None


class MeOut(Schema):
    username: str
    display_name: str
    language: str
    roles: list[str]
    permissions: list[str]
    employee: MeEmployee | None
    headed_unit_ids: list[int]


class RoleAssignmentOut(Schema):
    id: int
    user_id: int
    username: str
    display_name: str
    role: str
    role_label: str
    unit_id: int | None
    unit_name: str | None
    valid_from: datetime
    valid_until: datetime | None
    granted_by: str | None
    grant_reason: str
    revoked_by: str | None
    revoke_reason: str


class RoleAssignmentPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[RoleAssignmentOut]


class RoleAssignmentFilters(Schema):
    current: bool = Field(True, description="only the assignments in force now")
    held_at: datetime | None = Field(None, description="only those in force at this moment")
    q: str = Field("", max_length=150, description="a name, NIP or username")
    role: str = Field("", max_length=20)
    limit: int = Field(50, ge=1, le=200)
    offset: int = Field(0, ge=0, le=10_000_000)


class RoleAssignIn(Schema):
    account: str = Field(..., min_length=1, max_length=150, description="NIP or username")
    role: str = Field(..., max_length=20)
    unit_id: int | None = Field(None, ge=1, le=2**63 - 1)
    reason: str = Field(..., min_length=1, max_length=300, description="basis, e.g. the SK")


class RoleRevokeIn(Schema):
    reason: str = Field(..., min_length=1, max_length=300)
