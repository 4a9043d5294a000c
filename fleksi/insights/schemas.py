"""Input and output shapes of the evaluation API."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ninja import Schema


class RowOut(Schema):
    id: int
    name: str
    indicators: dict[str, float | None]
    counts: dict[str, float]


class ChangeOut(Schema):
    indicator: str
    before: float | None
    after: float | None
    verdict: str


class ConcernOut(Schema):
    unit_id: int
    unit: str
    rule: str
    action: str
    values: dict[str, Any]
    reason: str
    recommendation: str


class DashboardOut(Schema):
    tier: str
    month: date
    unit_id: int | None
    wfa_start: date | None
    policy_version: str | None
    indicators: dict[str, float | None]
    counts: dict[str, float]
    trend: list[dict[str, Any]]
    before_after: list[ChangeOut]
    rows: list[RowOut]
    kecamatan: list[RowOut]
    concerns: list[ConcernOut]


class ReportIn(Schema):
    kind: str
    month: str  # YYYY-MM


class ReportOut(Schema):
    id: int
    kind: str
    period_start: date
    period_end: date
    status: str
    created_at: datetime
    finished_at: datetime | None
    pdf_sha256: str
    xlsx_sha256: str
    pdf_url: str | None
    xlsx_url: str | None
    error: str


class ReportPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[ReportOut]
