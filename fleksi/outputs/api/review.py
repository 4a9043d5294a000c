"""Verification inbox, decisions and measures."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Query, Schema

from fleksi.accounts.current import user_of
from fleksi.common.apikit import Id
from fleksi.common.domain.months import month_end, month_key, month_start, parse_month
from fleksi.org.models import Employee, Unit
from fleksi.outputs import services
from fleksi.outputs.api.common import MAX_LIMIT, router
from fleksi.outputs.domain.measures import MODES, Tally, group_measures
from fleksi.outputs.models import Verification
from fleksi.outputs.permissions import (
    access_verification,
    measures_q,
    own_employee,
    reads_all,
)
from fleksi.outputs.schemas import (
    AcceptIn,
    AcceptOut,
    MeasuresOut,
    OutputInboxItemOut,
    VerificationOut,
    VerifyIn,
)
from fleksi.outputs.selectors.inbox import inbox_for
from fleksi.outputs.selectors.measures import period_facts


@router.get(
    "/verifications",
    response=list[OutputInboxItemOut],
    url_name="outputs_inbox",
    summary="Reports waiting for the caller's verification",
)
def inbox(request: HttpRequest) -> list[dict[str, Any]]:
    user = user_of(request)
    own_employee(user)
    return [
        {
            "report_id": v.report_id,
            "employee_id": v.report.employee_id,
            "employee_name": v.report.employee.name,
            "day": v.report.day,
            "description": v.report.description,
            "quantity": v.report.quantity,
            "unit": v.report.unit,
            "level": v.level,
            "due_at": v.due_at,
        }
        for v in inbox_for(user)[:MAX_LIMIT]
    ]


@router.post(
    "/reports/{report_id}/verification",
    response=VerificationOut,
    url_name="outputs_verify",
    summary="Accept, return or reject a report",
)
def verify(request: HttpRequest, report_id: Id, payload: VerifyIn) -> Verification:
    user = user_of(request)
    report, _pending = access_verification(user, report_id)
    return services.report_verify(
        actor=user,
        report=report,
        decision=payload.decision,
        quality=payload.quality,
        comment=payload.comment,
    )


@router.post(
    "/verifications/accept",
    response=AcceptOut,
    url_name="outputs_accept",
    summary="Accept several reports with one quality score",
)
def accept(request: HttpRequest, payload: AcceptIn) -> dict[str, int]:
    user = user_of(request)
    for report_id in payload.report_ids:
        access_verification(user, report_id)
    n = services.reports_accept(
        actor=user, report_ids=payload.report_ids, quality=payload.quality, comment=payload.comment
    )
    return {"accepted": n}


class MeasuresQuery(Schema):
    month: str | None = None
    unit_id: Id | None = None
    employee_id: Id | None = None


def _tally(t: Tally) -> dict[str, Any]:
    return {
        "outputs": t.outputs,
        "achievement_pct": t.achievement_pct,
        "reports": t.reports,
        "unplanned": t.unplanned,
        "on_time_pct": t.on_time_pct,
        "quality_mean": t.quality_mean,
        "awaiting": t.awaiting,
        "overdue": t.overdue,
        "wfa_days": t.wfa_days,
        "unreported_days": t.unreported_days,
    }


@router.get(
    "/measures",
    response=MeasuresOut,
    url_name="outputs_measures",
    summary="Measures per person of a unit subtree, an employee, or whom the caller sees",
)
def measures(request: HttpRequest, q: Query[MeasuresQuery]) -> dict[str, Any]:
    user = user_of(request)
    if not reads_all(user):
        own_employee(user)
    month = parse_month(q.month) or month_start(timezone.localdate())
    people = Employee.objects.filter(measures_q(user), is_active=True)
    if q.employee_id is not None:
        people = people.filter(pk=q.employee_id)
        if not people.exists():
            raise Http404
    if q.unit_id is not None:
        unit = get_object_or_404(Unit, pk=q.unit_id)
        people = people.filter(unit__path__startswith=unit.path)
    elif reads_all(user) and q.employee_id is None:
        people = people.none()  # the whole regency is asked for unit by unit
    per = period_facts(people, start=month, end=month_end(month)).measures()
    group = group_measures(per.values())
    return {
        "month": month_key(month),
        "people": group.people,
        "total": _tally(group.total),
        "same_people": group.same_people,
        "wfa_same_people": _tally(group.by_mode_same_people[MODES[0]]),
        "onsite_same_people": _tally(group.by_mode_same_people[MODES[1]]),
        "items": [
            {
                "employee_id": m.employee_id,
                "total": _tally(m.total),
                "wfa": _tally(m.by_mode["wfa"]),
                "onsite": _tally(m.by_mode["onsite"]),
            }
            for m in sorted(per.values(), key=lambda m: m.employee_id)
        ],
    }
