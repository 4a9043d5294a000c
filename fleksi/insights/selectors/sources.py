"""The records of a month collected per employee (and per unit for the service figures), in
a fixed handful of set-based statements whatever the number of people. ``services.refresh``
turns them into the monthly rows.

Definitions (the same as the pages they come from; ``docs/insights.md``):

- attendance: the presence recap (``fleksi.presence.selectors.recap``), one statement;
- WFA use: requested days by status, up to the last day counted;
- outputs: the output measures' rules (``fleksi.outputs.domain.measures``): a planned output's
  achievement is delivered ÷ target capped at 1, delivered when its report is accepted or
  awaits verification; a request's work-plan output nobody took over counts as planned with
  nothing delivered; unreported WFA days are past their report deadline without a report.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Case, Count, F, FloatField, Q, QuerySet, Sum, Value, When
from django.db.models.functions import Cast
from django.utils import timezone

from fleksi.eligibility.domain.simulation import failing_rules
from fleksi.eligibility.models import WfaSuspension
from fleksi.eligibility.selectors import facts_for
from fleksi.jobmap.selectors import exceptions_on, position_class_map
from fleksi.org.models import Employee
from fleksi.outputs.domain.measures import DELIVERED_STATUSES
from fleksi.outputs.models import MonthlyRating, OutputReport, PlannedOutput, Verification
from fleksi.outputs.selectors.plans import open_items
from fleksi.outputs.selectors.unreported import unreported_days_in
from fleksi.places.selectors.readiness import readiness_picture
from fleksi.policy.models import PolicyVersion
from fleksi.policy.selectors import params_of, version_in_force
from fleksi.presence.domain.recap import Totals
from fleksi.presence.models import Checkin
from fleksi.presence.selectors.recap import Period, recap_totals
from fleksi.schedule.models import RequestDay, WfaRequest, WorkPlanItem
from fleksi.servicelevel.models import Complaint, SafeguardAlert, SatisfactionSurvey, ServiceDaily
from fleksi.servicelevel.models.safeguard import ACTIVE_STATUSES

APPROVED, REFUSED, REJECTED = "approved", "refused", "rejected"


def month_people(month: date, period: Period) -> QuerySet[Employee]:
    """The employees a month is computed for: active ones appointed before it began, and
    anyone with a check-in in it (someone who left mid-month still has days to account for)."""
    seen = Checkin.objects.filter(day__gte=period.start, day__lte=period.end).values("employee_id")
    return Employee.objects.filter(
        Q(is_active=True, tmt_appointment__lte=month) | Q(pk__in=seen)
    ).order_by()


def attendance(people: QuerySet[Employee], period: Period) -> dict[int, Totals]:
    return recap_totals(people, period)


def wfa_days(start: date, end: date) -> dict[int, Counter[str]]:
    """Employee id → requested days in the period by status (approved, refused, rejected)."""
    out: dict[int, Counter[str]] = defaultdict(Counter)
    for emp, status, n in (
        RequestDay.objects.filter(
            day__gte=start, day__lte=end, status__in=[APPROVED, REFUSED, REJECTED]
        )
        .values("employee_id", "status")
        .annotate(n=Count("id"))
        .values_list("employee_id", "status", "n")
    ):
        out[emp][status] += n
    return out


@dataclass
class OutputCounts:
    outputs: int = 0
    outputs_full: int = 0
    achievement_sum: float = 0.0
    reports: int = 0
    reports_on_time: int = 0
    quality_sum: int = 0
    quality_n: int = 0
    unreported_days: int = 0
    awaiting: int = 0
    overdue: int = 0


def outputs(start: date, end: date, *, today: date) -> dict[int, OutputCounts]:
    """Employee id → the output counts of the period (five statements and the open items)."""
    out: dict[int, OutputCounts] = defaultdict(OutputCounts)
    delivered = Q(report__status__in=list(DELIVERED_STATUSES))
    full = delivered & Q(report__quantity__gte=F("target_quantity"))
    ratio = Case(
        When(full, then=Value(1.0)),
        When(
            delivered,
            then=Cast("report__quantity", FloatField()) / Cast("target_quantity", FloatField()),
        ),
        default=Value(0.0),
        output_field=FloatField(),
    )
    for emp, n, n_full, ratio_sum in (
        PlannedOutput.objects.filter(day__gte=start, day__lte=end)
        .values("employee_id")
        .annotate(n=Count("id"), full=Count("id", filter=full), ratio=Sum(ratio))
        .values_list("employee_id", "n", "full", "ratio")
    ):
        c = out[emp]
        c.outputs += n
        c.outputs_full += n_full
        c.achievement_sum += float(ratio_sum or 0.0)
    for emp, n in _open_items(start, end).items():
        out[emp].outputs += n
    scored = Q(status="accepted", quality__isnull=False)
    for emp, n, on_time, q_sum, q_n, waiting in (
        OutputReport.objects.filter(day__gte=start, day__lte=end)
        .values("employee_id")
        .annotate(
            n=Count("id"),
            on_time=Count("id", filter=Q(late=False)),
            q_sum=Sum("quality", filter=scored),
            q_n=Count("id", filter=scored),
            waiting=Count("id", filter=Q(status="submitted")),
        )
        .values_list("employee_id", "n", "on_time", "q_sum", "q_n", "waiting")
    ):
        c = out[emp]
        c.reports += n
        c.reports_on_time += on_time
        c.quality_sum += int(q_sum or 0)
        c.quality_n += q_n
        c.awaiting += waiting
    for emp, n in (
        Verification.objects.filter(
            status=Verification.Status.PENDING,
            due_at__lt=timezone.now(),
            report__day__gte=start,
            report__day__lte=end,
        )
        .values("report__employee_id")
        .annotate(n=Count("id"))
        .values_list("report__employee_id", "n")
    ):
        out[emp].overdue += n
    for emp, _day in unreported_days_in(Employee.objects.all(), start=start, end=end, today=today):
        out[emp].unreported_days += 1
    return out


def _open_items(start: date, end: date) -> Counter[int]:
    """Employee id → work-plan outputs of approved WFA days in the period not taken over."""
    request_ids = set(
        WorkPlanItem.objects.filter(
            planned_output__isnull=True,
            request__days__status=APPROVED,
            request__days__day__gte=start,
            request__days__day__lte=end,
        ).values_list("request_id", flat=True)
    )
    if not request_ids:
        return Counter()
    employee_of = dict(
        WfaRequest.objects.filter(pk__in=request_ids).values_list("id", "employee_id")
    )
    return Counter(
        employee_of[item.request_id] for item in open_items(request_ids) if start <= item.day <= end
    )


def ratings(month: date) -> dict[int, str]:
    return dict(MonthlyRating.objects.filter(month=month).values_list("employee_id", "predikat"))


def suspended(month: date) -> set[int]:
    """Employees whose WFA the monthly check suspended on this month's results."""
    return set(WfaSuspension.objects.filter(month=month).values_list("employee_id", flat=True))


def policy_for(day: date, today: date) -> PolicyVersion | None:
    """The version in force on ``day``; before any policy, today's (what would be allowed)."""
    return version_in_force(day) or version_in_force(today)


def eligible(day: date, version: PolicyVersion | None) -> set[int]:
    """Active employees the eligibility rules allow on ``day`` under ``version``."""
    if version is None:
        return set()
    params = params_of(version)
    return {
        facts.employee_id
        for facts, _place in facts_for(Employee.objects.all(), day=day, params=params)
        if not failing_rules(facts, params)
    }


def readiness(
    people: dict[int, tuple[int | None, int | None]], day: date, version: PolicyVersion | None
) -> tuple[set[int], set[int]]:
    """(WFA-capable, living in a ready desa) among ``people`` (id → (position, domicile)), as
    the places' unit readiness counts them: the position's class (after an exception in
    force) is one the policy allows; without a policy everyone counts."""
    ready_desa = readiness_picture(day=day).ready_desa_ids
    if version is None:
        capable = set(people)
    else:
        params = params_of(version)
        classes = position_class_map(
            params=params, position_ids={p for p, _d in people.values() if p is not None}
        )
        overrides = {e: x.override_class for e, x in exceptions_on(day).items() if x.override_class}
        allowed = params.allowed_position_classes
        capable = {
            e
            for e, (position, _d) in people.items()
            if overrides.get(e, classes.get(position or 0, "unassessed")) in allowed
        }
    ready = {e for e in capable if people[e][1] in ready_desa}
    return capable, ready


@dataclass
class ServiceCounts:
    svc_days: int = 0
    svc_received: int = 0
    svc_completed: int = 0
    svc_timed_days: int = 0
    svc_within_standard: int = 0
    svc_waiting_days: int = 0
    svc_waiting_sum: float = 0.0
    complaints: int = 0
    ikm_respondents: int = 0
    ikm_weighted: float = 0.0
    alerts_active: int = 0


def alerts_q(start: date, end: date, *, current: bool) -> Q:
    """Safeguard alerts that count for a month: raised in it, and for the current month
    also those raised earlier that are still active."""
    q = Q(fired_on__gte=start, fired_on__lte=end)
    if current:
        q |= Q(fired_on__lt=start, status__in=list(ACTIVE_STATUSES))
    return q


def services(start: date, end: date, *, current: bool) -> dict[int, ServiceCounts]:
    """Unit id → the figures of its public services in the period (four statements)."""
    out: dict[int, ServiceCounts] = defaultdict(ServiceCounts)
    timed = Q(median_processing__isnull=False)
    within = timed & Q(median_processing__lte=F("service__standard_max_processing"))
    waited = Q(median_waiting_minutes__isnull=False)
    for unit, days, received, completed, n_timed, n_within, n_waited, waiting in (
        ServiceDaily.objects.filter(day__gte=start, day__lte=end)
        .values("service__unit_id")
        .annotate(
            days=Count("id"),
            rec=Sum("received"),
            done=Sum("completed"),
            timed=Count("id", filter=timed),
            within=Count("id", filter=within),
            waited=Count("id", filter=waited),
            waiting=Sum(Cast("median_waiting_minutes", FloatField()), filter=waited),
        )
        .values_list(
            "service__unit_id", "days", "rec", "done", "timed", "within", "waited", "waiting"
        )
    ):
        c = out[unit]
        c.svc_days, c.svc_received, c.svc_completed = days, int(received or 0), int(completed or 0)
        c.svc_timed_days, c.svc_within_standard = n_timed, n_within
        c.svc_waiting_days, c.svc_waiting_sum = n_waited, float(waiting or 0.0)
    for unit, n in (
        Complaint.objects.filter(received_on__gte=start, received_on__lte=end)
        .values("unit_id")
        .annotate(n=Count("id"))
        .values_list("unit_id", "n")
    ):
        out[unit].complaints = n
    weighted = Cast("index", FloatField()) * Cast("respondents", FloatField())
    for unit, respondents, total in (
        SatisfactionSurvey.objects.filter(period_end__gte=start, period_end__lte=end)
        .values("unit_id")
        .annotate(r=Sum("respondents"), w=Sum(weighted))
        .values_list("unit_id", "r", "w")
    ):
        out[unit].ikm_respondents, out[unit].ikm_weighted = int(respondents or 0), float(total or 0)
    for unit, n in (
        SafeguardAlert.objects.filter(alerts_q(start, end, current=current))
        .values("service__unit_id")
        .annotate(n=Count("id"))
        .values_list("service__unit_id", "n")
    ):
        out[unit].alerts_active = n
    return out
