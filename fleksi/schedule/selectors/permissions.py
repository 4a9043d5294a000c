"""Who may decide on a request: its step's approver, or whoever heads the step's unit today
(a Plt/Plh included) — never the employee who asked."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from fleksi.org.models import ActingAssignment, Employee
from fleksi.org.selectors import unit_head_on
from fleksi.schedule.models import ApprovalStep, WfaRequest


def pending_step(request: WfaRequest) -> ApprovalStep | None:
    return (
        request.steps.filter(status=ApprovalStep.Status.PENDING)
        .select_related("via_unit", "approver")
        .first()
    )


def may_act_on_step(user: Any, step: ApprovalStep) -> bool:
    employee_id = getattr(user, "employee_id", None)
    if employee_id is None or employee_id == step.request.employee_id:
        return False
    if employee_id == step.approver_id:
        return True
    head = unit_head_on(step.via_unit, timezone.localdate())
    return head is not None and head.pk == employee_id


def may_decide_for(user: Any, request: WfaRequest) -> bool:
    """For recalls: the approver of the request's last step or the unit's head today."""
    step = request.steps.select_related("via_unit").order_by("-level").first()
    return step is not None and may_act_on_step(user, step)


def steps_for_approver(employee: Employee) -> QuerySet[ApprovalStep]:
    """Pending steps this person may act on: their own, and those of units they head today
    as acting official."""
    today = timezone.localdate()
    acting_units = ActingAssignment.objects.filter(
        employee=employee, start_date__lte=today, end_date__gte=today
    ).values("unit_id")
    return (
        ApprovalStep.objects.filter(status=ApprovalStep.Status.PENDING)
        .filter(Q(approver=employee) | Q(via_unit_id__in=acting_units))
        .exclude(request__employee=employee)
        .select_related(
            "request",
            "request__employee",
            "request__employee__unit",
            "request__employee__position",
            "via_unit",
        )
        .order_by("due_at", "request_id")
    )
