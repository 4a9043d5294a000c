"""Set-based writes of a demo plan: one bulk insert per table (per level where rows refer to
rows of the same table), ids mapped from plan keys. Called inside the seed's transaction."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from fleksi.demo.domain.kukar import KECAMATAN
from fleksi.demo.domain.records import DemoPlan, PersonPlan, UnitPlan
from fleksi.org.models import ActingAssignment, Employee, Office, Position, Unit
from fleksi.places.models import Desa, Kecamatan

BATCH = 500


def places_write(plan: DemoPlan) -> tuple[dict[str, int], dict[str, int]]:
    """Create the kecamatan and desa that are missing; return their ids by code."""
    existing_kec = set(Kecamatan.objects.values_list("code", flat=True))
    Kecamatan.objects.bulk_create(
        [
            Kecamatan(code=k.code, name=k.name, latitude=k.latitude, longitude=k.longitude)
            for k in KECAMATAN
            if k.code not in existing_kec
        ],
        batch_size=BATCH,
    )
    kec_ids = dict(Kecamatan.objects.values_list("code", "id"))
    existing_desa = set(Desa.objects.values_list("code", flat=True))
    Desa.objects.bulk_create(
        [
            Desa(
                code=v.code,
                name=v.name,
                kind=v.kind,
                kecamatan_id=kec_ids[v.kecamatan_code],
                latitude=v.latitude,
                longitude=v.longitude,
            )
            for v in plan.villages
            if v.code not in existing_desa
        ],
        batch_size=BATCH,
    )
    return kec_ids, dict(Desa.objects.values_list("code", "id"))


def _depth(unit: UnitPlan, by_key: Mapping[str, UnitPlan]) -> int:
    depth = 0
    while unit.parent is not None:
        unit = by_key[unit.parent]
        depth += 1
    return depth


def units_write(plan: DemoPlan, kec_ids: Mapping[str, int]) -> dict[str, int]:
    """Insert the unit tree level by level (a level needs the ids of its parents)."""
    by_key = {u.key: u for u in plan.units}
    levels: defaultdict[int, list[UnitPlan]] = defaultdict(list)
    for unit in plan.units:
        levels[_depth(unit, by_key)].append(unit)
    ids: dict[str, int] = {}
    for depth in sorted(levels):
        rows = [
            Unit(
                code=u.code,
                name=u.name,
                kind=u.kind,
                parent_id=ids[u.parent] if u.parent is not None else None,
                is_public_service=u.public,
                kecamatan_id=kec_ids[u.kecamatan],
            )
            for u in levels[depth]
        ]
        Unit.objects.bulk_create(rows, batch_size=BATCH)
        ids.update((u.key, row.pk) for u, row in zip(levels[depth], rows, strict=True))
    return ids


def positions_write(plan: DemoPlan, unit_ids: Mapping[str, int]) -> dict[str, int]:
    rows = [
        Position(
            code=p.code,
            name=p.name,
            kind=p.kind,
            level=p.level,
            unit_id=unit_ids[p.unit],
            is_head=p.is_head,
        )
        for p in plan.positions
    ]
    Position.objects.bulk_create(rows, batch_size=BATCH)
    return {p.code: row.pk for p, row in zip(plan.positions, rows, strict=True)}


def _supervision_levels(people: list[PersonPlan]) -> list[list[PersonPlan]]:
    """People grouped so that everyone comes after their supervisor."""
    by_index = {p.index: p for p in people}
    depth: dict[int, int] = {}

    def depth_of(person: PersonPlan) -> int:
        chain: list[PersonPlan] = []
        current: PersonPlan | None = person
        while current is not None and current.index not in depth:
            chain.append(current)
            current = by_index[current.supervisor] if current.supervisor is not None else None
        level = depth[current.index] if current is not None else -1
        for member in reversed(chain):
            level += 1
            depth[member.index] = level
        return depth[person.index]

    levels: defaultdict[int, list[PersonPlan]] = defaultdict(list)
    for person in people:
        levels[depth_of(person)].append(person)
    return [levels[d] for d in sorted(levels)]


def employees_write(
    plan: DemoPlan,
    unit_ids: Mapping[str, int],
    position_ids: Mapping[str, int],
    desa_ids: Mapping[str, int],
) -> dict[int, int]:
    """Insert the employees, supervisors first, each with their supervisor already set."""
    ids: dict[int, int] = {}
    for level in _supervision_levels(plan.people):
        rows = [
            Employee(
                nip=p.nip,
                name=p.name,
                asn_type=p.asn_type,
                sex=p.sex,
                birth_date=p.birth_date,
                position_id=position_ids[p.position],
                unit_id=unit_ids[p.unit],
                supervisor_id=ids[p.supervisor] if p.supervisor is not None else None,
                domicile_id=desa_ids[p.domicile],
                tmt_appointment=p.tmt_appointment,
                last_promotion_date=p.last_promotion_date,
                last_transfer_date=p.last_transfer_date,
                last_rotation_date=p.last_rotation_date,
                discipline_status=p.discipline_status,
                discipline_start=p.discipline_start,
                discipline_end=p.discipline_end,
                last_rating=p.last_rating,
                last_rating_year=p.last_rating_year,
            )
            for p in level
        ]
        Employee.objects.bulk_create(rows, batch_size=BATCH)
        ids.update((p.index, row.pk) for p, row in zip(level, rows, strict=True))
    return ids


def offices_write(plan: DemoPlan, unit_ids: Mapping[str, int], desa_ids: Mapping[str, int]) -> int:
    rows = [
        Office(
            unit_id=unit_ids[u.key],
            name=u.office.name,
            address=u.office.address,
            desa_id=desa_ids[u.office.desa_code],
            latitude=u.office.latitude,
            longitude=u.office.longitude,
            geofence_radius_m=u.office.geofence_radius_m,
        )
        for u in plan.units
        if u.office is not None
    ]
    Office.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


def acting_write(
    plan: DemoPlan, unit_ids: Mapping[str, int], employee_ids: Mapping[int, int]
) -> int:
    rows = [
        ActingAssignment(
            unit_id=unit_ids[a.unit],
            employee_id=employee_ids[a.person],
            kind=a.kind,
            start_date=a.start_date,
            end_date=a.end_date,
            decree=a.decree,
        )
        for a in plan.acting
    ]
    ActingAssignment.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)
