"""Roster optimisation (C6) on generated units of 50, 200, 500 and 2,000 people, loose and
tight.

**Loose** (``realistic_problem``): a 22-working-day month (September 2026), weekly cap 2, 30 %
of the people present may be off site; ~70 % may use WFA; ~10 % staff a service counter that
keeps 70 % of its members on site; sub-units of ~12 people keep 2 on site; preferences for
~40 %; some leave, some approved requests, a prior month of WFA days.

**Tight** (``tight_problem``): the limits bind — 20 % of those present off site, every eligible
person owed 3 WFA days, front-desk staff (15 %) keeping 75 % on site, sub-units of 10 keeping
7 on site, wishes from 60 % crowding Mondays and Fridays, the weekly cap 2.

The objective of the model *is* the fairness people see (the spread of WFA days among
comparable colleagues, decision 0029) plus the wishes and the price of unrequested days, so
the "true" gap is the gap of the roster's objective to a *proven* lower bound of the same
objective: the better of the solver's own bound in the run and the optimum (or bound)
proven offline with a long limit (``PROVEN``, with the command that proved it).

Figures (median of 3 runs, with spread, CPU and load): ``roster[_tight]_N_first_s`` (first
valid roster), ``roster[_tight]_N_gap_true_pct``, ``roster[_tight]_N_s``,
``roster[_tight]_N_objective``. Targets: ``roster_tight_200_gap_true_pct`` < 5 % at 30 s;
``roster_500_first_s`` < 2 s, ``roster_500_gap_true_pct`` < 5 % at 30 s;
``roster_2000_first_s`` < 3 s.

Usage: ``python -m bench.bench_roster [loose|tight] [N ...]``;
``python -m bench.bench_roster prove tight 200 600`` proves an optimum offline.
"""

from __future__ import annotations

import random
import statistics
import sys
from datetime import date, timedelta

from bench.support import RUNS, figure, load_average, note, own_cpu_s
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
TIME_LIMIT_S = 30.0
REASONS = ("care", "commute", "health", "")
# Proven offline (``python -m bench.bench_roster prove KIND N LIMIT``): (kind, N) → (best
# objective found, proven lower bound), in points. Filled from the runs in the report.
PROVEN: dict[tuple[str, int], tuple[float, float]] = {}
TARGETS = {
    ("tight", 200, "gap_true_pct"): 5.0,
    ("loose", 500, "first_s"): 2.0,
    ("loose", 500, "gap_true_pct"): 5.0,
    ("loose", 2000, "first_s"): 3.0,
}


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


def tight_problem(n: int, seed: int = 2027) -> RosterProblem:
    """A deterministic unit of ``n`` people whose limits bind (see the module's docstring)."""
    rng = random.Random(seed)
    days = month_days()
    desk = max(4, round(n * 0.15))
    employees = []
    for k in range(n):
        groups = {f"unit:{k // 10}"}
        if k < desk:
            groups.add("role:desk")
        eligible = rng.random() < 0.85
        allowed = frozenset(days) if eligible else frozenset()
        if eligible and rng.random() < 0.10:
            allowed = frozenset(d for d in days if rng.random() < 0.6)
        fixed: dict[date, Placement] = {}
        if rng.random() < 0.15:
            start = rng.randrange(len(days))
            for d in days[start : start + rng.randint(1, 4)]:
                fixed[d] = "absent"
        wished: dict[date, str] = {}
        unwanted: dict[date, str] = {}
        if eligible and rng.random() < 0.60:
            reason = rng.choice(REASONS)
            favourite = rng.choice((0, 4, 4, 0, 4, 2))  # Mondays and Fridays crowd
            for d in days:
                if (d.weekday() == favourite and rng.random() < 0.9) or rng.random() < 0.08:
                    wished[d] = reason
            for d in rng.sample(days, rng.randint(0, 2)):
                if d not in wished:
                    unwanted[d] = rng.choice(REASONS)
        employees.append(
            RosterEmployee(
                id=k + 1,
                groups=frozenset(groups),
                allowed=allowed,
                fixed=fixed,
                prior_wfa_days=rng.randint(2, 8) if eligible else 0,
                wished=wished,
                unwanted=unwanted,
            )
        )
    minimums = [GroupMinimum("role:desk", round(desk * 0.75))]
    minimums += [GroupMinimum(f"unit:{u}", 7) for u in range((n + 9) // 10)]
    return RosterProblem(
        days=days,
        employees=tuple(employees),
        weekly_cap=2,
        max_offsite_share=0.20,
        minimums=tuple(minimums),
        relax_shortfalls=True,
        min_wfa_days=3,
    )


def problem_of(kind: str, n: int) -> RosterProblem:
    return tight_problem(n) if kind == "tight" else realistic_problem(n)


def _name(kind: str, n: int, what: str) -> str:
    return f"roster_{n}_{what}" if kind == "loose" else f"roster_tight_{n}_{what}"


def run(kind: str, n: int) -> list[str]:
    """Three solves of one unit; the figures; the targets missed."""
    problem = problem_of(kind, n)
    proven = PROVEN.get((kind, n))
    load = load_average()
    runs: dict[str, list[float]] = {"first_s": [], "gap_true_pct": [], "s": [], "objective": []}
    cpus = []
    for _ in range(RUNS):
        before = own_cpu_s()
        result = solve(problem, SolveOptions(time_limit_s=TIME_LIMIT_S))
        cpus.append(own_cpu_s() - before)
        assert result.feasible, result.explanations
        assert result.first_solution_s is not None
        assert result.objective is not None
        bound = result.best_bound if result.best_bound is not None else 0.0
        if proven is not None:
            bound = max(bound, proven[1])
        gap = 100.0 * max(0.0, result.objective - bound) / max(1e-9, result.objective)
        runs["first_s"].append(result.first_solution_s)
        runs["gap_true_pct"].append(gap)
        runs["s"].append(result.seconds)
        runs["objective"].append(result.objective)
        print(
            f"# {kind} N={n} status={result.status} source={result.source} "
            f"objective={result.objective} bound={result.best_bound} terms={result.terms} "
            f"distance={result.fairness.distance if result.fairness else None} "
            f"unmet={len(result.unmet)}",
            flush=True,
        )
    missed = []
    units = {"first_s": "s", "gap_true_pct": "%", "s": "s", "objective": "points"}
    for what, values in runs.items():
        name = _name(kind, n, what)
        median = statistics.median(values)
        figure(name, median, units[what])
        note(name, values, units[what], cpus, load)
        target = TARGETS.get((kind, n, what))
        if target is not None and median >= target:
            missed.append(f"{name} {median:.2f} ≥ {target}")
    return missed


def prove(kind: str, n: int, limit_s: float) -> None:
    """Solve to a proven optimum with a long limit (offline; the bound goes into PROVEN)."""
    result = solve(problem_of(kind, n), SolveOptions(time_limit_s=limit_s, workers=2))
    print(
        f"# prove {kind} N={n}: status={result.status} objective={result.objective} "
        f"bound={result.best_bound} gap={result.gap_pct} seconds={result.seconds:.1f}",
        flush=True,
    )


def main(argv: list[str]) -> None:
    if argv[:1] == ["prove"]:
        prove(argv[1], int(argv[2]), float(argv[3]))
        return
    kinds = [a for a in argv if a in ("loose", "tight")] or ["loose", "tight"]
    sizes = tuple(int(a) for a in argv if a.isdigit()) or SIZES
    failures = []
    for kind in kinds:
        for n in sizes:
            failures += run(kind, n)
    if failures:
        raise SystemExit("targets missed: " + "; ".join(failures))


if __name__ == "__main__":
    main(sys.argv[1:])
