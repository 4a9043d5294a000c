"""The check-ins of a day: 2 (in, out) or 4 (in, out for the break, back in, out) by policy.

Odd slots are arrivals ("in"), even slots departures ("out"). The first slot is checked
against the start of the working day, the last against its end; the middle slots of a
four-check-in day are recorded without a time rule (the calendar has a break length, not a
break time).
"""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("in", "out")
SLOT_COUNTS = (2, 4)


@dataclass(frozen=True)
class Slot:
    number: int
    kind: str  # in | out
    role: str  # arrival | break_out | break_in | departure


def slots_of(per_day: int) -> tuple[Slot, ...]:
    if per_day == 4:
        return (
            Slot(1, "in", "arrival"),
            Slot(2, "out", "break_out"),
            Slot(3, "in", "break_in"),
            Slot(4, "out", "departure"),
        )
    return (Slot(1, "in", "arrival"), Slot(2, "out", "departure"))


def kind_of(slot: int) -> str:
    return "in" if slot % 2 == 1 else "out"


def is_arrival(slot: int) -> bool:
    return slot == 1


def is_departure(slot: int, per_day: int) -> bool:
    return slot == per_day


def next_slot(done: set[int], per_day: int) -> int | None:
    """The first slot of the day without a check-in yet."""
    return next((s.number for s in slots_of(per_day) if s.number not in done), None)
