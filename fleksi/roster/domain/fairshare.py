"""Fair shares of WFA days: max-min fair water-filling over the rolling window.

Each person ``i`` has a ``base`` (WFA days already had in the window: ``prior_wfa_days``
plus this month's fixed WFA days) and a ``capacity`` (the most free WFA days their own
limits allow). The unit can give ``supply`` days in the month. Water-filling raises one
level ``L`` and gives each person ``t_i = clamp(L − base_i, 0, capacity_i)`` until the supply
is used up, so the people with the fewest days in the window are served first and nobody is
given more than they can take.

Group minimums limit what a group's members can take together (``room``: the free WFA
days the minimum leaves over the month). When the members' shares exceed it, the group is
water-filled on its own up to its room, its members are frozen there, and the supply they
no longer take is shared among everyone else (progressive filling; each round freezes at
least one group, so it ends).
"""

from __future__ import annotations

from collections.abc import Sequence

EPS = 1e-9


def water_fill(base: Sequence[float], capacity: Sequence[float], total: float) -> list[float]:
    """``t_i = clamp(L − base_i, 0, capacity_i)`` with ``Σ t_i = min(total, Σ capacity)``.

    Exact, by sweeping the breakpoints of the piecewise-linear fill (``O(n log n)``).
    """
    n = len(base)
    if total <= EPS or n == 0:
        return [0.0] * n
    events: list[tuple[float, int]] = []
    for b, c in zip(base, capacity, strict=True):
        if c > EPS:
            events.append((b, 1))
            events.append((b + c, -1))
    if not events:
        return [0.0] * n
    events.sort()
    filled, slope, previous = 0.0, 0, events[0][0]
    level = events[-1][0]  # everyone at capacity if the supply is larger
    for point, delta in events:
        step = filled + slope * (point - previous)
        if slope and step >= total - EPS:
            level = previous + (total - filled) / slope
            break
        filled, previous, slope = step, point, slope + delta
    return [min(max(level - b, 0.0), c) for b, c in zip(base, capacity, strict=True)]


def fair_shares(
    base: Sequence[int],
    capacity: Sequence[int],
    supply: int,
    groups: Sequence[tuple[Sequence[int], int]],
) -> list[float]:
    """Targets per person; ``groups`` are ``(members, room)`` pairs."""
    n = len(base)
    frozen: dict[int, float] = {}
    shares = [0.0] * n
    for _ in range(len(groups) + 1):
        active = [i for i in range(n) if i not in frozen]
        remaining = max(0.0, supply - sum(frozen.values()))
        filled = water_fill([base[i] for i in active], [capacity[i] for i in active], remaining)
        shares = [0.0] * n
        for i, t in frozen.items():
            shares[i] = t
        for i, t in zip(active, filled, strict=True):
            shares[i] = t
        worst, excess = None, EPS
        for members, room in groups:
            over = sum(shares[i] for i in members) - room
            if over > excess and any(i not in frozen for i in members):
                worst, excess = (members, room), over
        if worst is None:
            return shares
        members, room = worst
        loose = [i for i in members if i not in frozen]
        left = max(0.0, room - sum(frozen.get(i, 0.0) for i in members))
        inside = water_fill([base[i] for i in loose], [capacity[i] for i in loose], left)
        frozen.update(zip(loose, inside, strict=True))
    return shares
