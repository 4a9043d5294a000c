"""Roster optimisation (C6) on realistic generated units of 50, 200, 500 and 2,000 people.

Each unit: a 22-working-day month (September 2026), weekly cap 2, 30 % of the people present
may be off site; ~70 % may use WFA; ~10 % staff a service counter that keeps 70 % of its
members on site; sub-units of ~12 people keep 2 on site; preferences (wished and unwanted
days, with reasons) for ~40 %; some leave, some approved requests, a prior month of WFA days.

Targets (2-core machine, 2 CP-SAT workers): for 500 people a first feasible roster in under
2 s and a gap under 1 % (or a proven optimum) within 30 s. Figures per size N:
``roster_N_first_s``, ``roster_N_gap_pct``, ``roster_N_s``, ``roster_N_objective``.

Usage: ``python -m bench.bench_roster [N ...]``.
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta

from bench.support import figure
from fleksi.policy.domain.calendar import national_holidays
from fleksi.roster.domain import (
    GroupMinimum,
    RosterEmployee,
    RosterProblem,
    SolveOptions,
    solve,
)
from fleksi.roster.domain.problem import IsoWeek, Placement, iso_week

SIZES = (50, 200, 500, 2000)
TIME_LIMIT_S = {50: 30.0, 200: 30.0, 500: 30.0, 2000: 60.0}
TARGET_N = 500
TARGET_FIRST_S = 2.0
TARGET_GAP_PCT = 1.0
REASONS = ("care", "commute", "health", "")


def month_days(year: int = 2026, month: int = 9) -> tuple[date, ...]:
    holidays = national_holidays([year])
    day, out = date(year, month, 1), []
    while day.month == month:
        if day.weekday() < 5 and day not in holidays:
            out.append(day)
        day += timedelta(days=1)
    return tuple(out)


def realistic_problem(n: int, seed: int = 2026) -> RosterProblem:
    """A deterministic unit of ``n`` people for one month."""
    rng = random.Random(seed)
    days = month_days()
    counter = max(2, round(n * 0.10))
    employees = []
    for k in range(n):
        groups = {f"unit:{k // 12}"}
        if k < counter:
            groups.add("role:counter")
        eligible = rng.random() < 0.70
        allowed = frozenset(days) if eligible else frozenset()
        if eligible and rng.random() < 0.10:  # place not ready on some days
            allowed = frozenset(d for d in days if rng.random() < 0.6)
        fixed: dict[date, Placement] = {}
        if rng.random() < 0.15:  # leave: a block of 1-4 days
            start = rng.randrange(len(days))
            for d in days[start : start + rng.randint(1, 4)]:
                fixed[d] = "absent"
        if eligible and rng.random() < 0.05:  # approved requests already decided
            for d in rng.sample(days, 2):
                fixed.setdefault(d, "wfa")
        wished: dict[date, str] = {}
        unwanted: dict[date, str] = {}
        if eligible and rng.random() < 0.40:
            reason = rng.choice(REASONS)
            favourite = rng.choice((0, 4, 4, 1, 2, 3))  # Fridays and Mondays are popular
            for d in days:
                if (d.weekday() == favourite and rng.random() < 0.8) or rng.random() < 0.05:
                    wished[d] = reason
            for d in rng.sample(days, rng.randint(0, 3)):
                if d not in wished:
                    unwanted[d] = rng.choice(REASONS)
        outside: dict[IsoWeek, int] = {}
        if eligible and rng.random() < 0.3:
            outside[iso_week(days[0])] = 1  # a WFA day in the last days of August
        employees.append(
            RosterEmployee(
                id=k + 1,
                groups=frozenset(groups),
                allowed=allowed,
                fixed=fixed,
                cap_exempt=eligible and rng.random() < 0.02,
                wfa_outside=outside,
                prior_wfa_days=rng.randint(4, 9) if eligible else 0,
                wished=wished,
                unwanted=unwanted,
            )
        )
    minimums = [GroupMinimum("role:counter", max(1, round(counter * 0.7)))]
    minimums += [GroupMinimum(f"unit:{u}", 2) for u in range((n + 11) // 12)]
    return RosterProblem(
        days=days,
        employees=tuple(employees),
        weekly_cap=2,
        max_offsite_share=0.30,
        minimums=tuple(minimums),
        relax_shortfalls=True,  # leave can leave a small sub-unit short: report, solve anyway
    )


def main(argv: list[str]) -> None:
    sizes = tuple(int(a) for a in argv) or SIZES
    failures = []
    for n in sizes:
        problem = realistic_problem(n)
        result = solve(
            problem,
            SolveOptions(time_limit_s=TIME_LIMIT_S.get(n, 60.0), gap_limit_pct=0.0),
        )
        assert result.feasible, result.explanations
        assert result.first_solution_s is not None
        assert result.gap_pct is not None
        assert result.objective is not None
        figure(f"roster_{n}_first_s", result.first_solution_s, "s")
        figure(f"roster_{n}_gap_pct", result.gap_pct, "%")
        figure(f"roster_{n}_s", result.seconds, "s")
        figure(f"roster_{n}_objective", result.objective, "points")
        fair = result.fairness
        print(
            f"# N={n} status={result.status} source={result.source} bound={result.best_bound}"
            f" terms={result.terms} fairness={fair} unmet={len(result.unmet)}",
            flush=True,
        )
        if n == TARGET_N and (
            result.first_solution_s > TARGET_FIRST_S or result.gap_pct > TARGET_GAP_PCT
        ):
            failures.append(f"N={n}: first {result.first_solution_s:.2f} s, gap {result.gap_pct}")
    if failures:
        raise SystemExit("; ".join(failures))


if __name__ == "__main__":
    main(sys.argv[1:])
