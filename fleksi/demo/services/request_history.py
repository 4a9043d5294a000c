"""The demo's weeks before today, written directly in bulk (see ``fleksi.demo.services.requests``):
the services only accept days from today on, and the demo's Perbup starts on the seeding
day. The rows keep the invariants the services keep — at most one active day per person
and date, at most two WFA days a week, within the default quota of the perangkat daerah —
and each day's trace says that it is history, not a rule evaluation."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.utils import timezone

from fleksi.accounts.models import User
from fleksi.audit.services import AGENCY_STREAM, Change, audit_record
from fleksi.org.models import Employee
from fleksi.policy.domain.requests import allowed_offsite
from fleksi.policy.selectors import params_of, version_in_force
from fleksi.schedule.models import ApprovalStep, RequestDay, WfaRequest, WorkPlanItem
from fleksi.schedule.selectors.workflow import first_approver

HISTORY_TRACE: dict[str, object] = {
    "verdict": "allowed",
    "version": None,
    "rules": [],
    "history": True,
}
OUTPUTS = (
    ("Menyusun laporan bulanan", 1, "laporan"),
    ("Merekap data kepegawaian unit", 30, "pegawai"),
    ("Menyusun notula rapat", 1, "notula"),
    ("Memverifikasi berkas usulan", 15, "berkas"),
)
REJECTED = "Ada apel dan rapat evaluasi bulanan; mohon hadir di kantor."


@dataclass(frozen=True)
class HistoryPlan:
    rng: random.Random
    people: list[Employee]
    weeks: list[list[date]]
    users: dict[int, User]
    stamp: Callable[[date], datetime]  # a moment on a day, aware


@dataclass
class _Row:
    request: WfaRequest
    days: list[date]
    outcome: str  # approved | rejected | cancelled
    submitted: datetime
    approver_id: int
    via_unit_id: int


def _quota() -> tuple[dict[int, int], float]:
    version = version_in_force(timezone.localdate())
    share = params_of(version).default_max_offsite_share if version else 0.3
    heads = Counter(
        root or unit
        for root, unit in Employee.objects.filter(is_active=True).values_list(
            "unit__root_id", "unit_id"
        )
    )
    return dict(heads), share


def _plan_rows(plan: HistoryPlan) -> list[_Row]:
    rng = plan.rng
    headcount, share = _quota()
    used: Counter[tuple[int, date]] = Counter()
    rows: list[_Row] = []
    today = timezone.localdate()
    for employee in plan.people:
        user = plan.users.get(employee.pk)
        approver = first_approver(employee, today)
        if user is None or approver is None:
            continue
        pd = employee.unit.root_id or employee.unit_id
        limit = allowed_offsite(headcount.get(pd, 0), share)
        for week in plan.weeks:
            if rng.random() > 0.55:
                continue
            wanted = sorted(rng.sample(week, min(len(week), rng.choice((1, 2, 2)))))
            days = [d for d in wanted if used[(pd, d)] < limit]
            if not days:
                continue
            roll = rng.random()
            outcome = "approved" if roll < 0.8 else "rejected" if roll < 0.9 else "cancelled"
            if outcome == "approved":
                for d in days:
                    used[(pd, d)] += 1
            submitted = plan.stamp(days[0] - timedelta(days=rng.randrange(3, 8)))
            request = WfaRequest(
                employee=employee,
                desa_id=employee.domicile_id,
                reason="Menyelesaikan pekerjaan pengolahan data.",
                status=outcome,
                created_by=user,
                decided_at=submitted + timedelta(hours=rng.randrange(2, 30)),
            )
            rows.append(_Row(request, days, outcome, submitted, approver[0].pk, approver[1].pk))
    return rows


def write_history(plan: HistoryPlan) -> int:
    """Write the past weeks' requests; returns how many."""
    rows = _plan_rows(plan)
    if not rows:
        return 0
    requests = WfaRequest.objects.bulk_create([r.request for r in rows])
    for row, saved in zip(rows, requests, strict=True):
        saved.submitted_at = row.submitted
    WfaRequest.objects.bulk_update(requests, ["submitted_at"])
    approvers = {
        u.employee_id: u for u in User.objects.filter(employee_id__in={r.approver_id for r in rows})
    }
    days: list[RequestDay] = []
    steps: list[ApprovalStep] = []
    items: list[WorkPlanItem] = []
    for row, request in zip(rows, requests, strict=True):
        assert request.decided_at is not None
        head = approvers.get(row.approver_id)
        by = request.created_by if row.outcome == "cancelled" else head
        for d in row.days:
            days.append(
                RequestDay(
                    request=request,
                    employee_id=request.employee_id,
                    day=d,
                    status=row.outcome,
                    trace=HISTORY_TRACE,
                    decided_by=by,
                    decided_at=request.decided_at,
                    note=REJECTED if row.outcome == "rejected" else "",
                )
            )
        what, qty, unit = plan.rng.choice(OUTPUTS)
        items.append(
            WorkPlanItem(
                request=request,
                description=what,
                quantity=Decimal(qty),
                unit_of_measure=unit,
                due_date=row.days[-1],
            )
        )
        steps.append(
            ApprovalStep(
                request=request,
                approver_id=row.approver_id,
                via_unit_id=row.via_unit_id,
                status="closed" if row.outcome == "cancelled" else row.outcome,
                due_at=request.submitted_at + timedelta(days=2),
                acted_by=None if row.outcome == "cancelled" else head,
                acted_at=request.decided_at,
                comment=REJECTED if row.outcome == "rejected" else "",
            )
        )
    RequestDay.objects.bulk_create(days)
    WorkPlanItem.objects.bulk_create(items)
    ApprovalStep.objects.bulk_create(steps)
    audit_record(
        actor=None,
        stream=AGENCY_STREAM,
        change=Change(
            action="demo.seed",
            object_type="schedule.request",
            object_repr="WFA history",
            after={"requests": len(requests), "days": len(days)},
        ),
    )
    return len(requests)
