from __future__ import annotations

from ninja import Schema


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
