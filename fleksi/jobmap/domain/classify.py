"""The class of a position, derived from its assessed duties.

Rule (documented in ``docs/duty-mapping.md``; parameters from the policy in force):

    share = Σ time share of suitable duties / Σ time share of all duties

- share ≥ ``capable_min_share`` (and > 0)  → ``capable``  (WFA-capable)
- share ≥ ``partly_min_share``  (and > 0)  → ``partly``   (partly capable)
- otherwise                                → ``onsite``   (on-site only)
- no duties, a duty not assessed, or a total of zero → ``unassessed``

A position with no suitable duty is never capable, whatever the thresholds. Arithmetic is
exact (fractions), so a share of exactly the threshold meets it.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction

CAPABLE = "capable"
PARTLY = "partly"
ONSITE = "onsite"
UNASSESSED = "unassessed"
CLASSES = (CAPABLE, PARTLY, ONSITE, UNASSESSED)
# From best to worst for the assessed classes (used to compare outcomes).
RANK = {CAPABLE: 2, PARTLY: 1, ONSITE: 0}

Number = Decimal | float | int | Fraction


def _exact(value: Number) -> Fraction:
    if isinstance(value, float):
        # Thresholds are stored with at most 4 decimals: read them as written.
        return Fraction(Decimal(repr(value)))
    return Fraction(value)


def suitable_share(duties: Iterable[tuple[Number, bool | None]]) -> Fraction | None:
    """Share of working time in suitable duties, or ``None`` if it cannot be known."""
    total = Fraction(0)
    suitable = Fraction(0)
    seen = False
    for time_share, is_suitable in duties:
        if is_suitable is None:
            return None
        seen = True
        share = _exact(time_share)
        total += share
        if is_suitable:
            suitable += share
    if not seen or total <= 0:
        return None
    return suitable / total


def classify_share(
    share: Fraction | None, capable_min_share: Number, partly_min_share: Number
) -> str:
    if share is None:
        return UNASSESSED
    if share > 0 and share >= _exact(capable_min_share):
        return CAPABLE
    if share > 0 and share >= _exact(partly_min_share):
        return PARTLY
    return ONSITE


def classify_position(
    duties: Iterable[tuple[Number, bool | None]],
    capable_min_share: Number,
    partly_min_share: Number,
) -> str:
    """``capable`` | ``partly`` | ``onsite`` | ``unassessed`` (see the module's rule)."""
    return classify_share(suitable_share(duties), capable_min_share, partly_min_share)
