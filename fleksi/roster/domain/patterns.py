"""Weekly patterns: the weekdays on which each person usually works from anywhere.

A stable roster keeps each person's WFA days on the same weekdays week after week. The
pattern of a person is, in order of precedence:

1. their ``usual_weekdays`` (carried from last month's roster, or stated by the person);
2. otherwise a proposal made here, before solving: people with wishes first (their most
   wished weekdays, weighted by reason), then everyone else, each time on the weekdays
   whose load — patterns already placed, relative to the day's quota and to the room of
   every group minimum the person belongs to — is lowest.

The solver then pays ``RosterWeights.stability`` for every WFA day off the pattern. Choosing
the pattern inside the CP-SAT model (for example by counting the weekdays used) makes the LP
relaxation weak and slow: on the 500-person benchmark it left a 17 % gap after 30 s, while
the fixed pattern adds only objective coefficients (see ``docs/roster.md``).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from fleksi.roster.domain.problem import RosterProblem

WEEKDAYS = range(7)


def propose_patterns(
    problem: RosterProblem,
    free: Sequence[Sequence[int]],
    target: Sequence[float],
    quota: Sequence[int],
    group_room: dict[tuple[str, int], int],
) -> tuple[frozenset[int], ...]:
    """One pattern per employee (empty for people with no free day).

    ``group_room[(group, weekday)]`` is the smallest room of the group's minimum over the days
    of that weekday (how many of its members may be off site on such a day).
    """
    days = problem.days
    weights = problem.weights
    occurrences: dict[int, int] = defaultdict(int)
    day_quota: dict[int, int] = {}
    for j, d in enumerate(days):
        occurrences[d.weekday()] += 1
        day_quota[d.weekday()] = min(day_quota.get(d.weekday(), quota[j]), quota[j])
    weeks = max(1, len({d.isocalendar()[:2] for d in days}))
    load: dict[int, float] = defaultdict(float)
    group_load: dict[tuple[str, int], int] = defaultdict(int)
    patterns: list[frozenset[int]] = [frozenset()] * len(problem.employees)

    def wish_score(i: int, k: int) -> int:
        e = problem.employees[i]
        good = sum(weights.factor(r) for d, r in e.wished.items() if _is(d, k, days))
        bad = sum(weights.factor(r) for d, r in e.unwanted.items() if _is(d, k, days))
        return good - bad

    order = sorted(
        range(len(problem.employees)),
        key=lambda i: (not problem.employees[i].wished, len(free[i]), i),
    )
    for i in order:
        e = problem.employees[i]
        if e.usual_weekdays:
            chosen = frozenset(e.usual_weekdays)
        else:
            if not free[i]:
                continue
            available = {days[j].weekday() for j in free[i]}
            size = min(
                problem.weekly_cap or len(available),
                len(available),
                max(1, math.ceil(target[i] / max(1.0, len(days) / weeks) - 1e-9)),
            )
            groups = sorted({g for (g, _k) in group_room if g in e.groups})

            def cost(k: int, i: int = i, groups: list[str] = groups) -> tuple[float, ...]:
                crowding = load[k] / max(1, day_quota.get(k, 0))
                tight = max(
                    (
                        (group_load[(g, k)] + 1) / max(1, group_room[(g, k)] + 1)
                        for g in groups
                        if (g, k) in group_room
                    ),
                    default=0.0,
                )
                return (-wish_score(i, k), max(crowding, tight), -occurrences[k], k)

            chosen = frozenset(sorted(available, key=cost)[:size])
        patterns[i] = chosen
        for k in chosen:
            load[k] += 1
            for g in e.groups:
                group_load[(g, k)] += 1
    return tuple(patterns)


def _is(day: date, weekday: int, days: Sequence[date]) -> bool:
    return day.weekday() == weekday and day in days
