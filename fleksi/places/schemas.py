"""Input and output of the places API."""

from __future__ import annotations

from datetime import date, datetime

from ninja import Schema


class ProfileOut(Schema):
    best_network: str
    electricity_24h: bool
    blank_spot: bool
    source: str
    surveyed_on: date
    updated_at: datetime
    updated_by: str


class ProfileIn(Schema):
    best_network: str
    electricity_24h: bool
    blank_spot: bool
    source: str
    surveyed_on: date


class EvidenceOut(Schema):
    samples: int
    level_counts: dict[str, int]
    median_rtt_ms: float | None
    median_downlink_mbps: float | None
    median_server_latency_ms: float | None
    slow_share: float | None
    measured_level: str | None
    last_at: datetime | None


class ReadinessOut(Schema):
    surveyed_level: str | None
    measured_level: str | None
    samples: int
    level: str | None
    level_source: str
    score: int | None
    meets_minimum: bool | None
    ready: bool | None
    band: str


class DesaOut(Schema):
    id: int
    code: str
    name: str
    kind: str
    kecamatan_id: int
    profile: ProfileOut | None
    evidence: EvidenceOut | None
    readiness: ReadinessOut


class DesaPage(Schema):
    count: int
    limit: int
    offset: int
    min_connectivity: str
    items: list[DesaOut]


class AreaOut(Schema):
    places: int
    scored: int
    mean_score: float | None
    ready: int
    ready_share: float | None
    band: str


class KecamatanOut(Schema):
    id: int
    code: str
    name: str
    latitude: float | None
    longitude: float | None
    readiness: AreaOut


class KecamatanList(Schema):
    day: date
    min_connectivity: str
    regulation_number: str
    regency: AreaOut
    items: list[KecamatanOut]


class UnitReadinessOut(Schema):
    unit_id: int
    name: str
    employees: int
    with_domicile: int
    ready: int
    share: float | None


class UnitReadinessList(Schema):
    basis: str
    regulation_number: str
    total: UnitReadinessOut
    items: list[UnitReadinessOut]
