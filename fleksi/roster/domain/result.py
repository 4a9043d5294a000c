"""The frozen result of a roster solve.

``status``
    ``"optimal"`` (proven), ``"feasible"`` (a valid roster; ``gap_pct`` says how far from the
    proven bound it may be), ``"infeasible"`` (no roster meets the hard rules: see
    ``explanations``; ``assignment`` is empty) or ``"unknown"`` (no roster found in time —
    only possible when the greedy start is switched off, ``SolveOptions.use_hint=False``).
``source``
    ``"cp-sat"`` or ``"greedy"`` (the solver found nothing better than the greedy start).
``assignment``
    employee id → day → ``"onsite"`` / ``"wfa"`` / ``"absent"`` for every employee and day;
    ``fixed`` lists which cells were decided before (the problem's fixed decisions).
``days``
    per day: WFA, on-site and absent counts, the quota and each group minimum with its count.
``fairness``
    WFA days per employee who could be given any: min / max / mean / spread in the month and
    over the rolling window; per group of comparable colleagues its level (the median of the
    window totals) and distance (Σ |total − level|); per person their difference from it.
``unmet``
    every wished day not granted and every unwanted day rostered WFA, with the hard rules
    that were tight for that cell (see ``explain.py``).
``patterns``
    employee id → the weekdays of their weekly pattern (pass them as ``usual_weekdays`` next
    month to keep the roster stable from month to month).
``explanations``
    why the problem is infeasible (``blocking``), or limits the fixed decisions alone already
    break or shortfalls that were relaxed (not blocking).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Final, Literal

from fleksi.roster.domain.evaluate import ObjectiveTerms
from fleksi.roster.domain.problem import Placement

type Status = Literal["optimal", "feasible", "infeasible", "unknown"]

# Rule codes (stable; rendered into words outside the domain).
FIXED: Final = "fixed"
NOT_ALLOWED: Final = "not_allowed"
BLACKOUT: Final = "blackout"
WEEKLY_CAP: Final = "weekly_cap"
DAILY_QUOTA: Final = "daily_quota"
MIN_ONSITE: Final = "min_onsite"
MIN_WFA: Final = "min_wfa"
FAIR_SHARE: Final = "fair_share"
TRADE_OFF: Final = "trade_off"


@dataclass(frozen=True)
class Reason:
    """A rule that stood in the way; ``subject`` is the group, the ISO week or ``""``."""

    rule: str
    subject: str = ""


@dataclass(frozen=True)
class UnmetPreference:
    employee: int
    day: date
    kind: Literal["wish", "unwanted"]
    reason_code: str  # the employee's reason for the preference ("care", "commute", ...)
    reasons: tuple[Reason, ...]  # never empty


@dataclass(frozen=True)
class Explanation:
    rule: str  # min_onsite | daily_quota | weekly_cap | min_wfa
    day: date | None
    subject: str  # the group, "employee:<id>" (weekly cap, with the ISO week; min_wfa) or ""
    needed: int  # the minimum, or the limit (min_wfa: the WFA days owed)
    available: int  # the people available, or the fixed count (min_wfa: the most possible)
    blocking: bool = True


@dataclass(frozen=True)
class GroupCoverage:
    group: str
    minimum: int
    onsite: int


@dataclass(frozen=True)
class DayReport:
    day: date
    wfa: int
    onsite: int
    absent: int
    quota: int
    groups: tuple[GroupCoverage, ...]


@dataclass(frozen=True)
class PeerFairness:
    """One group of comparable colleagues: their WFA days over the window (prior + month)."""

    group: str
    members: int
    level: float  # the group's level: the median of the window totals
    min_days: int
    max_days: int
    distance: int  # Σ |window total − level|, in days (the fairness term, unweighted)


@dataclass(frozen=True)
class PersonFairness:
    employee: int
    group: str  # "" when the person has no comparable colleague
    month_days: int  # WFA days this month
    window_days: int  # prior window + this month
    level: float | None  # their group's level
    difference: float  # window_days − level (0 without a group)


@dataclass(frozen=True)
class FairnessReport:
    employees: int  # people who could be given WFA days this month
    min_days: int
    max_days: int
    mean_days: float
    spread: int  # max - min in the month
    window_min: int  # prior window + this month
    window_max: int
    distance: int  # Σ over peer groups of Σ |window total − level|, in days
    groups: tuple[PeerFairness, ...] = ()
    people: tuple[PersonFairness, ...] = ()


@dataclass(frozen=True)
class RosterResult:
    status: Status
    source: Literal["cp-sat", "greedy", ""]
    objective: float | None  # points (ObjectiveTerms.points)
    best_bound: float | None
    gap_pct: float | None
    seconds: float
    first_solution_s: float | None
    assignment: Mapping[int, Mapping[date, Placement]]
    fixed: frozenset[tuple[int, date]]
    days: tuple[DayReport, ...] = ()
    fairness: FairnessReport | None = None
    terms: ObjectiveTerms | None = None
    unmet: tuple[UnmetPreference, ...] = ()
    explanations: tuple[Explanation, ...] = field(default=())
    patterns: Mapping[int, frozenset[int]] = field(default_factory=dict)

    @property
    def feasible(self) -> bool:
        return self.status in ("optimal", "feasible")

    def wfa_days(self, employee: int) -> tuple[date, ...]:
        return tuple(d for d, p in sorted(self.assignment.get(employee, {}).items()) if p == "wfa")
