"""What the generator produces: plain records that the service writes to the database.

Records refer to each other by stable keys (unit keys such as ``"bappeda/p2epd"``, position
codes, person indices), never by database ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from fleksi.demo.domain.jobs import Job
from fleksi.demo.domain.villages import Village

SIZES = ("small", "kukar")
DEFAULT_SEED = 2026


@dataclass(frozen=True)
class OfficePlan:
    name: str
    address: str
    desa_code: str
    latitude: float
    longitude: float
    geofence_radius_m: int | None = None


@dataclass
class UnitPlan:
    key: str
    code: str
    name: str
    kind: str
    parent: str | None
    pd: str  # key of the perangkat daerah it belongs to
    kecamatan: str  # kecamatan code
    public: bool
    head_title: str
    head_kind: str  # jpt_pratama / administrator / pengawas
    profile: str  # education profile of its managers
    jobs: tuple[Job, ...]
    staff: int  # people besides the head
    office: OfficePlan | None = None
    extra_managers: tuple[str, ...] = ()


@dataclass(frozen=True)
class PositionPlan:
    code: str
    name: str
    kind: str
    level: str
    unit: str
    is_head: bool


@dataclass
class PersonPlan:
    index: int
    nip: str
    name: str
    asn_type: str
    sex: str
    birth_date: date
    position: str  # position code
    unit: str  # unit key
    domicile: str  # desa code
    tmt_appointment: date
    last_promotion_date: date | None = None
    last_transfer_date: date | None = None
    last_rotation_date: date | None = None
    discipline_status: str = "none"
    discipline_start: date | None = None
    discipline_end: date | None = None
    last_rating: str = ""
    last_rating_year: int | None = None
    supervisor: int | None = None


@dataclass(frozen=True)
class ActingPlan:
    unit: str
    person: int
    kind: str  # plt / plh
    start_date: date
    end_date: date
    decree: str


@dataclass
class DemoPlan:
    size: str
    seed: int
    today: date
    villages: list[Village]
    units: list[UnitPlan]
    positions: list[PositionPlan] = field(default_factory=list)
    people: list[PersonPlan] = field(default_factory=list)
    acting: list[ActingPlan] = field(default_factory=list)
    personas: dict[str, int] = field(default_factory=dict)  # persona key -> person index
    secretariat: str = "setda"
