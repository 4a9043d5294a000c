"""Reviewing a roster after the solver: the hard-rule check of a hand-edited cell and the
figures of the roster as it now stands (per-day coverage and quota, fairness, unmet
preferences), computed exactly as for a solved one.

An edit is refused when the roster *after* it breaks a hard rule that it did not break
before (``evaluate.violations``, which reads only the problem): the weekly maximum, the daily
quota, a group minimum, a day without WFA, a day the employee may not use WFA, a decided
(fixed) cell or an absence.
"""

from __future__ import annotations

from dataclasses import dataclass

from fleksi.roster.domain.evaluate import Grid, Violation, violations
from fleksi.roster.domain.explain import unmet_preferences
from fleksi.roster.domain.facts import derive
from fleksi.roster.domain.problem import Placement, RosterProblem
from fleksi.roster.domain.result import DayReport, FairnessReport, UnmetPreference
from fleksi.roster.domain.solve import _day_reports, _fairness

_WITH_SUBJECT = frozenset({"weekly_cap", "min_onsite"})


@dataclass(frozen=True)
class Review:
    days: tuple[DayReport, ...]
    fairness: FairnessReport
    unmet: tuple[UnmetPreference, ...]


def _key(v: Violation) -> tuple[str, int | None, object, str]:
    subject = v.detail.rpartition(": ")[0] if v.rule in _WITH_SUBJECT else ""
    return (v.rule, v.employee, v.day, subject)


def check_change(
    problem: RosterProblem, grid: Grid, i: int, j: int, placement: Placement
) -> list[Violation]:
    """The hard rules that setting cell (``i``, ``j``) to ``placement`` would break."""
    before = {_key(v) for v in violations(problem, grid)}
    changed = [list(row) for row in grid]
    changed[i][j] = placement
    return [v for v in violations(problem, changed) if _key(v) not in before]


def summarise(problem: RosterProblem, grid: Grid) -> Review:
    facts = derive(problem)
    return Review(
        days=_day_reports(problem, facts, grid),
        fairness=_fairness(problem, facts, grid),
        unmet=unmet_preferences(problem, facts, grid),
    )
