"""Pure roster optimisation (no Django): frozen inputs, a CP-SAT model, an explained result.

Usage::

    from fleksi.roster.domain import RosterProblem, RosterEmployee, GroupMinimum, solve

    result = solve(RosterProblem(days=..., employees=(...), minimums=(...)))
    result.status, result.assignment, result.unmet, result.explanations
"""

from fleksi.roster.domain.evaluate import ObjectiveTerms, Violation, violations
from fleksi.roster.domain.problem import (
    ABSENT,
    ONSITE,
    WFA,
    GroupMinimum,
    Placement,
    RosterEmployee,
    RosterInputError,
    RosterProblem,
    RosterWeights,
    SolveOptions,
)
from fleksi.roster.domain.result import (
    DayReport,
    Explanation,
    FairnessReport,
    GroupCoverage,
    Reason,
    RosterResult,
    UnmetPreference,
)
from fleksi.roster.domain.solve import diagnose, solve

__all__ = [
    "ABSENT",
    "ONSITE",
    "WFA",
    "DayReport",
    "Explanation",
    "FairnessReport",
    "GroupCoverage",
    "GroupMinimum",
    "ObjectiveTerms",
    "Placement",
    "Reason",
    "RosterEmployee",
    "RosterInputError",
    "RosterProblem",
    "RosterResult",
    "RosterWeights",
    "SolveOptions",
    "UnmetPreference",
    "Violation",
    "diagnose",
    "solve",
    "violations",
]
