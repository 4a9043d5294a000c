"""Facts for the request rules, and the evaluation of a request's days.

Two moments use them: at submission, days already pending or approved count against the
quota and the minimum on site; at approval, only approved days do. The day being decided is
always counted as if it were granted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from fleksi.eligibility.services import eligibility_evaluate
from fleksi.org.models import Employee, Unit
from fleksi.org.selectors import unit_ancestors
from fleksi.places.selectors.readiness import location_facts_for_desa
from fleksi.policy.domain.calendar import WorkCalendar
from fleksi.policy.domain.engine import Decision, Outcome, TraceEntry, Verdict, evaluate, rule_basis
from fleksi.policy.domain.location import LocationFacts
from fleksi.policy.domain.params import PolicyParams
from fleksi.policy.domain.requests import REQUEST_RULES, DayFacts, QuotaFacts, StaffingFacts
from fleksi.policy.models import PolicyVersion
from fleksi.policy.selectors import (
    params_of,
    policy_snapshot,
    role_minimums,
    unit_overrides,
    version_in_force,
    work_calendar,
)
from fleksi.schedule.selectors.staffing import staffing_counts, week_wfa_days
from fleksi.worktime.selectors import PersonKey, person_working_days

# Whose days count: an employee's own weekly maximum counts their waiting days too (nobody
# can queue more than the maximum); a unit's quota and minimum on site count approved days
# only, so that waiting requests compete and the approval decides.
SUBMISSION_STATUSES = ("pending", "approved")
APPROVAL_STATUSES = ("approved",)
STAFFING_STATUSES = ("approved",)

# Facts that apps above the schedule add to every requested day (for example the number of
# WFA days without an output report, from the output supervision). Registered from their
# AppConfig.ready() with :func:`register_fact_provider`, so the schedule never imports them.
FactProvider = Callable[[Employee, date], object]
_FACT_PROVIDERS: dict[str, FactProvider] = {}


def register_fact_provider(name: str, provider: FactProvider) -> None:
    """Add ``DayFacts.extra[name] = provider(employee, day)`` to every requested day."""
    if _FACT_PROVIDERS.get(name, provider) is not provider:
        raise ValueError(f"fact provider {name!r} is already registered")
    _FACT_PROVIDERS[name] = provider


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
class DayCheck:
    day: date
    version: PolicyVersion | None
    decision: Decision


def _units_of(employee: Employee) -> list[Unit]:
    """The employee's unit and every unit above it, perangkat daerah first."""
    return [*unit_ancestors(employee.unit), employee.unit]


def _lead_days(cal: WorkCalendar, submitted_on: date, day: date) -> int:
    if day <= submitted_on:
        return 0
    return len(cal.working_days(date.fromordinal(submitted_on.toordinal() + 1), day))


def day_facts(
    *,
    employee: Employee,
    day: date,
    kind: str,
    location_type: str,
    submitted_on: date,
    week_count: int,
    params: PolicyParams,
    version: PolicyVersion,
    cal: WorkCalendar,
    eligible: bool,
    failures: tuple[str, ...],
    location: LocationFacts | None = None,
    duty_letter: bool = False,
    working: bool | None = None,
) -> DayFacts:
    """``working``: the day is a working day of the person's own schedule (None: by the
    regency's calendar)."""
    overrides = unit_overrides(version)
    units = _units_of(employee)
    quotas: list[QuotaFacts] = []
    staffing: list[StaffingFacts] = []
    role = employee.position.service_role
    minimums = role_minimums(version)
    counts = staffing_counts(
        units, day, statuses=STAFFING_STATUSES, role=role, exclude_employee=employee.pk
    )
    for unit in units:
        share, minimum = overrides.get(unit.pk, (None, None))
        present, others_off, role_present, role_off = counts[unit.pk]
        if unit.parent_id is None or share is not None:
            quotas.append(
                QuotaFacts(
                    unit.pk,
                    unit.name,
                    others_off + 1,
                    present,
                    share if share is not None else params.default_max_offsite_share,
                )
            )
        if minimum is None and unit.is_public_service:
            minimum = params.min_onsite_public_service
        if minimum is not None:
            staffing.append(StaffingFacts(unit.pk, unit.name, present - others_off - 1, minimum))
        if role and (unit.pk, role) in minimums:
            staffing.append(
                StaffingFacts(
                    unit.pk,
                    unit.name,
                    role_present - role_off - 1,
                    minimums[(unit.pk, role)],
                    role,
                )
            )
    return DayFacts(
        employee_id=employee.pk,
        day=day,
        request_kind=kind,
        location_type=location_type,
        is_working_day=cal.is_working_day(day) if working is None else working,
        holiday_name=cal.holiday_name(day),
        lead_working_days=_lead_days(cal, submitted_on, day),
        eligible=eligible,
        eligibility_failures=failures,
        week_wfa_days=week_count,
        quotas=tuple(quotas),
        staffing=tuple(staffing),
        location=location,
        extra={name: provider(employee, day) for name, provider in _FACT_PROVIDERS.items()},
        duty_letter=duty_letter,
    )


@policy_snapshot()  # the policy's generation token read once for the whole check
def check_days(
    *,
    employee: Employee,
    days: Sequence[date],
    kind: str,
    location_type: str,
    submitted_on: date,
    statuses: Sequence[str],
    exclude_request: int | None = None,
    desa_id: int | None = None,
    duty_letter: bool = False,
) -> list[DayCheck]:
    """Evaluate eligibility and the request rules for each day (in date order); ``statuses``
    are the days of the employee that count towards their weekly maximum."""
    days = sorted(set(days))
    if not days:
        return []
    cal = work_calendar(min(submitted_on, days[0]), days[-1])
    # The person's own working days (their schedule: a six-day week, shifts, part time): the
    # weekly maximum counts these, and a day off of theirs cannot be asked for.
    person = PersonKey(employee.pk, employee.unit_id, employee.unit.path, employee.asn_type)
    working = person_working_days(person, days)
    held = week_wfa_days(employee.pk, days, statuses=statuses, exclude_request=exclude_request)
    in_request: dict[tuple[int, int], int] = {}
    checks: list[DayCheck] = []
    for day in days:
        week = day.isocalendar()[:2]
        version = version_in_force(day)
        if version is None:
            checks.append(DayCheck(day, None, Decision(Verdict.REFUSED, (NO_POLICY,))))
            continue
        params = params_of(version)
        place = location_facts_for_desa(
            desa_id, params=params, location_type=location_type, day=day
        )
        _v, eligibility = eligibility_evaluate(employee=employee, day=day, version=version)
        counted = day in working
        in_request[week] = in_request.get(week, 0) + (1 if counted else 0)
        facts = day_facts(
            employee=employee,
            day=day,
            kind=kind,
            location_type=location_type,
            submitted_on=submitted_on,
            week_count=held.get(week, 0) + in_request[week],
            params=params,
            version=version,
            cal=cal,
            eligible=eligibility.allowed,
            failures=tuple(t.rule for t in eligibility.failures),
            location=place,
            duty_letter=duty_letter,
            working=day in working,
        )
        checks.append(DayCheck(day, version, evaluate(REQUEST_RULES, facts, params)))
    return checks
