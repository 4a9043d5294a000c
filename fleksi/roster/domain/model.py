"""The CP-SAT model: one boolean per free cell, linear constraints, a linear objective.

Variables: ``x[i, j] = 1`` when employee ``i`` works from anywhere on day ``j``, created only
for the free cells of :mod:`facts` (every other cell is a constant: fixed, or on site).

Hard constraints (each only where it can bind):

- weekly cap: ``Σ_{j in week} x[i, j] ≤ room(i, week)`` for each non-exempt employee;
- daily quota: ``Σ_i x[i, j] ≤ quota(j) − fixed WFA(j)``;
- group minimum: ``Σ_{i in group, free} x[i, j] ≤ available(g, j) − minimum(g, j)``;
- WFA days owed (policy minimum): ``Σ_j x[i, j] ≥ owed(i)`` (with ``relax_shortfalls``:
  ``Σ_j x[i, j] + short_i ≥ owed(i)``, each day short costing ``OWED_SHORT`` points).

Objective (the same as :func:`evaluate.objective_terms`, including its constant part, in
tenths of a point):

- preferences: ``wish·f·(1 − x)`` per wished free cell, ``unwanted·f·x`` per unwanted one;
- fairness: per peer group ``g`` an integer level ``L_g`` chosen by the solver and
  ``dev_i ≥ |W_i − L_g|`` (two linear rows, ``W_i = base_i + Σ_j x[i, j]``): the sum of
  absolute deviations from the group's best level (a median of the window totals);
- unrequested: ``unrequested·x[i, j]`` per free cell the person did not wish for;
- stability: ``stability·x[i, j]`` for each free cell off the person's weekly pattern;
- spread: ``peak ≥ count(j) = fixed WFA(j) + Σ_i x[i, j]``: the busiest day's WFA count.
  (The former measure ``D × (peak − mean)`` made the first WFA day of a quiet month cost as
  much as a month of wishes once unrequested days have a price.)

With ``diagnose=True`` the three families of constraints are guarded by assumption literals
and the objective is dropped, so that CP-SAT can name a sufficient set of rules that make the
month infeasible.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from fleksi.roster.domain.cpsat import cp_model
from fleksi.roster.domain.evaluate import OWED_SHORT, SCALE
from fleksi.roster.domain.facts import Facts
from fleksi.roster.domain.problem import ABSENT, WFA, RosterProblem


@dataclass(frozen=True)
class Guard:
    """What an assumption literal stands for (diagnosis)."""

    rule: str  # weekly_cap | daily_quota | min_onsite
    day: date | None
    subject: str
    needed: int
    available: int


@dataclass
class Built:
    model: cp_model.CpModel
    x: dict[tuple[int, int], cp_model.IntVar]
    dev: dict[int, cp_model.IntVar] = field(default_factory=dict)  # fairness, per employee
    level: dict[str, cp_model.IntVar] = field(default_factory=dict)  # per peer group
    short: list[cp_model.IntVar] = field(default_factory=list)  # relaxed WFA days owed
    peak: cp_model.IntVar | None = None  # spread
    guards: dict[int, Guard] = field(default_factory=dict)  # literal index → rule


def build(problem: RosterProblem, facts: Facts, *, diagnose: bool = False) -> Built:
    model = cp_model.CpModel()
    x = {(i, j): model.new_bool_var(f"x{i}_{j}") for i, free in enumerate(facts.free) for j in free}
    built = Built(model, x)
    days = problem.days

    def limit(expr: list[cp_model.IntVar], upper: int, guard: Guard) -> None:
        if not diagnose:
            if len(expr) > upper:
                model.add(cp_model.LinearExpr.sum(expr) <= upper)
            return
        lit = model.new_bool_var(f"a{len(built.guards)}")
        built.guards[lit.index] = guard
        model.add_assumption(lit)
        if expr:
            model.add(cp_model.LinearExpr.sum(expr) <= upper).only_enforce_if(lit)
        elif upper < 0:
            model.add_bool_or([lit.Not()])

    for i, e in enumerate(problem.employees):
        room = facts.week_room[i]
        if room is None:
            continue
        by_week: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)
        for j in facts.free[i]:
            by_week[facts.week_of[j]].append(x[i, j])
        for w, cells in by_week.items():
            first = next(d for k, d in enumerate(days) if facts.week_of[k] == w)
            limit(cells, room[w], Guard("weekly_cap", first, f"employee:{e.id}", room[w], 0))
    on_day: dict[int, list[cp_model.IntVar]] = defaultdict(list)
    for i, j in x:
        on_day[j].append(x[i, j])
    for j, d in enumerate(days):
        guard = Guard("daily_quota", d, "", facts.quota[j], facts.fixed_wfa[j])
        limit(on_day[j], facts.day_room[j], guard)
    for c in facts.coverage:
        guard = Guard("min_onsite", days[c.j], c.group, c.minimum, c.available)
        slack = max(0, c.slack) if problem.relax_shortfalls else c.slack
        limit([x[i, c.j] for i in c.free], slack, guard)
    for i, e in enumerate(problem.employees):
        owed = facts.owed[i]
        if not owed:
            continue
        cells = [x[i, j] for j in facts.free[i]]
        if not diagnose and problem.relax_shortfalls:  # relaxed: as many as the others allow
            short = model.new_int_var(0, owed, f"short{i}")
            model.add(cp_model.LinearExpr.sum(cells) + short >= owed)
            built.short.append(short)
            continue
        if not diagnose:
            model.add(cp_model.LinearExpr.sum(cells) >= owed)
            continue
        lit = model.new_bool_var(f"a{len(built.guards)}")
        built.guards[lit.index] = Guard("min_wfa", None, f"employee:{e.id}", owed, len(cells))
        model.add_assumption(lit)
        if cells:
            model.add(cp_model.LinearExpr.sum(cells) >= owed).only_enforce_if(lit)
        else:
            model.add_bool_or([lit.Not()])
    if not diagnose:
        _objective(problem, facts, built, on_day)
    return built


def _objective(
    problem: RosterProblem,
    facts: Facts,
    built: Built,
    on_day: dict[int, list[cp_model.IntVar]],
) -> None:
    model, x, w = built.model, built.x, problem.weights
    days = problem.days
    index = {d: j for j, d in enumerate(days)}
    coef: dict[tuple[int, int], int] = defaultdict(int)  # per free cell
    others: list[tuple[cp_model.IntVar, int]] = []  # dev, peak
    constant = 0
    for i, e in enumerate(problem.employees):
        row = [e.fixed.get(d) for d in days]  # None: free or on site
        for d, reason in e.wished.items():
            j = index.get(d)
            if j is None or row[j] in (WFA, ABSENT):
                continue
            cost = SCALE * w.wish * w.factor(reason)
            constant += cost  # missed unless the free cell is WFA
            if (i, j) in x:
                coef[i, j] -= cost
        for d, reason in e.unwanted.items():
            j = index.get(d)
            if j is None:
                continue
            cost = SCALE * w.unwanted * w.factor(reason)
            if (i, j) in x:
                coef[i, j] += cost
            elif row[j] == WFA:
                constant += cost
        price = SCALE * w.unrequested
        if price:
            for j in facts.free[i]:
                if days[j] not in e.wished:
                    coef[i, j] += price
        # stability: every WFA day (not fixed) off the weekly pattern
        off = SCALE * w.stability
        pattern = facts.pattern[i]
        for j in facts.free[i]:
            if days[j].weekday() not in pattern:
                coef[i, j] += off
    if w.fairness:
        for g, members in facts.peers:
            low = min(facts.base[i] for i in members)
            high = max(facts.base[i] + len(facts.free[i]) for i in members)
            level = model.new_int_var(low, high, f"level{len(built.level)}")
            built.level[g] = level
            for i in members:
                total = facts.base[i] + cp_model.LinearExpr.sum([x[i, j] for j in facts.free[i]])
                dev = model.new_int_var(0, high - low, f"dev{i}")
                model.add(dev >= total - level)
                model.add(dev >= level - total)
                built.dev[i] = dev
                others.append((dev, SCALE * w.fairness))
    if w.spread:  # the busiest day's WFA count
        fixed = facts.fixed_wfa
        top = max((fixed[j] + len(on_day[j]) for j in range(len(days))), default=0)
        peak = model.new_int_var(max(fixed, default=0), top, "peak")
        for j in range(len(days)):
            if on_day[j]:
                model.add(peak >= fixed[j] + cp_model.LinearExpr.sum(on_day[j]))
        built.peak = peak
        others.append((peak, SCALE * w.spread))
    for short in built.short:
        others.append((short, SCALE * OWED_SHORT))
    variables = [x[cell] for cell, c in coef.items() if c] + [v for v, _ in others]
    weights = [c for c in coef.values() if c] + [c for _, c in others]
    model.minimize(cp_model.LinearExpr.weighted_sum(variables, weights) + constant)


def add_hint(built: Built, facts: Facts, grid: Sequence[Sequence[str]]) -> None:
    """Hint a complete roster (every variable), so CP-SAT starts from a valid solution."""
    for (i, j), var in built.x.items():
        built.model.add_hint(var, grid[i][j] == WFA)
    for g, members in facts.peers:
        if g not in built.level:
            continue
        totals = {i: facts.base[i] + sum(grid[i][j] == WFA for j in facts.free[i]) for i in members}
        level = sorted(totals.values())[(len(totals) - 1) // 2]
        built.model.add_hint(built.level[g], level)
        for i in members:
            built.model.add_hint(built.dev[i], abs(totals[i] - level))
    if built.peak is not None:
        per_day = [sum(row[j] == WFA for row in grid) for j in range(facts.n_days)]
        built.model.add_hint(built.peak, max(per_day, default=0))
