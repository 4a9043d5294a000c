"""The monthly revocation check (a periodic job) and reinstatement by the supervisor.

The check decides the previous month once all its report deadlines are over: every
employee with approved WFA days in that month is measured, and :func:`decide_revocation`
says whether WFA is suspended. Each suspension is stored in eligibility (so the
``suspension`` rule refuses WFA), with its trace; approved WFA days inside the suspension
are recalled; the employee and the supervisor are told; everything is audited. The month is
recorded as checked, so running the job again does nothing (and the database allows one
suspension per employee and month).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fleksi.common.domain.months import month_end, previous_month
from fleksi.common.errors import Conflict, NotAllowed, ValidationFailed
from fleksi.eligibility.models import WfaSuspension
from fleksi.org.models import Employee
from fleksi.outputs.domain.periods import report_due
from fleksi.outputs.domain.revocation import RevocationFacts, decide_revocation
from fleksi.outputs.models import RevocationCheck
from fleksi.outputs.permissions import leads
from fleksi.outputs.selectors.measures import period_facts
from fleksi.outputs.services.common import audit
from fleksi.outputs.services.notices import tell
from fleksi.policy.domain.params import params_to_json
from fleksi.policy.selectors import params_of, version_in_force, work_calendar
from fleksi.schedule.models import RequestDay

RECALL_NOTE = "WFA suspended (monthly output check)"


def _reason(trace: dict[str, Any]) -> str:
    """A language-neutral summary of what fired (numbers and symbols only)."""
    parts = []
    for check in trace["checks"]:
        if check.get("outcome") == "fail":
            unit = " %" if check["check"] == "achievement" else ""
            sign = "<" if check["check"] == "achievement" else ">"
            parts.append(
                f"{check['check']}: {check['observed']}{unit} {sign} {check['threshold']}{unit}"
            )
    return "; ".join(parts)


def revocation_check(*, today: date | None = None) -> int:
    """Check the previous month if it is due and not checked yet; returns the suspensions."""
    today = today or timezone.localdate()
    month = previous_month(today)
    end = month_end(month)
    version = version_in_force(today)
    if version is None:
        return 0
    params = params_of(version)
    cal = work_calendar(end, end + timedelta(days=params.report_deadline_days * 3 + 21))
    if today <= report_due(cal, end, params.report_deadline_days):
        return 0  # the month's last outputs may still be reported on time
    if RevocationCheck.objects.filter(month=month).exists():
        return 0
    try:
        with transaction.atomic():
            check = RevocationCheck.objects.create(
                month=month, ran_at=timezone.now(), params=params_to_json(params)
            )
            return _check_month(check, month, end, today, params, version.pk)
    except IntegrityError:  # another run checked the month at the same moment
        return 0


def _check_month(
    check: RevocationCheck, month: date, end: date, today: date, params: Any, version_id: int
) -> int:
    wfa_people = RequestDay.objects.filter(
        status=RequestDay.Status.APPROVED, day__gte=month, day__lte=end
    ).values("employee_id")
    employees = Employee.objects.filter(pk__in=wfa_people)
    facts = period_facts(employees, start=month, end=end, today=today)
    measures = facts.measures()
    people = {e.pk: e for e in employees.select_related("unit", "supervisor")}
    suspended = 0
    for emp_id, m in sorted(measures.items()):
        decision = decide_revocation(
            RevocationFacts(
                emp_id,
                month,
                m.total.wfa_days,
                m.total.outputs,
                m.total.achievement_pct,
                m.total.unreported_days,
            ),
            min_achievement_pct=params.revocation_min_achievement_pct,
            max_unreported_days=params.revocation_max_unreported_days,
            suspension_days=params.suspension_days,
            today=today,
        )
        if not decision.suspend or decision.start is None or decision.end is None:
            continue
        employee = people[emp_id]
        trace = {**decision.trace, "policy_version": version_id}
        suspension = WfaSuspension.objects.create(
            employee=employee,
            month=month,
            start=decision.start,
            end=decision.end,
            trigger=decision.trigger,
            reason=_reason(trace),
            trace=trace,
            decided_at=timezone.now(),
        )
        recalled = RequestDay.objects.filter(
            employee=employee,
            status=RequestDay.Status.APPROVED,
            day__gte=max(decision.start, today),
            day__lte=decision.end,
        )
        recalled_days = sorted(recalled.values_list("day", flat=True))
        recalled.update(
            status=RequestDay.Status.RECALLED, decided_at=timezone.now(), note=RECALL_NOTE
        )
        audit(
            None,
            employee,
            "wfa.suspend",
            "suspension",
            suspension.pk,
            after={
                **trace,
                "start": decision.start,
                "end": decision.end,
                "trigger": decision.trigger,
                "recalled_days": recalled_days,
            },
        )
        to = [employee] + ([employee.supervisor] if employee.supervisor else [])
        tell(
            kind="wfa.suspended",
            to=to,
            params={
                "name": employee.name,
                "month": f"{month:%m/%Y}",
                "reason": suspension.reason,
                "start": f"{decision.start:%d/%m/%Y}",
                "until": f"{decision.end:%d/%m/%Y}",
            },
            url=f"/outputs/people/{employee.pk}/",
            source=("eligibility.suspension", str(suspension.pk)),
        )
        suspended += 1
    check.checked, check.suspended = len(measures), suspended
    check.save(update_fields=["checked", "suspended"])
    return suspended


def suspension_reinstate(*, actor: Any, suspension: WfaSuspension, reason: str) -> WfaSuspension:
    """The supervisor lifts a suspension, with a reason (recalled days are not restored)."""
    if not reason.strip():
        text = _("Say why WFA is reinstated.")
        raise ValidationFailed("reason_required", text, errors={"reason": [text]})
    with transaction.atomic():
        suspension = (
            WfaSuspension.objects.select_for_update(of=("self",))
            .select_related("employee", "employee__unit")
            .get(pk=suspension.pk)
        )
        if not leads(actor, suspension.employee):
            raise NotAllowed("not_supervisor", _("Only the supervisor reinstates WFA."))
        if suspension.reinstated_at is not None:
            raise Conflict("already_reinstated", _("This suspension was already lifted."))
        suspension.reinstated_at, suspension.reinstated_by = timezone.now(), actor
        suspension.reinstated_reason = reason.strip()
        suspension.save(update_fields=["reinstated_at", "reinstated_by", "reinstated_reason"])
        employee = suspension.employee
        audit(
            actor,
            employee,
            "wfa.reinstate",
            "suspension",
            suspension.pk,
            after={"reason": suspension.reinstated_reason, "month": suspension.month},
        )
        tell(
            kind="wfa.reinstated",
            to=[employee],
            params={
                "name": employee.name,
                "by": getattr(actor, "display_name", str(actor)),
                "comment": suspension.reinstated_reason,
            },
            url=f"/outputs/people/{employee.pk}/",
            source=("eligibility.suspension", str(suspension.pk)),
        )
    return suspension
