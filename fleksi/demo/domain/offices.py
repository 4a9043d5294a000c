"""Office buildings of the demo: one for each perangkat daerah, each unit with a building of
its own (school, puskesmas, UPT, fire post, kelurahan) and each public-service section (placed
in the building of its perangkat daerah, where its counters are).

Locations are synthetic: near the centre of the kecamatan for offices, near a village for
schools and puskesmas. They do not depend on the seed.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence

from fleksi.demo.domain.kukar import KECAMATAN
from fleksi.demo.domain.records import OfficePlan, UnitPlan
from fleksi.demo.domain.villages import Village

OWN_BUILDING = frozenset({"sekolah", "puskesmas", "upt", "kelurahan"})
STREETS = (
    "Wolter Monginsidi",
    "Jenderal Sudirman",
    "Pahlawan",
    "Kartini",
    "Muso Salim",
    "Imam Bonjol",
    "Gunung Kombeng",
    "K.H. Ahmad Dahlan",
    "Diponegoro",
    "Cut Nyak Dien",
    "Ki Hajar Dewantara",
    "Danau Semayang",
    "Poros Samarinda-Tenggarong",
    "Mangkurawang",
)
RSUD_GEOFENCE_M = 150
_CENTRES = {k.code: (k.latitude, k.longitude, k.name) for k in KECAMATAN}
# Perangkat daerah whose building stands in a known desa/kelurahan of their kecamatan
# (kukar-facts.md): RSUD A.M. Parikesit has stood in Teluk Dalam, Tenggarong Seberang, since
# 2014 (not the Teluk Dalam of Muara Jawa).
SEATS = {"rsud-amp": "Teluk Dalam"}


def _nearest(villages: Sequence[Village], lat: float, lon: float) -> Village:
    return min(villages, key=lambda v: (v.latitude - lat) ** 2 + (v.longitude - lon) ** 2)


def _address(rng: random.Random, village: Village) -> str:
    kind = "Kelurahan" if village.kind == "kelurahan" else "Desa"
    kec_name = _CENTRES[village.kecamatan_code][2]
    street = rng.choice(STREETS)
    return f"Jl. {street} No. {rng.randint(1, 120)}, {kind} {village.name}, Kecamatan {kec_name}"


def _pd_office_name(unit: UnitPlan) -> str:
    if unit.kind == "kecamatan":
        return f"Kantor Camat {unit.name.removeprefix('Kecamatan ')}"
    if unit.kind == "rsud":
        return f"Gedung Utama {unit.name}"
    return f"Kantor {unit.name}"


def _office(
    unit: UnitPlan,
    name: str,
    lat: float,
    lon: float,
    villages: Sequence[Village],
    rng: random.Random,
) -> OfficePlan:
    village = _nearest(villages, lat, lon)
    return OfficePlan(
        name=name,
        address=_address(rng, village),
        desa_code=village.code,
        latitude=round(lat, 6),
        longitude=round(lon, 6),
        geofence_radius_m=RSUD_GEOFENCE_M if unit.kind == "rsud" else None,
    )


def place_offices(units: Sequence[UnitPlan], villages: Mapping[str, Sequence[Village]]) -> None:
    """Set ``office`` on the units that have one (parents must come before children)."""
    by_key = {u.key: u for u in units}
    buildings: dict[str, OfficePlan] = {}  # unit key -> its own building
    for unit in units:
        rng = random.Random(f"office-{unit.key}")
        local = villages[unit.kecamatan]
        if unit.parent is None and unit.key in SEATS:
            seat = next(v for v in local if v.name == SEATS[unit.key])
            lat = seat.latitude + rng.uniform(-0.001, 0.001)
            lon = seat.longitude + rng.uniform(-0.001, 0.001)
            unit.office = buildings[unit.key] = _office(
                unit, _pd_office_name(unit), lat, lon, [seat], rng
            )
        elif unit.parent is None:
            lat, lon, _name = _CENTRES[unit.kecamatan]
            jitter = 0.012 if unit.kind == "opd" else 0.004
            lat += rng.uniform(-jitter, jitter)
            lon += rng.uniform(-jitter, jitter)
            unit.office = buildings[unit.key] = _office(
                unit, _pd_office_name(unit), lat, lon, local, rng
            )
        elif unit.kind in OWN_BUILDING:
            if unit.kind == "kelurahan":
                place = next(v for v in local if unit.name == f"Kelurahan {v.name}")
            else:
                place = rng.choice(local)
            lat = place.latitude + rng.uniform(-0.002, 0.002)
            lon = place.longitude + rng.uniform(-0.002, 0.002)
            name = f"Kantor {unit.name}" if unit.kind == "kelurahan" else unit.name
            unit.office = buildings[unit.key] = _office(unit, name, lat, lon, local, rng)
        elif unit.public:
            building = _building_of(unit, by_key, buildings)
            unit.office = OfficePlan(
                name=f"{unit.name} ({building.name})",
                address=building.address,
                desa_code=building.desa_code,
                latitude=building.latitude,
                longitude=building.longitude,
                geofence_radius_m=building.geofence_radius_m,
            )


def _building_of(
    unit: UnitPlan, by_key: Mapping[str, UnitPlan], buildings: Mapping[str, OfficePlan]
) -> OfficePlan:
    current = unit
    while current.parent is not None:
        current = by_key[current.parent]
        if current.key in buildings:
            return buildings[current.key]
    raise ValueError(f"no building above {unit.key}")
