"""Employee-level eligibility rules (PermenPANRB 4/2025 Pasal 23 and 25, and the Perbup).

Each rule is one small function over :class:`EmployeeFacts`. To add a rule: write the
function, add it to :data:`ELIGIBILITY_RULES`, give its codes a message in
``fleksi.policy.messages``, and add its table of boundary cases to the tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from fleksi.common.domain.months import add_months
from fleksi.policy.domain.engine import Outcome, Rule, RuleResult
from fleksi.policy.domain.params import RATINGS, PolicyParams


@dataclass(frozen=True)
class EmployeeFacts:
    """What the rules may know about an employee on one day."""

    employee_id: int
    day: date
    asn_type: str
    tmt_appointment: date
    last_promotion_date: date | None
    last_transfer_date: date | None
    last_rotation_date: date | None
    discipline_status: str  # none | in_process | serving
    discipline_start: date | None
    discipline_end: date | None
    last_rating: str  # "" when not rated
    unit_kind: str
    in_public_service_unit: bool  # the unit or a unit above it serves the public directly
    position_class: str  # capable | partly | onsite | unassessed (after exceptions)
    exception_until: date | None = None  # an active per-employee exception, if any
    exception_waives_unit: bool = False  # the exception lifts the public-service exclusion
    # The last day of a WFA suspension covering the day (outputs below the policy's
    # threshold), unless the supervisor reinstated it; None when there is none.
    suspended_until: date | None = None


def _ok(rule: str, param: str, observed: object = None, limit: object = None) -> RuleResult:
    return RuleResult(rule, param, Outcome.PASS, f"{rule}.pass", observed, limit)


def asn_type(f: EmployeeFacts, p: PolicyParams) -> RuleResult:
    allowed = sorted(p.allowed_asn_types)
    if f.asn_type in p.allowed_asn_types:
        return _ok("asn_type", "allowed_asn_types", f.asn_type, allowed)
    return RuleResult(
        "asn_type", "allowed_asn_types", Outcome.FAIL, "asn_type.fail", f.asn_type, allowed
    )


def discipline(f: EmployeeFacts, p: PolicyParams) -> RuleResult:
    param = "exclude_disciplinary"
    if not p.exclude_disciplinary:
        return RuleResult("discipline", param, Outcome.SKIP, "discipline.off")
    active = (
        f.discipline_status != "none"
        and (f.discipline_start is None or f.discipline_start <= f.day)
        and (f.discipline_end is None or f.day <= f.discipline_end)
    )
    if active:
        return RuleResult(
            "discipline",
            param,
            Outcome.FAIL,
            f"discipline.{f.discipline_status}",
            f.discipline_status,
            "none",
            {"until": f.discipline_end},
        )
    return _ok("discipline", param, "none", "none")


def _probation(
    rule: str, param: str, since: date | None, f: EmployeeFacts, months: int
) -> RuleResult:
    if since is None or months == 0:
        return RuleResult(rule, param, Outcome.SKIP, f"{rule}.none")
    ends = add_months(since, months)  # first day outside the window
    if f.day < ends:
        return RuleResult(
            rule, param, Outcome.FAIL, f"{rule}.fail", since, months, {"eligible_from": ends}
        )
    return _ok(rule, param, since, months)


def probation_appointment(f: EmployeeFacts, p: PolicyParams) -> RuleResult:
    return _probation(
        "probation_appointment",
        "probation_after_appointment_months",
        f.tmt_appointment,
        f,
        p.probation_after_appointment_months,
    )


def probation_promotion(f: EmployeeFacts, p: PolicyParams) -> RuleResult:
    return _probation(
        "probation_promotion",
        "probation_after_promotion_months",
        f.last_promotion_date,
        f,
        p.probation_after_promotion_months,
    )


def probation_transfer(f: EmployeeFacts, p: PolicyParams) -> RuleResult:
    return _probation(
        "probation_transfer",
        "probation_after_transfer_months",
        f.last_transfer_date,
        f,
        p.probation_after_transfer_months,
    )


def probation_rotation(f: EmployeeFacts, p: PolicyParams) -> RuleResult:
    return _probation(
        "probation_rotation",
        "probation_after_rotation_months",
        f.last_rotation_date,
        f,
        p.probation_after_rotation_months,
    )


def rating(f: EmployeeFacts, p: PolicyParams) -> RuleResult:
    param = "min_last_rating"
    if not p.min_last_rating:
        return RuleResult("rating", param, Outcome.SKIP, "rating.off")
    if not f.last_rating:
        return RuleResult("rating", param, Outcome.WARN, "rating.missing", "", p.min_last_rating)
    if RATINGS.index(f.last_rating) <= RATINGS.index(p.min_last_rating):
        return _ok("rating", param, f.last_rating, p.min_last_rating)
    return RuleResult(
        "rating", param, Outcome.FAIL, "rating.fail", f.last_rating, p.min_last_rating
    )


def public_service_unit(f: EmployeeFacts, p: PolicyParams) -> RuleResult:
    param = "exclude_public_service_units"
    if not p.exclude_public_service_units:
        return RuleResult("public_service_unit", param, Outcome.SKIP, "public_service_unit.off")
    if not f.in_public_service_unit:
        return _ok("public_service_unit", param, False, False)
    if f.exception_waives_unit:
        return RuleResult(
            "public_service_unit",
            param,
            Outcome.PASS,
            "public_service_unit.exception",
            True,
            False,
            {"until": f.exception_until},
        )
    return RuleResult(
        "public_service_unit", param, Outcome.FAIL, "public_service_unit.fail", True, False
    )


def unit_kind(f: EmployeeFacts, p: PolicyParams) -> RuleResult:
    param = "excluded_unit_kinds"
    if f.unit_kind in p.excluded_unit_kinds and not f.exception_waives_unit:
        return RuleResult(
            "unit_kind",
            param,
            Outcome.FAIL,
            "unit_kind.fail",
            f.unit_kind,
            sorted(p.excluded_unit_kinds),
        )
    return _ok("unit_kind", param, f.unit_kind, sorted(p.excluded_unit_kinds))


def position_class(f: EmployeeFacts, p: PolicyParams) -> RuleResult:
    param = "allowed_position_classes"
    allowed = sorted(p.allowed_position_classes)
    details = {"until": f.exception_until} if f.exception_until else {}
    if f.position_class in p.allowed_position_classes:
        code = "position_class.exception" if f.exception_until else "position_class.pass"
        return RuleResult(
            "position_class", param, Outcome.PASS, code, f.position_class, allowed, details
        )
    return RuleResult(
        "position_class",
        param,
        Outcome.FAIL,
        f"position_class.{f.position_class}",
        f.position_class,
        allowed,
        details,
    )


def suspension(f: EmployeeFacts, p: PolicyParams) -> RuleResult:
    """A WFA suspension decided by the monthly output check (PermenPANRB 4/2025 Pasal 35)
    refuses every day up to and including its last day; the period itself came from
    ``suspension_days`` when the suspension was decided."""
    param = "suspension_days"
    if f.suspended_until is None or f.day > f.suspended_until:
        return _ok("suspension", param)
    return RuleResult(
        "suspension",
        param,
        Outcome.FAIL,
        "suspension.fail",
        f.day,
        f.suspended_until,
        {"until": f.suspended_until},
    )


ELIGIBILITY_RULES: tuple[Rule[EmployeeFacts], ...] = (
    Rule("asn_type", "allowed_asn_types", asn_type),
    Rule("discipline", "exclude_disciplinary", discipline),
    Rule("probation_appointment", "probation_after_appointment_months", probation_appointment),
    Rule("probation_promotion", "probation_after_promotion_months", probation_promotion),
    Rule("probation_transfer", "probation_after_transfer_months", probation_transfer),
    Rule("probation_rotation", "probation_after_rotation_months", probation_rotation),
    Rule("rating", "min_last_rating", rating),
    Rule("public_service_unit", "exclude_public_service_units", public_service_unit),
    Rule("unit_kind", "excluded_unit_kinds", unit_kind),
    Rule("position_class", "allowed_position_classes", position_class),
    Rule("suspension", "suspension_days", suspension),
)
