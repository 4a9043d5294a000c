"""Writing a :class:`~fleksi.org.importing.plan.Plan`: set-based inserts and updates, and the
audit changes that describe them. Called inside the import's transaction only."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from fleksi.audit.services import Change
from fleksi.org.importing.plan import Plan, Update, Values
from fleksi.org.importing.state import Snapshot, chunked
from fleksi.org.models import Employee, Position, Unit

BATCH = 1000
FOREIGN_KEYS = {
    "parent": "units",
    "unit": "units",
    "position": "positions",
    "domicile": "desa",
    "kecamatan": "kecamatan",
    "supervisor": "employees",
}


@dataclass
class Ids:
    """Code (or NIP) -> id, for what exists and what the import creates."""

    units: dict[str, int] = field(default_factory=dict)
    positions: dict[str, int] = field(default_factory=dict)
    employees: dict[str, int] = field(default_factory=dict)
    desa: dict[str, int] = field(default_factory=dict)
    kecamatan: dict[str, int] = field(default_factory=dict)

    @classmethod
    def from_snapshot(cls, snap: Snapshot) -> Ids:
        return cls(
            units={c: u["id"] for c, u in snap.units.items()},
            positions={c: p["id"] for c, p in snap.positions.items()},
            employees={n: e["id"] for n, e in snap.employees.items()},
            desa=dict(snap.desa_ids),
            kecamatan=dict(snap.kecamatan_ids),
        )

    def resolve(self, values: Values) -> Values:
        """Codes to ids, keyed by field name (``{"unit": 12}``), as audit entries show them."""
        out: Values = {}
        for name, value in values.items():
            if name in FOREIGN_KEYS and value is not None:
                value = getattr(self, FOREIGN_KEYS[name])[value]
            out[name] = value
        return out


def attnames(values: Values) -> Values:
    """``{"unit": 12}`` -> ``{"unit_id": 12}``, for model constructors."""
    return {f"{k}_id" if k in FOREIGN_KEYS else k: v for k, v in values.items()}


@dataclass
class Written:
    """What was written, and the audit changes to record, each with the unit whose
    perangkat daerah's stream it belongs to."""

    changes: list[tuple[int, Change]] = field(default_factory=list)
    reparented: bool = False
    created_employee_ids: list[int] = field(default_factory=list)

    def add(self, unit_id: int, change: Change) -> None:
        self.changes.append((unit_id, change))


def _update_change(
    kind: str, pk: int, name: str, u: Update, ids: Ids, ctx: Mapping[str, Any]
) -> Change:
    before = {
        k: u.current.get(f"{k}_id", v) if k in FOREIGN_KEYS else v for k, v in u.before.items()
    }
    return Change(
        action=f"org.{kind}.update",
        object_type=f"org.{kind}",
        object_id=str(pk),
        object_repr=name,
        before=before,
        after=ids.resolve(u.after),
        context=ctx,
    )


def _create_change(kind: str, pk: int, name: str, after: Values, ctx: Mapping[str, Any]) -> Change:
    return Change(
        action=f"org.{kind}.create",
        object_type=f"org.{kind}",
        object_id=str(pk),
        object_repr=name,
        after=after,
        context=ctx,
    )


def _bulk_update(model: Any, objects: list[Any], fields: list[str]) -> None:
    if objects:
        model.objects.bulk_update(objects, fields, batch_size=BATCH)


def write_units(plan: Plan, ids: Ids, out: Written, ctx: Mapping[str, Any]) -> None:
    """Create new units parents first (a sub-unit needs its parent's id), then update."""
    pending = list(plan.units_new)
    while pending:
        ready = [(s, v) for s, v in pending if v["parent"] is None or v["parent"] in ids.units]
        if not ready:
            raise RuntimeError("unit parents cannot be resolved (a cycle passed validation)")
        objs = [Unit(code=s.code, **attnames(ids.resolve(v))) for s, v in ready]
        Unit.objects.bulk_create(objs, batch_size=BATCH)
        for (spec, values), obj in zip(ready, objs, strict=True):
            ids.units[spec.code] = obj.pk
            out.add(
                obj.pk,
                _create_change(
                    "unit", obj.pk, spec.name, {"code": spec.code, **ids.resolve(values)}, ctx
                ),
            )
        done = {s.code for s, _v in ready}
        pending = [(s, v) for s, v in pending if s.code not in done]
    out.reparented = bool(plan.units_new) or any("parent" in u.after for u in plan.units_changed)
    objs = []
    for u in plan.units_changed:
        pk, row = u.current["id"], u.current
        full = {
            "name": row["name"],
            "kind": row["kind"],
            "parent": row["parent__code"],
            "is_public_service": row["is_public_service"],
            "kecamatan": row["kecamatan__code"],
            **u.after,
        }
        objs.append(Unit(pk=pk, **attnames(ids.resolve(full))))
        out.add(pk, _update_change("unit", pk, full["name"], u, ids, ctx))
    _bulk_update(Unit, objs, ["name", "kind", "parent", "is_public_service", "kecamatan"])


def write_positions(plan: Plan, ids: Ids, out: Written, ctx: Mapping[str, Any]) -> None:
    """Heads first lose their flag (so no unit ever has two head positions, even for a
    moment), then new positions are created and the changed ones updated."""
    unheaded = [
        Position(pk=u.current["id"], is_head=False)
        for u in plan.positions_changed
        if u.current["is_head"] and ("is_head" in u.after or "unit" in u.after)
    ]
    _bulk_update(Position, unheaded, ["is_head"])
    objs = [Position(code=s.code, **attnames(ids.resolve(v))) for s, v in plan.positions_new]
    Position.objects.bulk_create(objs, batch_size=BATCH)
    for (spec, values), obj in zip(plan.positions_new, objs, strict=True):
        ids.positions[spec.code] = obj.pk
        resolved = ids.resolve(values)
        out.add(
            resolved["unit"],
            _create_change("position", obj.pk, spec.name, {"code": spec.code, **resolved}, ctx),
        )
    updated = []
    for u in plan.positions_changed:
        pk = u.current["id"]
        full = {
            **{k: u.current[k] for k in ("name", "kind", "level", "is_head")},
            "unit": u.current["unit__code"],
            **u.after,
        }
        updated.append(Position(pk=pk, **attnames(ids.resolve(full))))
        unit_id = ids.units[full["unit"]]
        out.add(unit_id, _update_change("position", pk, full["name"], u, ids, ctx))
    _bulk_update(Position, updated, ["name", "kind", "level", "unit", "is_head"])


def write_employees(plan: Plan, ids: Ids, out: Written, ctx: Mapping[str, Any]) -> None:
    """Create the new people (their supervisor set afterwards: they may supervise each
    other), then update changed fields, grouped by the set of fields that change."""
    objs = []
    for record, values in plan.employees_new:
        attrs = attnames(ids.resolve({**values, "supervisor": None}))
        objs.append(Employee(nip=record.nip, **attrs))
    Employee.objects.bulk_create(objs, batch_size=BATCH)
    if any(o.pk is None for o in objs):  # a database that does not return new ids
        by_nip = _ids_by_nip([o.nip for o in objs])
        for o in objs:
            o.pk = by_nip[o.nip]
    overridden = []
    for (record, _values), obj in zip(plan.employees_new, objs, strict=True):
        ids.employees[record.nip] = obj.pk
        out.created_employee_ids.append(obj.pk)
    for (record, values), obj in zip(plan.employees_new, objs, strict=True):
        resolved = ids.resolve(values)
        if values["supervisor"] is not None:
            overridden.append(Employee(pk=obj.pk, supervisor_id=resolved["supervisor"]))
        after = {"nip": record.nip, **resolved}
        out.add(resolved["unit"], _create_change("employee", obj.pk, record.name, after, ctx))
    _bulk_update(Employee, overridden, ["supervisor"])

    now = timezone.now()
    groups: dict[tuple[str, ...], list[Employee]] = defaultdict(list)
    for u in plan.employees_changed:
        pk = u.current["id"]
        groups[tuple(sorted(u.after))].append(
            Employee(pk=pk, updated_at=now, **attnames(ids.resolve(u.after)))
        )
        unit_id = ids.units[u.after["unit"]] if "unit" in u.after else u.current["unit_id"]
        name = str(u.after.get("name", u.current["name"]))
        out.add(unit_id, _update_change("employee", pk, name, u, ids, ctx))
    for names, group in groups.items():
        _bulk_update(Employee, group, [*names, "updated_at"])


def _ids_by_nip(nips: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for chunk in chunked(nips):
        found.update(Employee.objects.filter(nip__in=chunk).values_list("nip", "id"))
    return found


def write_plan(plan: Plan, snap: Snapshot, ctx: Mapping[str, Any]) -> Written:
    ids = Ids.from_snapshot(snap)
    out = Written()
    write_units(plan, ids, out, ctx)
    write_positions(plan, ids, out, ctx)
    write_employees(plan, ids, out, ctx)
    return out
