"""The measures of people, units and periods, set-based (a fixed handful of queries for any
number of people), and the rows of the e-Kinerja export, built from the same facts so that
the export always adds up to the measures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from fleksi.org.models import Employee
from fleksi.outputs.domain.measures import (
    DELIVERED_STATUSES,
    ONSITE,
    WFA,
    PersonMeasures,
    PlannedFact,
    ReportFact,
    person_measures,
)
from fleksi.outputs.models import OutputReport, PlannedOutput, Verification
from fleksi.outputs.selectors.plans import APPROVED, open_items
from fleksi.outputs.selectors.unreported import unreported_days_in
from fleksi.schedule.models import RequestDay


@dataclass(frozen=True)
class OutputRow:
    """One planned output (with its report, if any) or one unplanned report."""

    employee_id: int
    day: date
    mode: str  # wfa | onsite
    description: str  # the planned output (or the report, when unplanned)
    target: Decimal | None  # None for unplanned work
    unit: str
    rhk_id: int | None
    planned_output_id: int | None
    plan_item_id: int | None
    report_id: int | None = None
    quantity: Decimal | None = None
    status: str = ""  # "" when not reported
    quality: int | None = None
    late: bool = False
    overdue: bool = False
    evidence_url: str = ""
    has_file: bool = False
    report_text: str = ""

    @property
    def delivered(self) -> Decimal:
        if self.quantity is not None and self.status in DELIVERED_STATUSES:
            return self.quantity
        return Decimal(0)


@dataclass
class PeriodFacts:
    start: date
    end: date
    employee_ids: list[int]
    rows: list[OutputRow]
    wfa_days: list[tuple[int, date]]
    unreported: list[tuple[int, date]]

    def measures(self) -> dict[int, PersonMeasures]:
        planned = [
            PlannedFact(r.employee_id, r.day, r.mode, r.target, r.delivered)
            for r in self.rows
            if r.target is not None
        ]
        reports = [
            ReportFact(
                r.employee_id,
                r.day,
                r.mode,
                r.late,
                r.status,
                r.quality,
                planned=r.target is not None,
                overdue=r.overdue,
            )
            for r in self.rows
            if r.report_id is not None
        ]
        return person_measures(self.employee_ids, planned, reports, self.wfa_days, self.unreported)


REPORT_FIELDS = (
    "id",
    "employee_id",
    "day",
    "planned_output_id",
    "rhk_id",
    "quantity",
    "unit",
    "status",
    "quality",
    "late",
    "evidence_url",
    "evidence",
    "description",
)


def period_facts(
    employees: QuerySet[Employee], *, start: date, end: date, today: date | None = None
) -> PeriodFacts:
    today = today or timezone.localdate()
    now = timezone.now()
    ids = list(employees.order_by().values_list("pk", flat=True))
    in_scope = employees.order_by().values("pk")
    wfa_rows = list(
        RequestDay.objects.filter(
            employee_id__in=in_scope, status=APPROVED, day__gte=start, day__lte=end
        ).values_list("employee_id", "day", "request_id")
    )
    wfa = {(e, d) for e, d, _r in wfa_rows}

    def mode(employee_id: int, day: date) -> str:
        return WFA if (employee_id, day) in wfa else ONSITE

    overdue = set(
        Verification.objects.filter(
            status=Verification.Status.PENDING,
            due_at__lt=now,
            report__employee_id__in=in_scope,
            report__day__gte=start,
            report__day__lte=end,
        ).values_list("report_id", flat=True)
    )
    reports = {
        r[0]: r
        for r in OutputReport.objects.filter(
            employee_id__in=in_scope, day__gte=start, day__lte=end
        ).values_list(*REPORT_FIELDS)
    }
    by_planned = {r[3]: r for r in reports.values() if r[3] is not None}
    rows: list[OutputRow] = []

    def with_report(row: OutputRow, r: tuple[Any, ...] | None) -> OutputRow:
        if r is None:
            return row
        return OutputRow(
            **{
                **row.__dict__,
                "report_id": r[0],
                "quantity": r[5],
                "status": r[7],
                "quality": r[8],
                "late": r[9],
                "overdue": r[0] in overdue,
                "evidence_url": r[10],
                "has_file": bool(r[11]),
                "report_text": r[12],
                "rhk_id": row.rhk_id or r[4],
            }
        )

    for pk, emp, day, text, target, unit, rhk, item_id in PlannedOutput.objects.filter(
        employee_id__in=in_scope, day__gte=start, day__lte=end
    ).values_list(
        "id",
        "employee_id",
        "day",
        "description",
        "target_quantity",
        "unit",
        "rhk_id",
        "plan_item_id",
    ):
        row = OutputRow(emp, day, mode(emp, day), text, target, unit, rhk, pk, item_id)
        rows.append(with_report(row, by_planned.get(pk)))
    employee_of = {r: e for e, _d, r in wfa_rows}
    for item in open_items(employee_of):
        emp = employee_of[item.request_id]
        if start <= item.day <= end:
            rows.append(
                OutputRow(
                    emp,
                    item.day,
                    mode(emp, item.day),
                    item.description,
                    item.quantity,
                    item.unit,
                    None,
                    None,
                    item.id,
                )
            )
    for r in reports.values():
        if r[3] is None:
            row = OutputRow(r[1], r[2], mode(r[1], r[2]), r[12], None, r[6], r[4], None, None)
            rows.append(with_report(row, r))
    rows.sort(key=lambda x: (x.employee_id, x.day, x.description))
    unreported = unreported_days_in(employees, start=start, end=end, today=today)
    return PeriodFacts(start, end, ids, rows, sorted(wfa), unreported)
