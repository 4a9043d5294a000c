"""Input and output schemas of ``/api/v1/schedule``."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from ninja import Field, Schema

from fleksi.common.apikit import Id

Weekday = Annotated[int, Field(ge=0, le=6)]


class PlanIn(Schema):
    """Which days: listed days, every working day of a period, or weekdays of a period."""

    mode: Literal["days", "range", "weekly"] = "days"
    days: list[date] = Field(default_factory=list, max_length=31)
    start: date | None = None
    end: date | None = None
    weekdays: list[Weekday] = Field(
        default_factory=list, max_length=7, description="0 = Monday … 4 = Friday"
    )


class OutputIn(Schema):
    description: str = Field(max_length=255)
    quantity: Decimal = Field(gt=0, max_digits=8, decimal_places=2)
    unit_of_measure: str = Field(max_length=40)
    due_date: date


class PlaceIn(Schema):
    kind: Literal["regular", "official_duty", "special_circumstances"] = Field(
        default="regular",
        description="regular: WFA; official_duty: dinas luar (exempt from the weekly maximum "
        "only with a surat tugas, given on the request page); special_circumstances: keadaan "
        "khusus (with evidence).",
    )
    location_type: Literal["home", "office", "approved_place"] = "home"
    office_id: Id | None = None
    place_id: Id | None = None


class PreviewIn(PlaceIn):
    plan: PlanIn


class SubmitIn(PlaceIn):
    plan: PlanIn
    reason: str = Field(default="", max_length=2000)
    outputs: list[OutputIn] = Field(min_length=1, max_length=5)


class PreviewDayOut(Schema):
    day: date
    verdict: str
    failures: list[str]
    warnings: list[str]


class PreviewOut(Schema):
    days: list[PreviewDayOut]
    skipped: list[date]


class RuleOut(Schema):
    rule: str
    article: str
    outcome: str
    code: str
    observed: Any = None
    limit: Any = None
    details: dict[str, Any] = Field(default_factory=dict)
    message_id: str = ""
    message_en: str = ""


class DayOut(Schema):
    day: date
    status: str
    verdict: str
    note: str
    decided_at: datetime | None
    rules: list[RuleOut]


class StepOut(Schema):
    id: int
    level: int
    approver_id: int
    approver_name: str
    via_unit_id: int
    via_unit_name: str
    status: str
    due_at: datetime
    acted_at: datetime | None
    comment: str


class OutputOut(OutputIn):
    pass


class RequestOut(Schema):
    id: int
    employee_id: int
    employee_name: str
    kind: str
    location_type: str
    office_id: int | None
    place_id: int | None
    desa_id: int | None
    reason: str
    reason_withheld: bool = Field(
        description="A reason was given but is not shown to the caller: only the employee,"
        " their approval chain and BKPSDM read it."
    )
    status: str
    submitted_at: datetime
    decided_at: datetime | None
    policy_version_id: int | None
    revises_id: int | None = None
    has_evidence: bool
    has_duty_letter: bool = Field(
        default=False,
        description="Dinas luar: a surat tugas (number, date, file) is on record; without one "
        "the days count towards the weekly maximum (PermenPANRB 4/2025 Pasal 13).",
    )
    days: list[DayOut]
    outputs: list[OutputOut]
    steps: list[StepOut]


class RequestSummaryOut(Schema):
    id: int
    kind: str
    location_type: str
    status: str
    submitted_at: datetime
    days: list[dict[str, str]]


class RequestPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[RequestSummaryOut]


class DecisionIn(Schema):
    comment: str = Field(default="", max_length=2000)
    days: list[date] | None = Field(default=None, description="omit: every waiting day")


class ReturnIn(Schema):
    comment: str = Field(max_length=2000)


class RecallIn(Schema):
    days: list[date] = Field(min_length=1, max_length=31)
    reason: str = Field(max_length=255)


class DaysOut(Schema):
    days: list[date]


class CountOut(Schema):
    count: int


class CoverageOut(Schema):
    day: date
    allowed: bool
    onsite_after: int | None
    minimum: int | None
    staffing_unit: str
    offsite_after: int | None
    quota: int | None
    quota_unit: str
    reasons: list[str]
    waiting_same_day: int


class InboxItemOut(Schema):
    step_id: int
    request_id: int
    employee_id: int
    employee_name: str
    unit_name: str
    kind: str
    location_type: str
    due_at: datetime
    overdue: bool
    days: list[CoverageOut]


class InboxPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[InboxItemOut]


class BoardUnitOut(Schema):
    unit_id: int
    role: str = Field(
        "",
        description="Empty for a unit's row; a service role (e.g. counter) for the row of "
        "that role's minimum in the unit, counting the unit's staff in that role.",
    )
    name: str
    is_public_service: bool
    people: int
    onsite: int
    wfa: int
    absent: int
    minimum: int | None
    quota: int | None
    shortfall: int


class BoardPersonOut(Schema):
    employee_id: int
    name: str
    presence: Literal["onsite", "wfa", "absent"]
    where: str
    absence: str


class BoardOut(Schema):
    unit_id: int
    unit_name: str
    day: date
    working_day: bool
    policy_version_id: int | None
    units: list[BoardUnitOut]
    people: list[BoardPersonOut]
    people_total: int


class CalendarDayOut(Schema):
    day: date
    status: str
    request_id: int
    location_type: str
