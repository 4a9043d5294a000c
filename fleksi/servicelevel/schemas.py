"""Input and output shapes of the service-level API."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

from ninja import Field, Schema

from fleksi.common.apikit import Id, column
from fleksi.servicelevel.models import Complaint, SatisfactionSurvey, ServiceDaily

# An element average (the service rounds it to the column's 3 places).
Element = Annotated[Decimal, Field(max_digits=9, decimal_places=6)]


class ServiceOut(Schema):
    id: int
    code: str
    name: str
    unit_id: int
    unit_name: str
    processing_unit: str
    standard_max_processing: int
    standard_max_waiting_minutes: int | None
    standard_reference: str
    is_active: bool


class ServicePage(Schema):
    count: int
    limit: int
    offset: int
    items: list[ServiceOut]


class FigureIn(Schema):
    received: int = column(ServiceDaily, "received")
    completed: int = column(ServiceDaily, "completed")
    median_processing: Decimal | None = column(
        ServiceDaily, "median_processing", default=None, ge=0
    )
    median_waiting_minutes: Decimal | None = column(
        ServiceDaily, "median_waiting_minutes", default=None, ge=0
    )


class FigureBatchItem(FigureIn):
    service_id: Id
    day: date


class FigureBatchIn(Schema):
    items: list[FigureBatchItem] = Field(max_length=5000)


class FigureOut(Schema):
    service_id: int
    day: date
    received: int
    completed: int
    median_processing: Decimal | None
    median_waiting_minutes: Decimal | None
    source: str


class FigureList(Schema):
    service_id: int
    start: date
    end: date
    items: list[FigureOut]


class UpsertOut(Schema):
    created: int
    updated: int
    unchanged: int


class ComplaintIn(Schema):
    external_id: str = Field(max_length=64, min_length=1)
    received_on: date
    category: str = Field(max_length=120, min_length=1)
    status: str
    resolution_days: int | None = column(Complaint, "resolution_days", default=None)
    service_code: str = ""
    unit_code: str = ""


class ComplaintOut(Schema):
    id: int
    external_id: str
    received_on: date
    category: str
    status: str
    resolution_days: int | None
    service_id: int | None
    unit_id: int
    updated_at: datetime


class ComplaintPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[ComplaintOut]


class SurveyIn(Schema):
    service_id: Id | None = None
    unit_id: Id | None = None
    period_start: date
    period_end: date
    respondents: int = column(SatisfactionSurvey, "respondents", ge=1)
    elements: list[Element] = Field(min_length=9, max_length=9)


class SurveyOut(Schema):
    id: int
    service_id: int | None
    unit_id: int
    period_start: date
    period_end: date
    respondents: int
    elements: list[Decimal]
    index: Decimal
    grade: str


class SurveyPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[SurveyOut]


class AlertOut(Schema):
    id: int
    service_id: int
    service_code: str
    unit_id: int
    metric: str
    baseline_value: Decimal
    recent_value: Decimal
    change_pct: Decimal
    threshold_pct: int
    baseline_start: date
    baseline_end: date
    recent_start: date
    recent_end: date
    fired_on: date
    status: str
    draft_version_id: int | None
    trace: dict[str, Any]


class AlertPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[AlertOut]
