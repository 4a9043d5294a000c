"""Input and output shapes of the duty-mapping API."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from ninja import Field, Schema

from fleksi.common.apikit import Id, column
from fleksi.jobmap.models import Duty


class DutyIn(Schema):
    description: str = Field(max_length=1000)
    output: str = Field(max_length=255)
    time_share: Decimal = column(
        Duty,
        "time_share",
        description="Share of the position's working time, in percent.",
    )


class DutyOut(Schema):
    id: int
    position_id: int
    order: int
    description: str
    output: str
    time_share: Decimal


class AnswerIn(Schema):
    duty_id: Id
    criterion: str
    answer: bool | None = None
    reason: str = Field(default="", max_length=500)


class AssessmentDraftIn(Schema):
    answers: list[AnswerIn]


class AssessmentDecisionIn(Schema):
    comment: str = Field(default="", max_length=2000)


class AnswerOut(Schema):
    criterion: str
    answer: bool | None
    reason: str


class AssessedDutyOut(Schema):
    duty_id: int | None
    order: int
    description: str
    output: str
    time_share: Decimal
    suitable: bool | None
    answers: list[AnswerOut]


class AssessmentOut(Schema):
    id: int
    position_id: int
    version: int
    status: str
    is_current: bool
    criteria: list[str]
    created_at: datetime
    proposed_by: str | None
    proposed_at: datetime | None
    decided_by: str | None
    decided_at: datetime | None
    comment: str
    duties: list[AssessedDutyOut]


class CriterionOut(Schema):
    code: str
    label: str
    article: str


class PositionMappingOut(Schema):
    position_id: int
    position_code: str
    position_name: str
    unit_id: int
    position_class: str = Field(description="capable | partly | onsite | unassessed")
    duties_total: Decimal
    criteria: list[CriterionOut] = Field(description="The criteria in force.")
    current: AssessmentOut | None = Field(description="The approved assessment in force.")
    latest: AssessmentOut | None = Field(description="The latest round (may be the current).")


class PositionRowOut(Schema):
    id: int
    code: str
    name: str
    unit_id: int
    unit_name: str
    holders: int
    duties: int
    total_share: Decimal
    position_class: str
    progress: str = Field(description="none | draft | proposed | returned | approved")
    latest_version: int | None
    stale: bool


class UnitSummaryOut(Schema):
    unit_id: int
    unit_name: str
    positions: int
    assessed: int
    percent_assessed: int
    by_class: dict[str, int]
    by_progress: dict[str, int]
    count: int
    limit: int
    offset: int
    items: list[PositionRowOut]


class ExceptionIn(Schema):
    employee_id: Id
    kind: str = Field(description="special_circumstances | duty_in_public_service | other")
    reason: str = Field(max_length=1000)
    start: date
    end: date = Field(description="Last day (included).")
    override_class: str | None = Field(default=None, description="capable | partly | null")
    waives_unit_exclusion: bool = False


class ExceptionEndIn(Schema):
    last_day: date


class ExceptionOut(Schema):
    id: int
    employee_id: int
    employee_name: str
    kind: str
    reason: str
    start: date
    end: date
    override_class: str | None
    waives_unit_exclusion: bool
    withdrawn: bool
    granted_by: str | None
    created_at: datetime


class ExceptionPage(Schema):
    count: int
    withheld: int = Field(
        description="Exceptions of the subtree whose person, kind and reason are not shown"
        " to the caller (only their direct supervisor, their heads of unit and BKPSDM see"
        " them): counted here, not listed."
    )
    limit: int
    offset: int
    items: list[ExceptionOut]
