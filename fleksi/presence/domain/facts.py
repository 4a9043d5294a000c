"""The frozen facts of one check-in, as the rules see them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from fleksi.presence.domain.geo import haversine_m
from fleksi.worktime.domain.patterns import DaySchedule

MODES = ("onsite", "wfa_home", "wfa_other", "official_duty", "leave", "sick")
WFA_MODES = frozenset({"wfa_home", "wfa_other"})
ABSENT_MODES = frozenset({"leave", "sick"})  # a declared absence: no place or time rule
WORKING_MODES = frozenset({"onsite", "wfa_home", "wfa_other", "official_duty"})


@dataclass(frozen=True)
class Position:
    latitude: float
    longitude: float
    accuracy_m: float | None = None


@dataclass(frozen=True)
class Place:
    """Where the employee is expected: an office (with its own geofence radius or the
    policy's), an approved place with coordinates (the policy's geofence radius), or a place
    known only by its desa/kelurahan (the desa centre and the policy's wider WFA radius)."""

    kind: str  # office | home | approved_place
    label: str
    latitude: float | None
    longitude: float | None
    own_radius_m: int | None = None
    precise: bool = True  # False: the centre of a desa/kelurahan
    desa_id: int | None = None  # where a network reading taken there belongs

    @property
    def located(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def distance_m(self, position: Position) -> float:
        assert self.latitude is not None
        assert self.longitude is not None
        return haversine_m(self.latitude, self.longitude, position.latitude, position.longitude)


@dataclass(frozen=True)
class ApprovedDay:
    request_kind: str  # regular | official_duty | special_circumstances
    location_type: str  # home | office | approved_place


@dataclass(frozen=True)
class PreviousCheckin:
    checked_at: datetime
    position: Position


@dataclass(frozen=True)
class CheckinFacts:
    slot: int
    mode: str
    checked_at: datetime  # the time that counts (aware)
    local_time: time  # the same in WITA
    hours: tuple[time, time] | None  # fixed hours (without a schedule); None: not a working day
    position: Position | None = None
    places: tuple[Place, ...] = ()  # where the mode expects the employee (may be several offices)
    approved_day: ApprovedDay | None = None
    absence_kind: str | None = None  # leave | sick | official_travel | other
    previous: PreviousCheckin | None = None
    clock_offset_s: float | None = None
    waited_s: float = 0.0
    synced_late: bool = False
    time_proof: str = "server"  # server | proven | outside | unproven (domain/timing.py)
    claimed_at: datetime | None = None  # the device's claim, on the server's clock
    manual: bool = False
    # A punch on an office attendance reader (a fingerprint or face machine on the wall): no
    # position (the reader is in the office), the time is the reader's own clock.
    reader: bool = False
    policy_in_force: bool = True
    # The person's schedule of the day the check-in belongs to (a night shift's check-out the
    # next morning: the shift's day), and the local time (naive) it is compared with. With a
    # schedule, ``hours`` is not used. ``arrived``: the day's arrival (a flexible start).
    schedule: DaySchedule | None = None
    local: datetime | None = None
    arrived: datetime | None = None
