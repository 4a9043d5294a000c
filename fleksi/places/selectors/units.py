"""Readiness per perangkat daerah: the share of its WFA-capable employees whose recorded
domicile is a ready desa/kelurahan.

"WFA-capable": the class of the person's position (``fleksi.jobmap.selectors``, after an
exception in force that overrides it) is one the policy in force allows
(``allowed_position_classes``, by default "capable" and "partly"). With no policy in force,
every active employee counts: the figure then says where people could work from, before any
rule narrows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from fleksi.jobmap.selectors import exceptions_on, position_class_map
from fleksi.org.models import Employee, Unit
from fleksi.places.domain.readiness import UnitReadiness, unit_readiness
from fleksi.policy.selectors import params_of, version_in_force


@dataclass(frozen=True)
class UnitRow:
    unit_id: int
    name: str
    summary: UnitReadiness


@dataclass(frozen=True)
class UnitReadinessTable:
    basis: str  # "policy": WFA-capable under the version in force; "all": no policy in force
    regulation_number: str
    rows: list[UnitRow]
    total: UnitReadiness


def unit_readiness_table(
    *, ready_desa: frozenset[int], day: date | None = None
) -> UnitReadinessTable:
    """Every perangkat daerah with its figure, by name. ``ready_desa``: the ids of the ready
    desa (``Picture.ready_desa_ids``). A constant number of queries."""
    day = day or timezone.localdate()
    version = version_in_force(day)
    people = list(
        Employee.objects.filter(is_active=True).values_list(
            "id", "position_id", "domicile_id", "unit__root_id", "unit_id"
        )
    )
    if version is not None:
        params = params_of(version)
        classes = position_class_map(params=params, position_ids={p[1] for p in people})
        overrides = {e: x.override_class for e, x in exceptions_on(day).items() if x.override_class}
        allowed = params.allowed_position_classes
        people = [
            p for p in people if overrides.get(p[0], classes.get(p[1], "unassessed")) in allowed
        ]
    domiciles: dict[int, list[int | None]] = {}
    for _id, _position, domicile, root_id, unit_id in people:
        domiciles.setdefault(root_id or unit_id, []).append(domicile)
    names = dict(Unit.objects.filter(parent__isnull=True).values_list("id", "name"))
    rows = [
        UnitRow(unit_id, name, unit_readiness(domiciles.get(unit_id, []), ready_desa))
        for unit_id, name in sorted(names.items(), key=lambda item: item[1])
    ]
    total = unit_readiness((d for _i, _p, d, _r, _u in people), ready_desa)
    return UnitReadinessTable(
        basis="policy" if version is not None else "all",
        regulation_number=version.regulation_number if version is not None else "",
        rows=rows,
        total=total,
    )
