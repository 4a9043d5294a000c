"""Input and output schemas of ``/api/v1/roster``."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from ninja import Field, Schema

from fleksi.common.apikit import Id


class PreferenceDayIO(Schema):
    day: date
    kind: Literal["wish", "avoid"]
    reason: Literal["care", "health", "commute", "other"]


class PreferenceIn(Schema):
    month: str = Field(description="YYYY-MM", pattern=r"^\d{4}-\d{2}$")
    note: str = Field(default="", max_length=255)
    days: list[PreferenceDayIO] = Field(default_factory=list, max_length=31)


class RosterPreferenceOut(Schema):
    month: date
    note: str
    days: list[PreferenceDayIO]
    working_days: list[date]


class GenerateIn(Schema):
    unit_id: Id
    month: str = Field(description="YYYY-MM", pattern=r"^\d{4}-\d{2}$")
    relax_shortfalls: bool = False


class RosterOut(Schema):
    id: int
    unit_id: int
    unit_name: str
    month: date
    status: str
    progress: str
    progress_pct: int
    time_limit_s: int
    policy_version_id: int | None
    created_at: datetime
    finished_at: datetime | None
    published_at: datetime | None
    error: str
    result: dict[str, Any]
    explanations: list[str]


class CellOut(Schema):
    employee_id: int
    day: date
    placement: str
    fixed: bool
    edited: bool
    request_id: int | None


class CellPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[CellOut]


class CellIn(Schema):
    employee_id: Id
    day: date
    placement: Literal["wfa", "onsite"]
