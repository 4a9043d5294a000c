"""The plan of a day: a WFA day's outputs come from the approved request's work plan.

**Decision (documented in docs/outputs.md):** the schedule's services are not changed and
nothing is copied when a request is approved. The plan of an approved WFA day is *read*
from its request's work plan (each output on the day :func:`assign_items` gives it), beside
the employee's own planned outputs. The first time the employee acts on a request output
(links an RHK, reports it), it is taken over as a :class:`PlannedOutput` row pointing at the
plan item; from then on that row is the plan. The measures read both, so an output nobody
opened still counts as planned.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import QuerySet

from fleksi.org.models import Employee
from fleksi.outputs.domain.plan import assign_items
from fleksi.outputs.models import OutputReport, PlannedOutput, Skp, SkpResult
from fleksi.schedule.models import RequestDay, WorkPlanItem

APPROVED = RequestDay.Status.APPROVED


@dataclass(frozen=True)
class OpenItem:
    """A request's planned output on its day, not taken over yet."""

    id: int
    request_id: int
    day: date
    description: str
    quantity: Decimal
    unit: str


@dataclass
class PlanLine:
    description: str
    target: Decimal
    unit: str
    planned: PlannedOutput | None = None
    item: OpenItem | None = None
    rhk: SkpResult | None = None
    report: OutputReport | None = None

    @property
    def from_request(self) -> bool:
        return self.item is not None or (
            self.planned is not None and self.planned.source == PlannedOutput.Source.REQUEST
        )


@dataclass
class DayPlan:
    employee: Employee
    day: date
    wfa_request_id: int | None
    lines: list[PlanLine] = field(default_factory=list)
    unplanned: list[OutputReport] = field(default_factory=list)

    @property
    def is_wfa(self) -> bool:
        return self.wfa_request_id is not None


def open_items(request_ids: Iterable[int]) -> list[OpenItem]:
    """The planned outputs of these requests that were not taken over yet, each on its day
    (two queries whatever the number of requests)."""
    ids = sorted(set(request_ids))
    if not ids:
        return []
    days: dict[int, list[date]] = {}
    for request_id, day in RequestDay.objects.filter(
        request_id__in=ids, status=APPROVED
    ).values_list("request_id", "day"):
        days.setdefault(request_id, []).append(day)
    rows = list(
        WorkPlanItem.objects.filter(request_id__in=ids, planned_output__isnull=True).values_list(
            "id", "request_id", "due_date", "description", "quantity", "unit_of_measure"
        )
    )
    by_request: dict[int, list[tuple[int, date]]] = {}
    for item_id, request_id, due, *_rest in rows:
        by_request.setdefault(request_id, []).append((item_id, due))
    placed: dict[int, date] = {}
    for request_id, items in by_request.items():
        placed.update(assign_items(days.get(request_id, []), items))
    return [
        OpenItem(item_id, request_id, placed[item_id], text, qty, unit)
        for item_id, request_id, _due, text, qty, unit in rows
        if item_id in placed
    ]


def item_day(item: WorkPlanItem) -> date | None:
    """The day a request's planned output belongs to (None: no approved day)."""
    days = RequestDay.objects.filter(request_id=item.request_id, status=APPROVED).values_list(
        "day", flat=True
    )
    return assign_items(list(days), [(item.pk, item.due_date)]).get(item.pk)


def wfa_request_on(employee: Employee, day: date) -> int | None:
    return (
        RequestDay.objects.filter(employee=employee, day=day, status=APPROVED)
        .values_list("request_id", flat=True)
        .first()
    )


def day_plan(employee: Employee, day: date) -> DayPlan:
    plan = DayPlan(employee, day, wfa_request_on(employee, day))
    reports = list(OutputReport.objects.filter(employee=employee, day=day).select_related("rhk"))
    by_planned = {r.planned_output_id: r for r in reports if r.planned_output_id}
    plan.unplanned = [r for r in reports if r.planned_output_id is None]
    for p in PlannedOutput.objects.filter(employee=employee, day=day).select_related("rhk"):
        plan.lines.append(
            PlanLine(
                p.description,
                p.target_quantity,
                p.unit,
                planned=p,
                rhk=p.rhk,
                report=by_planned.get(p.pk),
            )
        )
    if plan.wfa_request_id is not None:
        for item in open_items([plan.wfa_request_id]):
            if item.day == day:
                plan.lines.append(PlanLine(item.description, item.quantity, item.unit, item=item))
    plan.lines.sort(key=lambda line: (not line.from_request, line.description))
    return plan


def rhk_choices(employee: Employee, year: int) -> QuerySet[SkpResult]:
    """The results of the employee's SKP of the year, to link a planned output or report."""
    return SkpResult.objects.filter(skp__employee=employee, skp__year=year).order_by("number")


def skp_of(employee: Employee, year: int) -> Skp | None:
    return Skp.objects.filter(employee=employee, year=year).first()
