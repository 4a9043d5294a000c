"""Input and output of the places API."""

from __future__ import annotations

from datetime import date, datetime

from ninja import Field, Schema

from fleksi.places.domain.connectivity import NETWORK_LEVELS

LEVELS = ", ".join(NETWORK_LEVELS)
NETWORK_TEXT = (
    f"Best network available: one of {LEVELS} (no signal, 2G, 4G, radio link, VSAT/satellite, "
    "fibre; 3G was switched off in 2022–23 and is not a level)."
)
LEVEL_TEXT = (
    f"Connectivity level: one of {LEVELS}; a measured level is 2g or 4g (the browser's "
    "slow-2g, 2g and 3g speed classes count as 2G)."
)
MIN_TEXT = (
    f"The policy's minimum connectivity (one of {LEVELS}); a level meets it when it earns at "
    "least the minimum's readiness points."
)
POINTS_TEXT = "The readiness points of each level under the policy in force."


class ProfileOut(Schema):
    best_network: str = Field(..., description=NETWORK_TEXT)
    electricity_24h: bool
    blank_spot: bool
    source: str
    surveyed_on: date
    updated_at: datetime
    updated_by: str


class ProfileIn(Schema):
    best_network: str = Field(..., description=NETWORK_TEXT)
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
    measured_level: str | None = Field(..., description=LEVEL_TEXT)
    last_at: datetime | None


class ReadinessOut(Schema):
    surveyed_level: str | None = Field(..., description=NETWORK_TEXT)
    measured_level: str | None = Field(..., description=LEVEL_TEXT)
    samples: int
    level: str | None = Field(..., description=LEVEL_TEXT)
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
    min_connectivity: str = Field(..., description=MIN_TEXT)
    network_points: dict[str, int] = Field(..., description=POINTS_TEXT)
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
    min_connectivity: str = Field(..., description=MIN_TEXT)
    network_points: dict[str, int] = Field(..., description=POINTS_TEXT)
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
