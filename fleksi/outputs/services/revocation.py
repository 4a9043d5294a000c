"""The monthly revocation check (a periodic job), its mid-month notice, and reinstatement by
the supervisor.

Humane by design (issue 16): people at risk are warned in the middle of the month with their
figures so far and what to do (``revocation_warning_day``); a suspension applies only from the
date its decision states (``suspension_notice_days`` after the check), and it never recalls an
approved WFA day that has started or passed (today only before the person's working day
begins). Thresholds and dates are the PPK's choice written in the Perbup.

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

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from fleksi.common.domain.months import month_end, month_start, previous_month
from fleksi.common.errors import Conflict, NotAllowed, ValidationFailed
from fleksi.common.formats import lazy_day_text, lazy_month_text
from fleksi.eligibility.models import WfaSuspension
from fleksi.org.models import Employee
from fleksi.outputs.domain.periods import report_due
from fleksi.outputs.domain.revocation import (
    RevocationFacts,
    decide_revocation,
    first_recallable,
)
from fleksi.outputs.messages import lazy_revocation_reason
from fleksi.outputs.models import RevocationCheck, RevocationNotice
from fleksi.outputs.permissions import leads
from fleksi.outputs.selectors.measures import period_facts
from fleksi.outputs.services.common import audit
from fleksi.outputs.services.notices import tell
from fleksi.policy.domain.params import params_to_json
from fleksi.policy.selectors import params_of, version_in_force, work_calendar
from fleksi.schedule.models import RequestDay
from fleksi.worktime.selectors import PersonKey, schedule_of


def _site_language(text: Any) -> str:
    """A message as stored on a record (the site's language, Bahasa Indonesia); pages and
    notifications render it again in each reader's language from the trace."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(text)


def check_day(today: date, report_deadline_days: int) -> date:
    """The day the monthly check decides the month of ``today``: the day after the report
    deadline of the month's last day."""
    end = month_end(today)
    cal = work_calendar(end, end + timedelta(days=report_deadline_days * 3 + 21))
    return report_due(cal, end, report_deadline_days) + timedelta(days=1)


def _month_measures(month: date, end: date, today: date) -> tuple[dict[int, Any], dict[int, Any]]:
    """Everyone with approved WFA days in ``month``..``end``: their measures, and them."""
    wfa_people = RequestDay.objects.filter(
        status=RequestDay.Status.APPROVED, day__gte=month, day__lte=end
    ).values("employee_id")
    employees = Employee.objects.filter(pk__in=wfa_people)
    measures = period_facts(employees, start=month, end=end, today=today).measures()
    people = {e.pk: e for e in employees.select_related("unit", "supervisor")}
    return measures, people


def _facts(emp_id: int, month: date, m: Any) -> RevocationFacts:
    t = m.total
    return RevocationFacts(
        emp_id, month, t.wfa_days, t.outputs, t.achievement_pct, t.unreported_days
    )


def revocation_notice(*, today: date | None = None) -> int:
    """The mid-month notice: from the policy's ``revocation_warning_day``, everyone whose
    figures of the month so far would suspend WFA is told once, with the figures, what to do
    and when the check decides. Returns how many were warned."""
    today = today or timezone.localdate()
    month = month_start(today)
    version = version_in_force(today)
    if version is None:
        return 0
    params = params_of(version)
    if today.day < params.revocation_warning_day:
        return 0
    if RevocationNotice.objects.filter(month=month).exists():
        return 0
    try:
        with transaction.atomic():
            notice = RevocationNotice.objects.create(
                month=month, ran_at=timezone.now(), params=params_to_json(params)
            )
            measures, people = _month_measures(month, today, today)
            decides = check_day(today, params.report_deadline_days)
            warned = 0
            for emp_id, m in sorted(measures.items()):
                decision = decide_revocation(
                    _facts(emp_id, month, m),
                    min_achievement_pct=params.revocation_min_achievement_pct,
                    max_unreported_days=params.revocation_max_unreported_days,
                    suspension_days=params.suspension_days,
                    today=decides,
                    notice_days=params.suspension_notice_days,
                )
                if not decision.suspend or decision.start is None:
                    continue
                employee = people[emp_id]
                tell(
                    kind="wfa.at_risk",
                    to=[employee],
                    params={
                        "name": employee.name,
                        "month": lazy_month_text(month),
                        "reason": lazy_revocation_reason(decision.trace),
                        "check": lazy_day_text(decides),
                        "start": lazy_day_text(decision.start),
                    },
                    url="/outputs/",
                    source=("outputs.notice", f"{month:%Y-%m}"),
                )
                warned += 1
            notice.checked, notice.warned = len(measures), warned
            notice.save(update_fields=["checked", "warned"])
            return warned
    except IntegrityError:  # another run warned for the month at the same moment
        return 0


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


def _recallable_from(employee: Employee, today: date) -> date:
    """Never recall a day that has started or passed: today only before the person's
    working day begins (their own schedule of today)."""
    now = timezone.localtime().replace(tzinfo=None)
    key = PersonKey(employee.pk, employee.unit_id, employee.unit.path, employee.asn_type)
    schedule = schedule_of(key, today)
    return first_recallable(today, now, schedule.start if schedule is not None else None)


def _check_month(
    check: RevocationCheck, month: date, end: date, today: date, params: Any, version_id: int
) -> int:
    measures, people = _month_measures(month, end, today)
    suspended = 0
    for emp_id, m in sorted(measures.items()):
        decision = decide_revocation(
            _facts(emp_id, month, m),
            min_achievement_pct=params.revocation_min_achievement_pct,
            max_unreported_days=params.revocation_max_unreported_days,
            suspension_days=params.suspension_days,
            today=today,
            notice_days=params.suspension_notice_days,
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
            reason=_site_language(lazy_revocation_reason(trace)),
            trace=trace,
            decided_at=timezone.now(),
        )
        recalled = RequestDay.objects.filter(
            employee=employee,
            status=RequestDay.Status.APPROVED,
            day__gte=max(decision.start, _recallable_from(employee, today)),
            day__lte=decision.end,
        )
        recalled_days = sorted(recalled.values_list("day", flat=True))
        note = _site_language(gettext_lazy("WFA suspended after the monthly output check"))
        recalled.update(status=RequestDay.Status.RECALLED, decided_at=timezone.now(), note=note)
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
                "month": lazy_month_text(month),
                "reason": lazy_revocation_reason(trace),
                "start": lazy_day_text(decision.start),
                "until": lazy_day_text(decision.end),
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
