"""What Fleksi holds for the codes and numbers of a file, read in bulk (never row by row)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from fleksi.org.domain.people_import import Known, References
from fleksi.org.models import Employee, Position, Unit
from fleksi.places.models import Desa, Kecamatan

# Keeps every ``IN (...)`` list well under the parameter limits of SQLite and PostgreSQL.
CHUNK = 900

UNIT_VALUES = (
    "id",
    "code",
    "name",
    "kind",
    "parent__code",
    "parent_id",
    "is_public_service",
    "kecamatan__code",
    "kecamatan_id",
    "root_id",
)
POSITION_VALUES = ("id", "code", "name", "kind", "level", "unit__code", "unit_id", "is_head")
EMPLOYEE_VALUES = (
    "id",
    "nip",
    "name",
    "asn_type",
    "sex",
    "birth_date",
    "unit__code",
    "position__code",
    "domicile__code",
    "tmt_appointment",
    "last_promotion_date",
    "last_transfer_date",
    "last_rotation_date",
    "discipline_status",
    "discipline_start",
    "discipline_end",
    "last_rating",
    "last_rating_year",
    "supervisor__nip",
    "supervisor_overridden",
    "email",
    "is_active",
    "unit_id",
    "position_id",
    "domicile_id",
    "supervisor_id",
)


def chunked(values: Iterable[str], size: int = CHUNK) -> Iterator[list[str]]:
    items = sorted(values)
    for start in range(0, len(items), size):
        yield items[start : start + size]


@dataclass
class Snapshot:
    """The rows a file touches, as plain values keyed by code / NIP."""

    units: dict[str, dict[str, Any]] = field(default_factory=dict)  # every unit
    positions: dict[str, dict[str, Any]] = field(default_factory=dict)  # of the file
    employees: dict[str, dict[str, Any]] = field(default_factory=dict)  # of the file + NIP_ATASAN
    unit_head_position: dict[str, str] = field(default_factory=dict)
    holders: dict[str, dict[str, bool]] = field(default_factory=dict)
    kecamatan_ids: dict[str, int] = field(default_factory=dict)
    desa_ids: dict[str, int] = field(default_factory=dict)

    def known(self) -> Known:
        return Known(
            unit_parent={code: u["parent__code"] for code, u in self.units.items()},
            unit_head_position=self.unit_head_position,
            position_unit={code: p["unit__code"] for code, p in self.positions.items()},
            position_holders=self.holders,
            employee_nips=frozenset(self.employees),
            kecamatan_codes=frozenset(self.kecamatan_ids),
            desa_codes=frozenset(self.desa_ids),
        )


def snapshot_load(refs: References) -> Snapshot:
    snap = Snapshot()
    for unit in Unit.objects.values(*UNIT_VALUES):
        snap.units[unit["code"]] = unit
    snap.unit_head_position = dict(
        Position.objects.filter(is_head=True).values_list("unit__code", "code")
    )
    holders: dict[str, dict[str, bool]] = defaultdict(dict)
    for codes in chunked(refs.position_codes):
        for p in Position.objects.filter(code__in=codes).values(*POSITION_VALUES):
            snap.positions[p["code"]] = p
        for pos, nip, active in Employee.objects.filter(position__code__in=codes).values_list(
            "position__code", "nip", "is_active"
        ):
            holders[pos][nip] = active
    snap.holders = dict(holders)
    for nips in chunked(refs.nips):
        for e in Employee.objects.filter(nip__in=nips).values(*EMPLOYEE_VALUES):
            snap.employees[e["nip"]] = e
    for codes in chunked(refs.kecamatan_codes):
        snap.kecamatan_ids.update(
            Kecamatan.objects.filter(code__in=codes).values_list("code", "id")
        )
    for codes in chunked(refs.desa_codes):
        snap.desa_ids.update(Desa.objects.filter(code__in=codes).values_list("code", "id"))
    return snap
