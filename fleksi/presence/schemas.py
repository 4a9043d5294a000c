"""Input and output of the presence API (``/api/v1/presence``)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal
from uuid import UUID

from ninja import Field, Schema


class NetworkIn(Schema):
    """What ``navigator.connection`` said, when the browser has it."""

    effective_type: str | None = Field(None, max_length=8)
    rtt: float | None = Field(None, ge=0)
    downlink: float | None = Field(None, ge=0)


class EvidenceIn(Schema):
    """When an offline check-in was made, as the phone can show it (docs/presence.md)."""

    contact: str = Field(max_length=200, description="The last `contact` token the server gave")
    since_contact_ms: int = Field(
        ge=0, le=7 * 24 * 3600 * 1000, description="Monotonic ms from that contact to the press"
    )
    since_press_ms: int | None = Field(
        None, ge=0, le=7 * 24 * 3600 * 1000, description="Monotonic ms from the press to sending"
    )


class CheckinIn(Schema):
    idempotency_key: UUID = Field(description="A UUID made by the device for this check-in")
    slot: int = Field(ge=1, le=4, description="1 = arrival … last = departure")
    kind: Literal["in", "out"] | None = Field(None, description="Optional; must match the slot")
    mode: Literal["onsite", "wfa_home", "wfa_other", "official_duty", "leave", "sick"]
    device_time: datetime = Field(description="When the button was pressed (device clock)")
    sent_at: datetime | None = Field(None, description="When this copy left the device")
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)
    accuracy: float | None = Field(None, ge=0, description="Metres (68 % confidence)")
    network: NetworkIn | None = None
    client_latency_ms: float | None = Field(None, ge=0, le=600_000)
    evidence: EvidenceIn | None = Field(None, description="For a check-in kept offline")


class CheckinRuleOut(Schema):
    rule: str
    label: str
    outcome: str
    message: str
    article: str


class CheckinOut(Schema):
    id: int
    idempotency_key: UUID
    created: bool
    day: date
    slot: int
    kind: str
    mode: str
    checked_at: datetime
    synced_late: bool
    time_proof: str = Field(description="server | proven | outside | unproven")
    contact: str = Field(description="A fresh contact token for the next offline check-in")
    source: str
    outcome: str
    flagged: bool
    counted: bool
    late_minutes: int
    early_minutes: int
    message: str
    rules: list[CheckinRuleOut]


class SlotOut(Schema):
    slot: int
    kind: str
    role: str
    label: str
    checkin: CheckinOut | None


class TodayOut(Schema):
    day: date
    starts: str | None
    ends: str | None
    checkins_per_day: int
    next_slot: int | None
    default_mode: str
    slots: list[SlotOut]
    csrf_token: str = Field(description="For the next POST of a browser session")
    contact: str = Field(description="The server's signed time, kept by the phone (evidence)")


class TotalsOut(Schema):
    working_days: int
    onsite_days: int
    wfa_days: int
    duty_days: int
    leave_days: int
    missing_days: int
    late_days: int
    late_minutes: int
    early_days: int
    early_minutes: int
    incomplete_days: int
    flagged_days: int
    synced_late: int
    manual: int
    unproven_time: int
    refused: int


class RecapRowOut(Schema):
    employee_id: int
    nip: str
    name: str
    unit: str
    perangkat_daerah: str
    totals: TotalsOut


class RecapOut(Schema):
    unit_id: int
    unit: str
    month: str
    working_days: int
    totals: TotalsOut
    items: list[RecapRowOut]


class WeekHoursOut(Schema):
    week: date
    needed_minutes: int
    worked_minutes: int
    short_minutes: int


class HoursOut(Schema):
    employee_id: int
    month: str
    weeks: list[WeekHoursOut]
