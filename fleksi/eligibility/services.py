"""Deciding eligibility: evaluate the version in force and store the decision with its trace."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction

from fleksi.eligibility.models import EligibilityDecision
from fleksi.eligibility.selectors import facts_of
from fleksi.org.models import Employee
from fleksi.policy.domain.eligibility import ELIGIBILITY_RULES
from fleksi.policy.domain.engine import Decision, Outcome, TraceEntry, Verdict, evaluate, rule_basis
from fleksi.policy.messages import trace_to_json
from fleksi.policy.models import PolicyVersion
from fleksi.policy.selectors import params_of, version_in_force

NO_POLICY = TraceEntry(
    rule="policy_in_force",
    article=rule_basis("policy_in_force"),
    outcome=Outcome.FAIL,
    code="policy_in_force.none",
    observed=None,
    limit=None,
    details={},
)


@dataclass(frozen=True)
class EligibilityOutcome:
    employee: Employee
    day: date
    version: PolicyVersion | None
    decision: Decision
    stored: EligibilityDecision | None


def eligibility_evaluate(
    *, employee: Employee, day: date, version: PolicyVersion | None = None
) -> tuple[PolicyVersion | None, Decision]:
    """The decision for one person on one day under ``version`` (default: the one in force)."""
    version = version or version_in_force(day)
    if version is None:
        return None, Decision(verdict=Verdict.REFUSED, trace=(NO_POLICY,))
    params = params_of(version)
    facts = facts_of(employee, day=day, params=params)
    if facts is None:  # inactive employee
        inactive = TraceEntry(
            rule="active",
            article=rule_basis("active"),
            outcome=Outcome.FAIL,
            code="active.fail",
            observed=False,
            limit=True,
            details={},
        )
        return version, Decision(verdict=Verdict.REFUSED, trace=(inactive,))
    return version, evaluate(ELIGIBILITY_RULES, facts, params)


def eligibility_decide(*, employee: Employee, day: date, actor: Any = None) -> EligibilityOutcome:
    """Evaluate and store the decision (one per person, day and version; a re-check
    refreshes it). Decisions are records of the engine, not changes by a person, so they are
    kept in their own table rather than the audit trail."""
    version, decision = eligibility_evaluate(employee=employee, day=day)
    with transaction.atomic():
        stored, _created = EligibilityDecision.objects.update_or_create(
            employee=employee,
            day=day,
            version=version,
            defaults={"verdict": str(decision.verdict), "trace": trace_to_json(decision.trace)},
        )
    return EligibilityOutcome(employee, day, version, decision, stored)
