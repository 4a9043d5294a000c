"""Input and output shapes of the evaluation API."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ninja import Field, Schema


class RowOut(Schema):
    id: int
    name: str
    indicators: dict[str, float | None]
    counts: dict[str, float]


class InsightChangeOut(Schema):
    indicator: str = Field(description="The indicator's key (as in ``indicators``).")
    before: float | None = Field(description="The ratio of the sums of the months before.")
    after: float | None = Field(description="The same from the month WFA started on.")
    verdict: str = Field(
        description="better, worse, same (within the indicator's margin), unknown (a side "
        "without figures), or empty when no direction is better (WFA use)."
    )


class ConcernOut(Schema):
    unit_id: int
    unit: str
    rule: str = Field(
        description="service_degraded, achievement_low, attendance_low or readiness_low."
    )
    action: str = Field(description="What to tighten, as a key; ``recommendation`` says it.")
    values: dict[str, Any]
    reason: str
    recommendation: str


class DashboardOut(Schema):
    tier: str = Field(description="regency, inspektorat, perangkat_daerah or unit.")
    month: date = Field(description="The first day of the month shown.")
    unit_id: int | None = Field(description="The unit of a unit dashboard (else null).")
    wfa_start: date | None = Field(description="Where before ends and after begins.")
    policy_version: str | None = Field(description="The policy in force in the month.")
    indicators: dict[str, float | None] = Field(
        description="Indicator key → value (percentages 0–100; null without a denominator)."
    )
    counts: dict[str, float] = Field(
        description="The counts and sums the indicators are ratios of; they add up across "
        "units and months."
    )
    trend: list[dict[str, Any]] = Field(
        description="The last twelve months, oldest first: ``month`` and the indicators."
    )
    before_after: list[InsightChangeOut]
    rows: list[RowOut] = Field(description="Per perangkat daerah (regency) or sub-unit.")
    kecamatan: list[RowOut] = Field(description="Per kecamatan (regency tiers only).")
    concerns: list[ConcernOut] = Field(description="Units of concern, most serious rule first.")


class ReportIn(Schema):
    kind: str = Field(description="monthly or quarterly.")
    month: str = Field(
        description="YYYY-MM: the month, or a month of the quarter.", examples=["2026-10"]
    )


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
