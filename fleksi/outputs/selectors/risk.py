"""Who of a team is at risk of a WFA suspension, before it applies: a suspension decided
but not begun (it applies from the date its decision states), or figures of the month so far
that would suspend WFA at the monthly check (the same decision as the check, with the policy
in force today). Read by the supervisor's and the head's home page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from fleksi.common.domain.months import month_start
from fleksi.eligibility.models import WfaSuspension
from fleksi.org.models import Employee
from fleksi.outputs.domain.revocation import RevocationFacts, decide_revocation
from fleksi.outputs.messages import revocation_reason
from fleksi.outputs.selectors.measures import period_facts
from fleksi.policy.selectors import params_of, version_in_force
from fleksi.schedule.models import RequestDay


@dataclass(frozen=True)
class AtRisk:
    employee_id: int
    name: str
    reason: str  # in the active language, with the numbers
    starts: date | None  # the first day of a decided suspension; None: at risk this month


def wfa_at_risk(employees: QuerySet[Employee], today: date) -> list[AtRisk]:
    """The people of ``employees`` at risk, decided suspensions first, then by name."""
    version = version_in_force(today)
    if version is None:
        return []
    params = params_of(version)
    ids = employees.order_by().values("pk")
    found: dict[int, AtRisk] = {}
    for s in WfaSuspension.objects.filter(
        employee_id__in=ids, start__gt=today, reinstated_at__isnull=True
    ).select_related("employee"):
        found[s.employee_id] = AtRisk(
            s.employee_id, s.employee.name, revocation_reason(s.trace), s.start
        )
    month = month_start(today)
    with_wfa = Employee.objects.filter(
        pk__in=RequestDay.objects.filter(
            employee_id__in=ids,
            status=RequestDay.Status.APPROVED,
            day__gte=month,
            day__lte=today,
        ).values("employee_id")
    )
    names = dict(with_wfa.values_list("pk", "name"))
    if not names:
        return sorted(found.values(), key=lambda a: a.name)
    measures = period_facts(with_wfa, start=month, end=today, today=today).measures()
    for emp_id, m in measures.items():
        if emp_id in found:
            continue
        t = m.total
        decision = decide_revocation(
            RevocationFacts(
                emp_id, month, t.wfa_days, t.outputs, t.achievement_pct, t.unreported_days
            ),
            min_achievement_pct=params.revocation_min_achievement_pct,
            max_unreported_days=params.revocation_max_unreported_days,
            suspension_days=params.suspension_days,
            today=today,
        )
        if decision.suspend:
            found[emp_id] = AtRisk(emp_id, names[emp_id], revocation_reason(decision.trace), None)
    return sorted(found.values(), key=lambda a: (a.starts is None, a.name))
