"""What an import would change, worked out without writing: new and changed units,
positions and employees, compared field by field with what Fleksi holds.

Values are compared by code (unit, position, desa, kecamatan codes; the supervisor's NIP),
so a dry run needs no ids of rows that do not exist yet. An optional column left out of the
file leaves its fields alone for records that exist (see ``docs/import-people.md``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fleksi.org.domain.people_import import Col, PersonRecord, PositionSpec, UnitSpec
from fleksi.org.importing.state import Snapshot

type Values = dict[str, Any]

# Optional columns and the employee fields they carry.
EMPLOYEE_OPTIONAL_FIELDS: dict[Col, tuple[str, ...]] = {
    Col.KODE_DESA_DOMISILI: ("domicile",),
    Col.TMT_PROMOSI: ("last_promotion_date",),
    Col.TMT_MUTASI: ("last_transfer_date",),
    Col.TMT_ROTASI: ("last_rotation_date",),
    Col.STATUS_DISIPLIN: ("discipline_status", "discipline_start", "discipline_end"),
    Col.PREDIKAT_KINERJA: ("last_rating", "last_rating_year"),
    Col.NIP_ATASAN: ("supervisor", "supervisor_overridden"),
    Col.EMAIL: ("email",),
    Col.AKTIF: ("is_active",),
}
EMPLOYEE_DEFAULTS: Values = {
    "domicile": None,
    "last_promotion_date": None,
    "last_transfer_date": None,
    "last_rotation_date": None,
    "discipline_status": "none",
    "discipline_start": None,
    "discipline_end": None,
    "last_rating": "",
    "last_rating_year": None,
    "supervisor": None,
    "supervisor_overridden": False,
    "email": "",
    "is_active": True,
}
UNIT_OPTIONAL_FIELDS: dict[Col, str] = {
    Col.LAYANAN_PUBLIK: "is_public_service",
    Col.KODE_KECAMATAN: "kecamatan",
}
UNIT_DEFAULTS: Values = {"is_public_service": False, "kecamatan": None}


@dataclass(frozen=True)
class Update:
    """An existing record and the fields that change (by code), with their old values."""

    key: str  # code or NIP
    current: Values  # the snapshot row
    before: Values
    after: Values


@dataclass
class Plan:
    units_new: list[tuple[UnitSpec, Values]] = field(default_factory=list)
    units_changed: list[Update] = field(default_factory=list)
    positions_new: list[tuple[PositionSpec, Values]] = field(default_factory=list)
    positions_changed: list[Update] = field(default_factory=list)
    employees_new: list[tuple[PersonRecord, Values]] = field(default_factory=list)
    employees_changed: list[Update] = field(default_factory=list)
    employees_unchanged: int = 0


def _diff(key: str, current: Values, wanted: Values, now: Values) -> Update | None:
    changed = [k for k, v in wanted.items() if now[k] != v]
    if not changed:
        return None
    return Update(key, current, {k: now[k] for k in changed}, {k: wanted[k] for k in changed})


def unit_wanted(spec: UnitSpec, present: frozenset[Col]) -> Values:
    values: Values = {"name": spec.name, "kind": spec.kind, "parent": spec.parent_code}
    if Col.LAYANAN_PUBLIK in present:
        values["is_public_service"] = spec.is_public_service
    if Col.KODE_KECAMATAN in present:
        values["kecamatan"] = spec.kecamatan_code
    return values


def position_wanted(spec: PositionSpec) -> Values:
    return {
        "name": spec.name,
        "kind": spec.kind,
        "level": spec.level,
        "unit": spec.unit_code,
        "is_head": spec.is_head,
    }


def employee_wanted(r: PersonRecord, present: frozenset[Col]) -> Values:
    values: Values = {
        "name": r.name,
        "asn_type": r.asn_type,
        "sex": r.sex,
        "birth_date": r.birth_date,
        "unit": r.unit.code,
        "position": r.position.code,
        "tmt_appointment": r.tmt_appointment,
    }
    every: Values = {
        "domicile": r.domicile_code,
        "last_promotion_date": r.last_promotion_date,
        "last_transfer_date": r.last_transfer_date,
        "last_rotation_date": r.last_rotation_date,
        "discipline_status": r.discipline_status,
        "discipline_start": r.discipline_start,
        "discipline_end": r.discipline_end,
        "last_rating": r.last_rating,
        "last_rating_year": r.last_rating_year,
        "supervisor": r.supervisor_nip,
        "supervisor_overridden": r.supervisor_nip is not None,
        "email": r.email,
        "is_active": r.is_active,
    }
    for column, names in EMPLOYEE_OPTIONAL_FIELDS.items():
        if column in present:
            values.update({name: every[name] for name in names})
    if values.get("supervisor_overridden") is False:
        # The supervisor follows the structure: supervisors_refresh sets it, not the file.
        del values["supervisor"]
    return values


def employee_current(row: Values) -> Values:
    renamed = {
        "unit": row["unit__code"],
        "position": row["position__code"],
        "domicile": row["domicile__code"],
        "supervisor": row["supervisor__nip"],
    }
    return {**row, **renamed}


def plan_changes(records: list[PersonRecord], present: frozenset[Col], snap: Snapshot) -> Plan:
    plan = Plan()
    units: dict[str, UnitSpec] = {}
    positions: dict[str, PositionSpec] = {}
    for r in records:
        units.setdefault(r.unit.code, r.unit)
        positions.setdefault(r.position.code, r.position)
    for code, unit in units.items():
        wanted = unit_wanted(unit, present)
        row = snap.units.get(code)
        if row is None:
            plan.units_new.append((unit, {**UNIT_DEFAULTS, **wanted}))
            continue
        now = {
            "name": row["name"],
            "kind": row["kind"],
            "parent": row["parent__code"],
            "is_public_service": row["is_public_service"],
            "kecamatan": row["kecamatan__code"],
        }
        if update := _diff(code, row, wanted, now):
            plan.units_changed.append(update)
    for code, position in positions.items():
        wanted = position_wanted(position)
        row = snap.positions.get(code)
        if row is None:
            plan.positions_new.append((position, wanted))
        elif update := _diff(code, row, wanted, {**row, "unit": row["unit__code"]}):
            plan.positions_changed.append(update)
    for r in records:
        wanted = employee_wanted(r, present)
        row = snap.employees.get(r.nip)
        if row is None:
            plan.employees_new.append((r, {**EMPLOYEE_DEFAULTS, **wanted}))
        elif update := _diff(r.nip, row, wanted, employee_current(row)):
            plan.employees_changed.append(update)
        else:
            plan.employees_unchanged += 1
    return plan
