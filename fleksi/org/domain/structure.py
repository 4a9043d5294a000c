"""Pure rules of the unit structure: materialised paths and derived supervisors."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


def build_paths(parent_of: Mapping[int, int | None]) -> dict[int, tuple[str, int, int]]:
    """For each unit id: (path, depth, root id). Paths look like ``"12.345."``.

    Raises ``ValueError`` naming a unit whose ancestry is a cycle or a missing parent.
    """
    result: dict[int, tuple[str, int, int]] = {}

    def resolve(unit_id: int, seen: tuple[int, ...]) -> tuple[str, int, int]:
        if unit_id in result:
            return result[unit_id]
        if unit_id in seen:
            raise ValueError(f"unit {unit_id} is its own ancestor")
        if unit_id not in parent_of:
            raise ValueError(f"unit {unit_id} is not known")
        parent = parent_of[unit_id]
        if parent is None:
            value = (f"{unit_id}.", 0, unit_id)
        else:
            p_path, p_depth, p_root = resolve(parent, (*seen, unit_id))
            value = (f"{p_path}{unit_id}.", p_depth + 1, p_root)
        result[unit_id] = value
        return value

    for unit_id in parent_of:
        resolve(unit_id, ())
    return result


@dataclass(frozen=True)
class Person:
    employee_id: int
    unit_id: int
    is_head: bool


def derive_supervisors(
    *,
    parent_of: Mapping[int, int | None],
    head_of_unit: Mapping[int, int],
    people: list[Person],
    secretariat_unit_id: int | None,
) -> dict[int, int | None]:
    """The direct supervisor of each person, following the structure.

    - Staff are supervised by the head of their unit; if that post is vacant, by the head of
      the nearest unit above that has one.
    - A head is supervised by the head of the nearest unit above theirs.
    - Heads of perangkat daerah are supervised by the head of the regional secretariat (the
      Sekda), who has no supervisor in the agency (the Bupati is not an employee record).
    """

    def nearest_head(unit_id: int | None, exclude: int) -> int | None:
        while unit_id is not None:
            head = head_of_unit.get(unit_id)
            if head is not None and head != exclude:
                return head
            unit_id = parent_of.get(unit_id)
        return None

    result: dict[int, int | None] = {}
    sekda = head_of_unit.get(secretariat_unit_id) if secretariat_unit_id is not None else None
    for person in people:
        start = parent_of.get(person.unit_id) if person.is_head else person.unit_id
        supervisor = nearest_head(start, person.employee_id)
        if supervisor is None and sekda is not None and sekda != person.employee_id:
            supervisor = sekda
        result[person.employee_id] = supervisor
    return result
