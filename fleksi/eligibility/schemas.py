from __future__ import annotations

from datetime import date
from typing import Any

from ninja import Schema


class TraceOut(Schema):
    rule: str
    article: str
    outcome: str
    code: str
    observed: Any
    limit: Any
    details: dict[str, Any]
    message_id: str
    message_en: str


class EligibilityOut(Schema):
    employee_id: int
    day: date
    verdict: str
    policy_version_id: int | None
    regulation_number: str | None
    trace: list[TraceOut]


class CountsOut(Schema):
    key: str
    name: str
    total: int
    before: int
    after: int


class ChangeOut(Schema):
    employee_id: int
    gains: bool
    rules: list[str]


class CapacityOut(Schema):
    perangkat_daerah_id: int
    name: str
    headcount: int
    eligible_before: int
    eligible_after: int
    capacity_before: int
    capacity_after: int


class SimulationOut(Schema):
    version_id: int
    compared_with_id: int | None
    day: date
    total: int
    eligible_before: int
    eligible_after: int
    by_perangkat_daerah: list[CountsOut]
    by_kecamatan: list[CountsOut]
    by_asn_type: list[CountsOut]
    capacity: list[CapacityOut]
    changes: list[ChangeOut]
    seconds: float
