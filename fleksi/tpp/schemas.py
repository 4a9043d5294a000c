from __future__ import annotations

from datetime import date

from ninja import Field, Schema


class LineOut(Schema):
    kind: str = Field(description="late, early, absent, unreported_wfa, missing_report, discipline")
    day: date | None
    minutes: int
    band: int = Field(description="1–4 for late and early (bands of minutes), else 0")
    rule: str = Field(description="the policy parameter that priced the incident")
    basis: str = Field(description="its legal basis (the PPK's choice in the Perbup)")
    nominal_bp: int = Field(description="deduction before the month's cap, basis points")
    applied_bp: int = Field(description="deduction taken, basis points of the full TPP")
    capped: bool


class ResultOut(Schema):
    employee_id: int
    month: str
    predikat: str = Field(description="the month's predikat; empty: not rated yet")
    performance_max_bp: int
    performance_bp: int
    attendance_max_bp: int
    deductions_bp: dict[str, int]
    attendance_bp: int
    total_bp: int = Field(description="performance + attendance, of 10,000 (the full TPP)")
    lines: list[LineOut]


class UnitRowOut(Schema):
    employee_id: int
    nip: str
    name: str
    unit: str
    perangkat_daerah: str
    predikat: str
    performance_bp: int
    deductions_bp: dict[str, int]
    attendance_bp: int
    total_bp: int


class TppUnitOut(Schema):
    unit_id: int
    unit: str
    month: str
    items: list[UnitRowOut]


class TppChangeOut(Schema):
    employee_id: int
    before_bp: int
    after_bp: int


class TppSimulationOut(Schema):
    version_id: int
    month: str
    people: int
    total_before_bp: int
    total_after_bp: int
    affected: int
    lower: int
    higher: int
    changed_rules: list[str]
    changes: list[TppChangeOut] = Field(description="the 500 largest changes")
