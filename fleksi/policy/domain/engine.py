"""The policy engine: frozen facts in, a decision out, with a trace of every rule.

A rule is a small function ``(facts, params) -> RuleResult``. It names the parameter its
limit comes from, so the trace carries the article of the version in force. Rules never
raise for a refusal; they return ``FAIL`` with the value they saw and the limit.

Messages are not written here: each result carries a stable ``code`` and its parameters;
``fleksi.policy.messages`` renders them in Bahasa Indonesia and English.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Any, NamedTuple

from fleksi.policy.domain.params import PPK_BASIS, PolicyParams

# The basis of the rules whose limit is no parameter (a rule with a parameter takes the
# parameter's basis in the version in force).
RULE_BASIS: Mapping[str, str] = MappingProxyType(
    {
        "working_day": "Perpres 21/2023",
        "eligibility": "PermenPANRB 4/2025 Pasal 23 dan Pasal 25",
        "published_roster": f"{PPK_BASIS} (dasar: PermenPANRB 4/2025 Pasal 14)",
        "policy_in_force": "Perpres 21/2023 Pasal 8",
        "active": "Perpres 21/2023 Pasal 8",
        "assignment": PPK_BASIS,
        "late_arrival": "Perpres 21/2023",
        "early_departure": "Perpres 21/2023",
    }
)


def rule_basis(rule: str) -> str:
    """The basis of a rule that has no parameter of its own."""
    return RULE_BASIS.get(rule, "")


class Outcome(StrEnum):
    PASS = "pass"  # noqa: S105
    FAIL = "fail"
    WARN = "warn"
    SKIP = "skip"  # the rule does not apply to these facts


class Verdict(StrEnum):
    ALLOWED = "allowed"
    ALLOWED_WITH_WARNINGS = "allowed_with_warnings"
    REFUSED = "refused"


NO_DETAILS: Mapping[str, Any] = MappingProxyType({})


class RuleResult(NamedTuple):
    """One rule's answer (a named tuple: rules build one per person and rule, so it must be
    cheap; it is as immutable as a frozen dataclass)."""

    rule: str
    param: str  # the parameter whose value is the limit ("" if none)
    outcome: Outcome
    code: str  # message code, e.g. "probation.appointment.fail"
    observed: Any = None
    limit: Any = None
    details: Mapping[str, Any] = NO_DETAILS


@dataclass(frozen=True)
class Rule[F]:
    id: str
    param: str
    check: Callable[[F, PolicyParams], RuleResult]


@dataclass(frozen=True)
class TraceEntry:
    """A rule result with the legal reference of the version that decided it."""

    rule: str
    article: str
    outcome: Outcome
    code: str
    observed: Any
    limit: Any
    details: Mapping[str, Any]


@dataclass(frozen=True)
class Decision:
    verdict: Verdict
    trace: tuple[TraceEntry, ...]

    @property
    def allowed(self) -> bool:
        return self.verdict != Verdict.REFUSED

    @property
    def failures(self) -> tuple[TraceEntry, ...]:
        return tuple(t for t in self.trace if t.outcome == Outcome.FAIL)

    @property
    def warnings(self) -> tuple[TraceEntry, ...]:
        return tuple(t for t in self.trace if t.outcome == Outcome.WARN)

    @property
    def first_failure(self) -> TraceEntry | None:
        return next(iter(self.failures), None)


def evaluate[F](rules: Sequence[Rule[F]], facts: F, params: PolicyParams) -> Decision:
    """Run every rule (no short-circuit: the trace shows all reasons at once)."""
    trace: list[TraceEntry] = []
    for rule in rules:
        r = rule.check(facts, params)
        trace.append(
            TraceEntry(
                rule=r.rule,
                article=params.article(r.param) if r.param else rule_basis(r.rule),
                outcome=r.outcome,
                code=r.code,
                observed=r.observed,
                limit=r.limit,
                details=r.details,
            )
        )
    return Decision(verdict=verdict_of(trace), trace=tuple(trace))


def verdict_of(trace: Iterable[TraceEntry]) -> Verdict:
    outcomes = {t.outcome for t in trace}
    if Outcome.FAIL in outcomes:
        return Verdict.REFUSED
    if Outcome.WARN in outcomes:
        return Verdict.ALLOWED_WITH_WARNINGS
    return Verdict.ALLOWED


def combine(*decisions: Decision) -> Decision:
    """One decision from several (e.g. eligibility plus request rules)."""
    trace = tuple(t for d in decisions for t in d.trace)
    return Decision(verdict=verdict_of(trace), trace=trace)
