"""Bodies and answers of ``/api/v1/worktime``."""

from __future__ import annotations

from datetime import date, datetime

from ninja import Schema


class ShiftIn(Schema):
    employee_id: int
    day: date
    shift: str  # a shift code of the pattern; "" for a day off


class RosterIn(Schema):
    unit_id: int
    month: str  # YYYY-MM
    pattern: str
    min_staff: dict[str, int] = {}
    shifts: list[ShiftIn]


class ShiftOut(Schema):
    employee_id: int
    name: str
    day: date
    shift: str


class DutyRosterOut(Schema):
    id: int
    unit_id: int
    unit: str
    month: str
    pattern: str
    status: str
    min_staff: dict[str, int]
    published_at: datetime | None
    shifts: list[ShiftOut]


class RosterListItem(Schema):
    id: int
    unit_id: int
    unit: str
    month: str
    pattern: str
    status: str


class ProblemOut(Schema):
    line: int
    column: str
    code: str
    message: str


class ImportOut(Schema):
    applied: bool
    rows: int
    shifts: int
    problems: list[ProblemOut]


class SwapIn(Schema):
    day: date
    other_id: int
    reason: str = ""


class SwapOut(Schema):
    id: int
    roster_id: int
    day: date
    requester_id: int
    other_id: int
    status: str
    reason: str


class SwapDecisionIn(Schema):
    approve: bool
