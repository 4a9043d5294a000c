"""Checks across rows and against what Fleksi already holds.

The checks run in rounds over the rows still standing: a row rejected in one round may take
others with it in the next (a unit whose parent was defined only on a rejected row, a
NIP_ATASAN pointing to a rejected person). What is left at the end is consistent on its
own, so a partial import of it is as safe as a full one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from fleksi.org.domain.people_import.cells import Param
from fleksi.org.domain.people_import.columns import Col
from fleksi.org.domain.people_import.rows import PersonRecord, PositionSpec, Problem, UnitSpec


@dataclass(frozen=True)
class Known:
    """What Fleksi holds already, for the codes and numbers a file mentions."""

    unit_parent: Mapping[str, str | None] = field(default_factory=dict)  # every unit
    unit_head_position: Mapping[str, str] = field(default_factory=dict)  # unit -> its head post
    position_unit: Mapping[str, str] = field(default_factory=dict)  # positions of the file
    position_holders: Mapping[str, Mapping[str, bool]] = field(default_factory=dict)  # nip->active
    employee_nips: frozenset[str] = frozenset()  # NIPs of the file (and NIP_ATASAN) in Fleksi
    kecamatan_codes: frozenset[str] = frozenset()
    desa_codes: frozenset[str] = frozenset()


UNIT_COLUMNS: tuple[tuple[str, Col], ...] = (
    ("name", Col.NAMA_UNIT),
    ("kind", Col.JENIS_UNIT),
    ("parent_code", Col.KODE_UNIT_INDUK),
    ("is_public_service", Col.LAYANAN_PUBLIK),
    ("kecamatan_code", Col.KODE_KECAMATAN),
)
POSITION_COLUMNS: tuple[tuple[str, Col], ...] = (
    ("name", Col.NAMA_JABATAN),
    ("kind", Col.JENIS_JABATAN),
    ("level", Col.JENJANG),
    ("unit_code", Col.KODE_UNIT),
    ("is_head", Col.KEPALA_UNIT),
)

type Found = dict[int, list[Problem]]  # line -> problems of this round


def _conflicts(records: list[PersonRecord], found: Found) -> None:
    """The same unit or position code defined differently on two lines."""
    units = [(r.line, r.unit) for r in records]
    positions = [(r.line, r.position) for r in records]
    _conflicts_of(units, UNIT_COLUMNS, "unit_conflict", found)
    _conflicts_of(positions, POSITION_COLUMNS, "position_conflict", found)


def _conflicts_of(
    specs: Sequence[tuple[int, UnitSpec | PositionSpec]],
    columns: tuple[tuple[str, Col], ...],
    code: str,
    found: Found,
) -> None:
    first: dict[str, tuple[UnitSpec | PositionSpec, int]] = {}
    for line, spec in specs:
        first.setdefault(spec.code, (spec, line))
    for line, spec in specs:
        original, first_line = first[spec.code]
        for attr, column in columns:
            if getattr(spec, attr) != getattr(original, attr):
                params: dict[str, Param] = {"code": spec.code, "other_line": first_line}
                found[line].append(Problem(line, column, code, params))
                break


def _references(records: list[PersonRecord], known: Known, found: Found) -> None:
    for r in records:
        if r.unit.kecamatan_code and r.unit.kecamatan_code not in known.kecamatan_codes:
            found[r.line].append(
                Problem(
                    r.line,
                    Col.KODE_KECAMATAN,
                    "kecamatan_unknown",
                    {"value": r.unit.kecamatan_code},
                )
            )
        if r.domicile_code and r.domicile_code not in known.desa_codes:
            found[r.line].append(
                Problem(r.line, Col.KODE_DESA_DOMISILI, "desa_unknown", {"value": r.domicile_code})
            )


def _parents(records: list[PersonRecord], known: Known, all_units: set[str], found: Found) -> None:
    alive_units = {r.unit.code for r in records}
    for r in records:
        parent = r.unit.parent_code
        if parent is None or parent in alive_units or parent in known.unit_parent:
            continue
        code = "parent_unit_rejected" if parent in all_units else "parent_unit_unknown"
        found[r.line].append(Problem(r.line, Col.KODE_UNIT_INDUK, code, {"code": parent}))


def _cycles(records: list[PersonRecord], known: Known, found: Found) -> None:
    parent_of: dict[str, str | None] = dict(known.unit_parent)
    parent_of.update({r.unit.code: r.unit.parent_code for r in records})
    in_cycle: set[str] = set()
    for start in {r.unit.code for r in records}:
        path: list[str] = []
        code: str | None = start
        while code is not None and code not in path and code not in in_cycle:
            path.append(code)
            code = parent_of.get(code)
        if code is not None and code in path:
            in_cycle.update(path[path.index(code) :])
    for r in records:
        if r.unit.code in in_cycle:
            params: dict[str, Param] = {"code": r.unit.parent_code or ""}
            found[r.line].append(Problem(r.line, Col.KODE_UNIT_INDUK, "unit_cycle", params))


def _supervisors(
    records: list[PersonRecord], known: Known, all_nips: set[str], found: Found
) -> None:
    alive = {r.nip for r in records}
    for r in records:
        nip = r.supervisor_nip
        if nip is None or nip in alive or nip in known.employee_nips:
            continue
        code = "supervisor_rejected" if nip in all_nips else "supervisor_unknown"
        found[r.line].append(Problem(r.line, Col.NIP_ATASAN, code, {"nip": nip}))


def _by_position(records: list[PersonRecord]) -> dict[str, list[PersonRecord]]:
    by_position: dict[str, list[PersonRecord]] = defaultdict(list)
    for r in records:
        by_position[r.position.code].append(r)
    return by_position


def _moved_positions(records: list[PersonRecord], known: Known, found: Found) -> None:
    """A position moved to another unit must take all its holders along."""
    alive = {r.nip for r in records}
    for code, rows in _by_position(records).items():
        old_unit = known.position_unit.get(code)
        if old_unit is None or old_unit == rows[0].position.unit_code:
            continue
        left = [nip for nip in known.position_holders.get(code, {}) if nip not in alive]
        if left:
            params: dict[str, Param] = {"code": code, "unit": old_unit, "count": len(left)}
            for r in rows:
                found[r.line].append(Problem(r.line, Col.KODE_UNIT, "position_moved", params))


def _head_holders(records: list[PersonRecord], known: Known, found: Found) -> None:
    """At most one active person in a head position (counting those not in the file)."""
    alive = {r.nip for r in records}
    for code, rows in _by_position(records).items():
        if not rows[0].position.is_head:
            continue
        holders = known.position_holders.get(code, {})
        in_file = [r for r in rows if r.is_active]
        others = sorted(nip for nip, active in holders.items() if active and nip not in alive)
        taken = in_file if others else in_file[1:]
        for r in taken:
            params: dict[str, Param] = {"code": code, "nip": (others or [in_file[0].nip])[0]}
            found[r.line].append(Problem(r.line, Col.KODE_JABATAN, "head_position_taken", params))


def _unit_heads(records: list[PersonRecord], known: Known, found: Found) -> None:
    """At most one head position per unit (counting the unit's head position in Fleksi)."""
    by_position = _by_position(records)  # in line order of first appearance
    heads: dict[str, list[str]] = defaultdict(list)
    for code, rows in by_position.items():
        if rows[0].position.is_head:
            heads[rows[0].position.unit_code].append(code)
    for unit, codes in heads.items():
        existing = known.unit_head_position.get(unit)
        if existing is not None and existing not in by_position:
            rejected, other = codes, existing
        else:
            rejected, other = codes[1:], codes[0]
        params: dict[str, Param] = {"unit": unit, "other": other}
        for code in rejected:
            for r in by_position[code]:
                found[r.line].append(Problem(r.line, Col.KEPALA_UNIT, "unit_two_heads", params))


def check_records(
    records: list[PersonRecord],
    known: Known,
    *,
    all_units: set[str] | None = None,
    all_nips: set[str] | None = None,
) -> tuple[list[PersonRecord], list[Problem]]:
    """The records that can be written and the problems of the others.

    ``all_units`` and ``all_nips`` are the unit codes and NIPs on every line of the file,
    rejected lines included (to tell "only on a rejected line" from "not in the file").
    """
    all_units = (all_units or set()) | {r.unit.code for r in records}
    all_nips = (all_nips or set()) | {r.nip for r in records}
    problems: list[Problem] = []
    alive = records
    first_round = True
    while True:
        found: Found = defaultdict(list)
        if first_round:
            _conflicts(alive, found)
            _references(alive, known, found)
            first_round = False
        _parents(alive, known, all_units, found)
        _cycles(alive, known, found)
        _supervisors(alive, known, all_nips, found)
        _moved_positions(alive, known, found)
        _head_holders(alive, known, found)
        _unit_heads(alive, known, found)
        if not found:
            return alive, problems
        for line_problems in found.values():
            problems.extend(line_problems)
        alive = [r for r in alive if r.line not in found]
