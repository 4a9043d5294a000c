"""What a safeguard alert proposes for the unit of a degrading service. Pure.

The rule (documented in ``docs/service-levels.md``): the unit's share allowed off site is
halved, rounded down to a whole percent, and set to 0 below :data:`ZERO_BELOW`; its minimum
on site goes up by :data:`MINIMUM_STEP`. A unit already at 0 % off site keeps 0 % and only
gets the higher minimum. The draft is a proposal: BKPSDM edits it before the Sekda publishes.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

ZERO_BELOW = Decimal("0.05")
MINIMUM_STEP = 1
PERCENT = Decimal("0.01")


@dataclass(frozen=True)
class Tightening:
    share_before: Decimal
    share_after: Decimal
    minimum_before: int
    minimum_after: int


def tighten(*, share: Decimal, minimum: int) -> Tightening:
    """The proposed values from the unit's values in force (share 0–1, minimum ≥ 0)."""
    share = min(max(share, Decimal(0)), Decimal(1))
    halved = (share / 2).quantize(PERCENT, rounding=ROUND_FLOOR)
    if halved < ZERO_BELOW:
        halved = Decimal("0.00")
    return Tightening(
        share_before=share,
        share_after=halved,
        minimum_before=max(minimum, 0),
        minimum_after=max(minimum, 0) + MINIMUM_STEP,
    )
