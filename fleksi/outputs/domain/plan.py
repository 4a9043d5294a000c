"""Which day a WFA request's planned output belongs to (pure).

The work plan of a WFA request becomes the plan of its approved days: each planned output
goes to the latest approved day of the request on or before its due date (the day it is
finished); an output due before every approved day (its first days were not approved) goes
to the first approved day. An output is planned once, so its target counts once.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from datetime import date


def assign_items(
    approved_days: Sequence[date], items: Iterable[tuple[int, date]]
) -> dict[int, date]:
    """Item id → the day it is planned on; no day when the request has no approved day."""
    days = sorted(set(approved_days))
    if not days:
        return {}
    out: dict[int, date] = {}
    for item_id, due in items:
        i = bisect_right(days, due)
        out[item_id] = days[i - 1] if i > 0 else days[0]
    return out
