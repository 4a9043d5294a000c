"""WFA days that come from a published roster: approved requests made in the roster's name,
and days a changed roster takes back.

The roster (``fleksi.roster``) sits above the schedule and calls these services; the schedule
knows a roster only by the plain reference it is given (``"roster:12"``), recorded in the
request's reason, its days' trace and the audit entries.

A roster day is a **regular** WFA day worked from **home** (the recorded domicile); an
employee without a recorded domicile works from the place approved for them most recently,
and one with neither gets no roster day. Every day is checked with the same request rules as
an approval (``check_days`` in approval mode, the notice period aside: the roster gives its
own notice), under the same unit-day locks; if any day fails, nothing is written and the
refusal names the employee, the day and the rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from fleksi.common.errors import Conflict, ValidationFailed
from fleksi.org.models import Employee
from fleksi.policy.messages import trace_message
from fleksi.schedule.models import (
    ApprovalStep,
    RequestDay,
    StaffingLock,
    WfaPlace,
    WfaRequest,
    WorkPlanItem,
)
from fleksi.schedule.selectors.facts import APPROVAL_STATUSES, DayCheck, check_days
from fleksi.schedule.selectors.workflow import first_approver
from fleksi.schedule.services.common import (
    audit_request,
    lock_employees,
    lock_request,
    lock_unit_days,
    trace_json,
)
from fleksi.schedule.services.notices import tell
from fleksi.schedule.services.requests import PlanItemIn, _close_if_settled

# The one output every roster day plans (the employee refines it in their daily plan).
PLAN_UNIT = "hari"


def _plan_text() -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return _("Daily work results as set in the daily work plan")


def roster_plan(days: Sequence[date]) -> PlanItemIn:
    """The planned output of a roster request: one day's results per WFA day."""
    return PlanItemIn(_plan_text(), Decimal(len(days)), PLAN_UNIT, max(days))


def usual_place(employee: Employee) -> tuple[str, WfaPlace | None, int | None]:
    """(location type, approved place, desa) of a roster day: home, else the place approved
    most recently; ``("", None, None)`` when there is neither."""
    if employee.domicile_id is not None:
        return WfaRequest.Location.HOME, None, employee.domicile_id
    place = (
        WfaPlace.objects.filter(employee=employee, status=WfaPlace.Status.APPROVED)
        .order_by("-decided_at", "-pk")
        .first()
    )
    if place is not None:
        return WfaRequest.Location.APPROVED_PLACE, place, place.desa_id
    return "", None, None


def _refusals(
    employee: Employee, days: list[date], location: str, desa: int | None
) -> tuple[list[DayCheck], list[dict[str, Any]]]:
    checks = check_days(
        employee=employee,
        days=days,
        kind=WfaRequest.Kind.REGULAR,
        location_type=location,
        submitted_on=timezone.localdate(),
        statuses=APPROVAL_STATUSES,
        desa_id=desa,
    )
    refusals = [
        {
            "employee_id": employee.pk,
            "employee": employee.name,
            "day": c.day.isoformat(),
            "rules": [t.rule for t in c.decision.failures if t.rule != "lead_time"],
            "reasons": [trace_message(t) for t in c.decision.failures if t.rule != "lead_time"],
        }
        for c in checks
    ]
    return checks, [r for r in refusals if r["rules"]]


def request_create_approved_from_roster(
    *, actor: Any, employee: Employee, days: Sequence[date], roster_ref: str, label: str = ""
) -> WfaRequest:
    """One approved request for the employee's roster days (see the module documentation).
    Raises ``Conflict("rules_refuse")`` with ``refusals`` when a day fails the rules."""
    today = timezone.localdate()
    days = sorted(set(days))
    if not days or days[0] <= today:
        raise ValidationFailed("roster_days", _("Roster days must lie after today."))
    location, place, desa = usual_place(employee)
    if not location:
        raise ValidationFailed(
            "no_place",
            _("%(name)s has neither a recorded domicile nor an approved place.")
            % {"name": employee.name},
        )
    now = timezone.now()
    try:
        with transaction.atomic():
            lock_employees([employee.pk])
            lock_unit_days(employee, days)
            checks, refusals = _refusals(employee, days, location, desa)
            if refusals:
                raise Conflict(
                    "rules_refuse",
                    _("%(name)s: %(days)s do not pass the rules.")
                    % {"name": employee.name, "days": ", ".join(r["day"] for r in refusals)},
                    refusals=refusals,
                )
            request = WfaRequest.objects.create(
                employee=employee,
                kind=WfaRequest.Kind.REGULAR,
                location_type=location,
                place=place,
                desa_id=desa,
                reason=(label or roster_ref)[:2000],
                status=WfaRequest.Status.APPROVED,
                policy_version=checks[0].version,
                decided_at=now,
                created_by=actor,
            )
            plan = roster_plan(days)
            WorkPlanItem.objects.create(
                request=request,
                order=1,
                description=plan.description,
                quantity=plan.quantity,
                unit_of_measure=plan.unit_of_measure,
                due_date=plan.due_date,
            )
            RequestDay.objects.bulk_create(
                [
                    RequestDay(
                        request=request,
                        employee=employee,
                        day=c.day,
                        status=RequestDay.Status.APPROVED,
                        decided_by=actor,
                        decided_at=now,
                        trace={**trace_json(c), "approval": trace_json(c), "roster": roster_ref},
                    )
                    for c in checks
                ]
            )
            approver = first_approver(employee, today)
            if approver is not None:
                ApprovalStep.objects.create(
                    request=request,
                    level=1,
                    approver=approver[0],
                    via_unit=approver[1],
                    status=ApprovalStep.Status.APPROVED,
                    due_at=now,
                    acted_by=actor,
                    acted_at=now,
                    comment=label[:2000],
                )
            audit_request(
                actor,
                request,
                "roster_approve",
                after={
                    "days": days,
                    "roster": roster_ref,
                    "location_type": location,
                    "desa": desa,
                    "policy_version": checks[0].version.pk if checks[0].version else None,
                },
            )
            tell(kind="request.approved", request=request, to=[employee], comment=label)
    except IntegrityError as exc:
        raise Conflict(
            "day_taken",
            _("%(name)s already has a WFA request for one of these days.")
            % {"name": employee.name},
        ) from exc
    return request


def _refusal_of(employee: Employee, exc: Conflict | ValidationFailed) -> dict[str, Any]:
    return {
        "employee_id": employee.pk,
        "employee": employee.name,
        "day": "",
        "rules": [exc.code],
        "reasons": [exc.message],
    }


def _lock_all(employees: Sequence[Employee], days: set[date]) -> None:
    """``lock_unit_days`` for many people at once: every unit-day, in one fixed order."""
    unit_ids = sorted({int(p) for e in employees for p in e.unit.path.split(".") if p})
    keys = [(u, d) for u in unit_ids for d in sorted(days)]
    StaffingLock.objects.bulk_create(
        [StaffingLock(unit_id=u, day=d) for u, d in keys], ignore_conflicts=True
    )
    list(
        StaffingLock.objects.select_for_update()
        .filter(unit_id__in=unit_ids, day__in=days)
        .order_by("unit_id", "day")
    )


def requests_create_approved_from_roster(
    *,
    actor: Any,
    plans: Sequence[tuple[Employee, Sequence[date]]],
    roster_ref: str,
    label: str = "",
) -> dict[int, WfaRequest]:
    """All the approved requests of a roster at once (employee id → request), or none: the
    unit-days of everyone are locked first, in one fixed order, so that a publication never
    deadlocks with an approval; every refusal is collected before anything is undone."""
    created: dict[int, WfaRequest] = {}
    refusals: list[dict[str, Any]] = []
    with transaction.atomic():
        lock_employees(e.pk for e, _days in plans)
        _lock_all([e for e, _days in plans], {d for _e, days in plans for d in days})
        for employee, days in plans:
            try:
                created[employee.pk] = request_create_approved_from_roster(
                    actor=actor, employee=employee, days=days, roster_ref=roster_ref, label=label
                )
            except (Conflict, ValidationFailed) as exc:
                refusals.extend(exc.params.get("refusals") or [_refusal_of(employee, exc)])
        if refusals:
            raise Conflict(
                "rules_refuse",
                _("Not published: %(n)d days do not pass the rules.") % {"n": len(refusals)},
                refusals=refusals,
            )
    return created


def request_days_withdraw_from_roster(
    *, actor: Any, request: WfaRequest, days: Sequence[date], roster_ref: str, reason: str
) -> list[date]:
    """A changed roster takes back future days of a request it made: approved days are
    recalled, waiting ones cancelled; the employee is told."""
    today = timezone.localdate()
    now = timezone.now()
    with transaction.atomic():
        request = lock_request(request.pk)
        found = list(
            RequestDay.objects.filter(
                request=request,
                day__in=list(days),
                day__gt=today,
                status__in=[RequestDay.Status.APPROVED, RequestDay.Status.PENDING],
            ).values_list("pk", "status", "day")
        )
        if not found:
            return []
        note = reason.strip()[:255]
        for status, new in (
            (RequestDay.Status.APPROVED, RequestDay.Status.RECALLED),
            (RequestDay.Status.PENDING, RequestDay.Status.CANCELLED),
        ):
            RequestDay.objects.filter(pk__in=[pk for pk, s, _d in found if s == status]).update(
                status=new, decided_by=actor, decided_at=now, note=note
            )
        _close_if_settled(request)
        taken = sorted(d for _pk, _s, d in found)
        audit_request(
            actor, request, "roster_withdraw", after={"days": taken, "roster": roster_ref}
        )
        tell(kind="request.recalled", request=request, to=[request.employee], comment=reason)
    return taken
