"""Explanations: cheap pre-checks before solving, and why a preference was not met.

**Pre-checks.** With the fixed decisions taken as facts, the only hard rule that can make a
month infeasible is a group minimum: the cap and the quota only limit what is added, and
"everyone not fixed on site" meets them. A minimum is impossible on a day exactly when its
available members (not absent, not fixed WFA) are fewer than the minimum, so the pre-check
finds every infeasible day with its group, the number needed and the number available. The
solver's own diagnosis (``diagnose.py``) remains as a safety net.

**WFA days owed.** A policy minimum of WFA days per person (``min_wfa_days``) is owed as far
as the person's own limits allow (a person on leave most of the month is owed fewer: a
non-blocking ``min_wfa`` note). It is impossible when the days a person may still take — after
the daily quota and the group minimums — are fewer than owed, or when the unit's room over the
month is smaller than everything owed; both are found here, anything subtler by CP-SAT's
assumptions (``solve.diagnose``).

**Unmet preferences.** For a wished day that stayed on site, the rules tight in the final
roster for that cell are named: ``fixed``, ``blackout``, ``not_allowed``, ``weekly_cap`` (the
week already has ``weekly_cap`` WFA days), ``daily_quota`` (the day is full),
``min_onsite`` (one more person off site would break the group minimum). When none is tight
the wish lost a trade-off: ``fair_share`` when the person already has at least as many WFA
days over the window as the level of their comparable colleagues, else ``trade_off``
(fairness, stability, spread or other people's preferences). An unwanted WFA day is
``fixed`` or a ``trade_off``.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from fleksi.roster.domain.evaluate import Grid, peer_levels, window_totals
from fleksi.roster.domain.facts import Facts, open_capacity
from fleksi.roster.domain.problem import (
    ABSENT,
    ONSITE,
    WFA,
    RosterProblem,
    eligible,
    wfa_minimum,
)
from fleksi.roster.domain.result import (
    BLACKOUT,
    DAILY_QUOTA,
    FAIR_SHARE,
    FIXED,
    MIN_ONSITE,
    MIN_WFA,
    NOT_ALLOWED,
    TRADE_OFF,
    WEEKLY_CAP,
    Explanation,
    Reason,
    UnmetPreference,
)


def precheck(problem: RosterProblem, facts: Facts) -> list[Explanation]:
    """Shortfalls (blocking unless ``relax_shortfalls``) and limits the fixed days break."""
    days = problem.days
    out = [
        Explanation(
            MIN_ONSITE,
            days[c.j],
            c.group,
            c.minimum,
            c.available,
            blocking=not problem.relax_shortfalls,
        )
        for c in facts.coverage
        if c.slack < 0
    ]
    for j, d in enumerate(days):
        if facts.fixed_wfa[j] > facts.quota[j]:
            out.append(
                Explanation(DAILY_QUOTA, d, "", facts.quota[j], facts.fixed_wfa[j], blocking=False)
            )
    for e in problem.employees:
        if e.cap_exempt:
            continue
        used: Counter[tuple[int, int]] = Counter(e.wfa_outside)
        for j, d in enumerate(days):
            used[facts.week_of[j]] += e.fixed.get(d) == WFA
        for w in facts.weeks:
            if used[w] > problem.weekly_cap:
                first = next(d for j, d in enumerate(days) if facts.week_of[j] == w)
                out.append(
                    Explanation(
                        WEEKLY_CAP,
                        first,
                        f"employee:{e.id}",
                        problem.weekly_cap,
                        used[w],
                        blocking=False,
                    )
                )
    out.extend(_owed(problem, facts))
    return out


def _owed(problem: RosterProblem, facts: Facts) -> list[Explanation]:
    """The policy minimum of WFA days: lowered for a person's own limits (a note), impossible
    for a person or for the unit as a whole (blocking)."""
    if not problem.min_wfa_days:
        return []
    out = []
    total = 0
    for i, e in enumerate(problem.employees):
        if not eligible(problem, e):
            continue
        owed, fixed = wfa_minimum(problem, e)
        subject = f"employee:{e.id}"
        if owed < problem.min_wfa_days:
            out.append(
                Explanation(MIN_WFA, None, subject, problem.min_wfa_days, owed, blocking=False)
            )
        can = open_capacity(facts.free[i], facts.week_room[i], facts.week_of)
        if max(0, owed - fixed) > can:  # relaxed: given as far as possible, still reported
            out.append(
                Explanation(
                    MIN_WFA,
                    None,
                    subject,
                    owed,
                    fixed + can,
                    blocking=not problem.relax_shortfalls,
                )
            )
        total += facts.owed[i]
    free_count = Counter(j for f in facts.free for j in f)
    supply = sum(min(facts.day_room[j], free_count[j]) for j in range(facts.n_days))
    if total > supply:
        out.append(
            Explanation(MIN_WFA, None, "", total, supply, blocking=not problem.relax_shortfalls)
        )
    return out


def unmet_preferences(
    problem: RosterProblem, facts: Facts, grid: Grid
) -> tuple[UnmetPreference, ...]:
    days = problem.days
    index = {d: j for j, d in enumerate(days)}
    per_day = [sum(row[j] == WFA for row in grid) for j in range(len(days))]
    onsite_of: dict[tuple[str, int], int] = {}
    need: dict[int, list[tuple[str, int, tuple[int, ...]]]] = {}
    for c in facts.coverage:
        onsite_of[(c.group, c.j)] = sum(grid[i][c.j] == ONSITE for i in c.members)
        need.setdefault(c.j, []).append((c.group, c.minimum, c.members))
    out: list[UnmetPreference] = []
    totals = window_totals(problem, grid)
    levels = peer_levels(problem, facts, grid)
    level = {i: levels[g] for g, members in facts.peers for i in members}
    for i, e in enumerate(problem.employees):
        row = grid[i]
        week_wfa: Counter[tuple[int, int]] = Counter(e.wfa_outside)
        for j, p in enumerate(row):
            week_wfa[facts.week_of[j]] += p == WFA
        for d, reason in sorted(e.wished.items()):
            k = index.get(d)
            if k is None or row[k] in (WFA, ABSENT):
                continue
            reasons = _blockers(problem, facts, i, k, d, week_wfa, per_day, onsite_of, need)
            if not reasons:
                at_level = totals[i] >= level.get(i, float("inf"))
                reasons = [Reason(FAIR_SHARE if at_level else TRADE_OFF)]
            out.append(UnmetPreference(e.id, d, "wish", reason, tuple(reasons)))
        for d, reason in sorted(e.unwanted.items()):
            k = index.get(d)
            if k is None or row[k] != WFA:
                continue
            rule = FIXED if e.fixed.get(d) == WFA else TRADE_OFF
            out.append(UnmetPreference(e.id, d, "unwanted", reason, (Reason(rule),)))
    return tuple(out)


def _blockers(
    problem: RosterProblem,
    facts: Facts,
    i: int,
    j: int,
    d: date,
    week_wfa: Counter[tuple[int, int]],
    per_day: list[int],
    onsite_of: dict[tuple[str, int], int],
    need: dict[int, list[tuple[str, int, tuple[int, ...]]]],
) -> list[Reason]:
    e = problem.employees[i]
    if d in e.fixed:
        return [Reason(FIXED)]
    reasons = []
    if d in problem.blackout:
        reasons.append(Reason(BLACKOUT))
    if d not in e.allowed:
        reasons.append(Reason(NOT_ALLOWED))
    week = facts.week_of[j]
    if not e.cap_exempt and week_wfa[week] >= problem.weekly_cap:
        reasons.append(Reason(WEEKLY_CAP, f"{week[0]}-W{week[1]:02d}"))
    if per_day[j] >= facts.quota[j]:
        reasons.append(Reason(DAILY_QUOTA))
    for group, minimum, members in need.get(j, []):
        if i in members and onsite_of[(group, j)] <= minimum:
            reasons.append(Reason(MIN_ONSITE, group))
    return reasons
