"""The inputs of roster optimisation (capability C6), frozen and checked on construction.

A caller builds one :class:`RosterProblem` per unit (with its sub-units) and month, straight
from database rows; every value that needs the database or the policy engine is computed by
the caller, so this package stays pure Python:

``RosterProblem``
    ``days``
        the working days of the month, sorted, holidays and cuti bersama already removed.
    ``employees``
        one :class:`RosterEmployee` per person (see below).
    ``weekly_cap``
        at most this many WFA days in one ISO week (``PolicyParams.max_wfa_days_per_week``).
    ``max_offsite_share``
        share of the people *present* that day (absent people count neither on site nor off
        site) who may be off site (``PolicyParams.default_max_offsite_share``); the daily quota
        is ``floor(share × present)``.
    ``offsite_caps``
        optional day → number that replaces the share-based quota on that day.
    ``blackout``
        days without WFA (``PolicyParams.blackout_dates``): only fixed WFA stays on them.
    ``minimums``
        :class:`GroupMinimum` rows: at least ``minimum`` members of ``group`` on site, on every
        day or on the given ``days``. Members are the employees whose ``groups`` hold the group
        id; absent members do not count.
    ``weights``
        :class:`RosterWeights` of the soft goals.
    ``relax_shortfalls``
        when a minimum cannot be met by the members available, keep every available member on
        site that day and solve anyway (the shortfall is still reported); when False (the
        default) the result is ``infeasible`` and names the days.
    ``min_wfa_days``
        every eligible person (an allowed day in the month) has at least this many WFA days in
        the month, fixed ones included — as far as their own limits allow (allowed days, leave,
        fixed days, blackout days, the weekly cap: :func:`wfa_minimum`). A daily quota or a
        group minimum that leaves no room for it makes the month ``infeasible``, explained.

``RosterEmployee``
    ``id`` (the primary key); ``groups`` such as ``"unit:12"``, ``"role:counter"``,
    ``"unit:12/role:counter"``; ``allowed``: the days on which WFA may be rostered (eligible
    that day, no exception problem, location ready) — every other day is on site unless fixed;
    an employee who opts out has no allowed day. ``fixed``: decisions already taken, which the
    solver never changes — ``"wfa"`` (approved request), ``"absent"`` (leave, sick, official
    travel), ``"onsite"`` (must be in the office). ``cap_exempt``: the weekly cap does not
    apply (duties outside the office, keadaan khusus). ``wfa_outside``: WFA days already used
    in an ISO week ``(year, week)`` on days outside ``days`` (the cap holds across the month
    boundary). ``prior_wfa_days``: WFA days in the rolling window before the month (fairness
    over the window). ``wished`` / ``unwanted``: day → reason code (``"care"``, ``"commute"``,
    ``"health"``, ``""``); the weight of a reason is ``RosterWeights.reason_factors``.
    ``usual_weekdays``: the person's weekly pattern (``date.weekday()`` numbers), e.g. from
    last month's roster (``RosterResult.patterns``); empty: the solver proposes one.
    ``peer_group``: the comparable colleagues whose WFA days are compared with this person's
    (fairness); ``""``: the people with the same group minimums (``peer_group_of``).

Fixed decisions are facts, never a reason for infeasibility: the cap, the quota and the
minimums limit only what the solver adds; a fixed decision that already breaks a limit is
reported as a non-blocking explanation.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Final, Literal

type Placement = Literal["onsite", "wfa", "absent"]
type IsoWeek = tuple[int, int]

ONSITE: Final = "onsite"
WFA: Final = "wfa"
ABSENT: Final = "absent"
PLACEMENTS: Final = (ONSITE, WFA, ABSENT)


class RosterInputError(ValueError):
    """Inputs that cannot describe a month (stable ``code`` plus the offending value)."""

    def __init__(self, code: str, value: object) -> None:
        super().__init__(f"{code}: {value!r}")
        self.code = code
        self.value = value


def iso_week(day: date) -> IsoWeek:
    year, week, _ = day.isocalendar()
    return (year, week)


def _frozen_map[K, V](value: Mapping[K, V]) -> Mapping[K, V]:
    return MappingProxyType(dict(value))


@dataclass(frozen=True)
class RosterEmployee:
    id: int
    groups: frozenset[str] = frozenset()
    allowed: frozenset[date] = frozenset()
    fixed: Mapping[date, Placement] = field(default_factory=dict)
    cap_exempt: bool = False
    wfa_outside: Mapping[IsoWeek, int] = field(default_factory=dict)
    prior_wfa_days: int = 0
    wished: Mapping[date, str] = field(default_factory=dict)
    unwanted: Mapping[date, str] = field(default_factory=dict)
    usual_weekdays: frozenset[int] = frozenset()
    peer_group: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "usual_weekdays", frozenset(self.usual_weekdays))
        if not self.usual_weekdays <= set(range(7)):
            raise RosterInputError("weekday", sorted(self.usual_weekdays))
        for name in ("fixed", "wfa_outside", "wished", "unwanted"):
            object.__setattr__(self, name, _frozen_map(getattr(self, name)))
        object.__setattr__(self, "groups", frozenset(self.groups))
        object.__setattr__(self, "allowed", frozenset(self.allowed))
        bad = [v for v in self.fixed.values() if v not in PLACEMENTS]
        if bad:
            raise RosterInputError("fixed_placement", bad[0])
        if self.prior_wfa_days < 0 or any(n < 0 for n in self.wfa_outside.values()):
            raise RosterInputError("negative_count", self.id)
        both = set(self.wished) & set(self.unwanted)
        if both:
            raise RosterInputError("wished_and_unwanted", min(both))

    def placement_fixed(self, day: date) -> Placement | None:
        return self.fixed.get(day)


@dataclass(frozen=True)
class GroupMinimum:
    """At least ``minimum`` members of ``group`` on site (on ``days``, or every day if None)."""

    group: str
    minimum: int
    days: frozenset[date] | None = None

    def __post_init__(self) -> None:
        if self.minimum < 0:
            raise RosterInputError("negative_minimum", self.group)

    def applies(self, day: date) -> bool:
        return self.days is None or day in self.days


@dataclass(frozen=True)
class RosterWeights:
    """Integer weights of the soft goals (per unit of each term; see ``evaluate.py``).

    The defaults rank an unwanted WFA day above a missed wish, a missed wish above one day
    away from the level of comparable colleagues, that above a WFA day nobody asked for
    (``unrequested``: a policy parameter, ``PolicyParams.roster_unrequested_wfa_price``), and
    all of them above the tidiness goals (a stable weekly pattern and spreading WFA across the
    days).
    """

    wish: int = 4  # per wished day not granted
    unwanted: int = 6  # per unwanted day rostered as WFA
    fairness: int = 3  # per day between a person's window total and their peer group's level
    unrequested: int = 1  # per WFA day added that the person did not wish for
    stability: int = 1  # per WFA day off the person's weekly pattern
    spread: int = 1  # per person off site on the busiest day
    reason_factors: Mapping[str, int] = field(
        default_factory=lambda: {"care": 2, "health": 2, "commute": 1}
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "reason_factors", _frozen_map(self.reason_factors))
        values = [
            self.wish,
            self.unwanted,
            self.fairness,
            self.unrequested,
            self.stability,
            self.spread,
        ]
        if any(w < 0 for w in (*values, *self.reason_factors.values())):
            raise RosterInputError("negative_weight", values)

    def factor(self, reason: str) -> int:
        return self.reason_factors.get(reason, 1)


@dataclass(frozen=True)
class RosterProblem:
    days: tuple[date, ...]
    employees: tuple[RosterEmployee, ...]
    weekly_cap: int = 2
    max_offsite_share: float = 0.30
    offsite_caps: Mapping[date, int] = field(default_factory=dict)
    blackout: frozenset[date] = frozenset()
    minimums: tuple[GroupMinimum, ...] = ()
    weights: RosterWeights = field(default_factory=RosterWeights)
    relax_shortfalls: bool = False
    min_wfa_days: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "days", tuple(self.days))
        object.__setattr__(self, "employees", tuple(self.employees))
        object.__setattr__(self, "minimums", tuple(self.minimums))
        object.__setattr__(self, "blackout", frozenset(self.blackout))
        object.__setattr__(self, "offsite_caps", _frozen_map(self.offsite_caps))
        if list(self.days) != sorted(set(self.days)):
            raise RosterInputError("days_not_sorted", self.days)
        ids = [e.id for e in self.employees]
        if len(set(ids)) != len(ids):
            raise RosterInputError("duplicate_employee", ids)
        if self.weekly_cap < 0:
            raise RosterInputError("negative_cap", self.weekly_cap)
        if not 0 <= self.max_offsite_share <= 1:
            raise RosterInputError("share_range", self.max_offsite_share)
        if any(n < 0 for n in self.offsite_caps.values()):
            raise RosterInputError("negative_cap", dict(self.offsite_caps))
        if self.min_wfa_days < 0:
            raise RosterInputError("negative_minimum", self.min_wfa_days)

    def members(self, group: str) -> Iterable[int]:
        """Indexes (into ``employees``) of the members of a group."""
        return (i for i, e in enumerate(self.employees) if group in e.groups)


def peer_group_of(problem: RosterProblem, employee: RosterEmployee) -> str:
    """The comparable colleagues of a person: their ``peer_group``, else the people under the
    same group minimums (the same rules on site)."""
    if employee.peer_group:
        return employee.peer_group
    ruled = sorted(employee.groups & {m.group for m in problem.minimums})
    return "|".join(ruled) or "*"


def eligible(problem: RosterProblem, employee: RosterEmployee) -> bool:
    """May be given WFA days this month: an allowed day, or a fixed WFA day."""
    return any(d in employee.allowed or employee.fixed.get(d) == WFA for d in problem.days)


def own_capacity(problem: RosterProblem, employee: RosterEmployee) -> int:
    """The most WFA days the person's own limits leave to add this month: allowed days not
    fixed and not blackout days, at most the weekly cap's room in each ISO week."""
    used: dict[IsoWeek, int] = dict(employee.wfa_outside)
    per_week: dict[IsoWeek, int] = {}
    for d in problem.days:
        w = iso_week(d)
        if employee.fixed.get(d) == WFA:
            used[w] = used.get(w, 0) + 1
        elif d not in employee.fixed and d in employee.allowed and d not in problem.blackout:
            per_week[w] = per_week.get(w, 0) + 1
    if employee.cap_exempt:
        return sum(per_week.values())
    return sum(min(n, max(0, problem.weekly_cap - used.get(w, 0))) for w, n in per_week.items())


def wfa_minimum(problem: RosterProblem, employee: RosterEmployee) -> tuple[int, int]:
    """``(owed, fixed)``: the WFA days the person is owed this month under ``min_wfa_days``
    (fixed WFA days included; lowered to what their own limits allow) and the fixed ones."""
    fixed = sum(employee.fixed.get(d) == WFA for d in problem.days)
    if not problem.min_wfa_days or not eligible(problem, employee):
        return 0, fixed
    return min(problem.min_wfa_days, fixed + own_capacity(problem, employee)), fixed


@dataclass(frozen=True)
class SolveOptions:
    """How long and how the solver runs (CP-SAT parameters)."""

    time_limit_s: float = 10.0
    workers: int = 2
    seed: int = 0
    gap_limit_pct: float = 0.0  # stop once the proven gap is at most this
    use_hint: bool = True  # start from the greedy roster
    # > 1: a unit of at least ``decompose.MIN_PEOPLE`` is first solved by parts (groups sharing
    # no constraint) in this many processes, then as a whole from their roster (decompose.py)
    processes: int = 1
