"""Input and output shapes of the output-supervision API."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from ninja import Field, Schema

from fleksi.common.apikit import Id, column
from fleksi.outputs.models import (
    OutputReport,
    PlannedOutput,
    SkpIndicator,
    SkpResult,
    Verification,
)


class IndicatorSchema(Schema):
    text: str = Field(max_length=500)
    target_quantity: Decimal = column(SkpIndicator, "target_quantity")
    target_unit: str = Field(max_length=40)
    target_quality_pct: int = column(SkpIndicator, "target_quality_pct", default=100)
    target_time_months: int = column(SkpIndicator, "target_time_months", default=12)


class RhkIn(Schema):
    number: int = column(SkpResult, "number")
    text: str = Field(max_length=500)
    kind: str = "main"
    parent_id: Id | None = None
    indicators: list[IndicatorSchema]


class RhkOut(Schema):
    id: int
    number: int
    kind: str
    text: str
    parent_id: int | None
    indicators: list[IndicatorSchema]


class SkpOut(Schema):
    id: int
    employee_id: int
    year: int
    status: str
    source: str
    results: list[RhkOut]


class OutputPlanIn(Schema):
    day: date
    description: str = Field(max_length=255)
    target_quantity: Decimal = column(PlannedOutput, "target_quantity")
    unit: str = Field(max_length=40)
    rhk_id: Id | None = None


class PlannedOut(Schema):
    id: int
    day: date
    description: str
    target_quantity: Decimal
    unit: str
    rhk_id: int | None
    source: str


class PlanLineOut(Schema):
    planned_output_id: int | None
    plan_item_id: int | None = Field(
        description="A WFA request's planned output not taken over yet"
    )
    description: str
    target: Decimal
    unit: str
    rhk_id: int | None
    report_id: int | None
    report_status: str | None


class DayPlanOut(Schema):
    employee_id: int
    day: date
    wfa: bool
    wfa_request_id: int | None
    lines: list[PlanLineOut]
    unplanned_report_ids: list[int]


class OutputReportIn(Schema):
    day: date
    quantity: Decimal = column(OutputReport, "quantity")
    description: str = Field(max_length=2000)
    planned_output_id: Id | None = None
    plan_item_id: Id | None = None
    unit: str = Field(default="", max_length=40, description="Only for unplanned work")
    rhk_id: Id | None = None
    evidence_url: str = Field(default="", max_length=500)


class OutputReportOut(Schema):
    id: int
    employee_id: int
    day: date
    planned_output_id: int | None
    rhk_id: int | None
    description: str
    quantity: Decimal
    unit: str
    evidence_name: str
    evidence_type: str
    evidence_size: int
    evidence_sha256: str
    evidence_url: str
    reported_at: datetime
    due_on: date
    late: bool
    status: str
    quality: int | None
    revision: int


class OutputInboxItemOut(Schema):
    report_id: int
    employee_id: int
    employee_name: str
    day: date
    description: str
    quantity: Decimal
    unit: str
    level: int
    due_at: datetime


class VerifyIn(Schema):
    decision: str = Field(description="accepted | returned | rejected")
    quality: int | None = column(
        Verification, "quality", default=None, description="0–100; required to accept"
    )
    comment: str = Field(default="", max_length=2000)


class VerificationOut(Schema):
    report_id: int
    level: int
    status: str
    quality: int | None
    comment: str
    acted_at: datetime | None


class AcceptIn(Schema):
    report_ids: list[Id]
    quality: int = column(Verification, "quality")
    comment: str = Field(default="", max_length=500)


class AcceptOut(Schema):
    accepted: int


class TallyOut(Schema):
    outputs: int
    achievement_pct: float | None
    reports: int
    unplanned: int
    on_time_pct: float | None
    quality_mean: float | None
    awaiting: int
    overdue: int
    wfa_days: int
    unreported_days: int


class PersonMeasuresOut(Schema):
    employee_id: int
    total: TallyOut
    wfa: TallyOut
    onsite: TallyOut


class MeasuresOut(Schema):
    month: str
    people: int
    total: TallyOut
    same_people: int = Field(description="People with planned outputs on WFA and on-site days")
    wfa_same_people: TallyOut
    onsite_same_people: TallyOut
    items: list[PersonMeasuresOut]
