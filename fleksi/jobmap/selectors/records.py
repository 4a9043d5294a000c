"""Reads of one position's duties and assessments, the approval queue and exceptions."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet, Sum

from fleksi.jobmap.models import (
    Assessment,
    AssessmentAnswer,
    AssessmentDuty,
    Duty,
    EmployeeException,
)
from fleksi.org.models import Position, Unit

OPEN = (Assessment.Status.DRAFT, Assessment.Status.PROPOSED)


def position_duties(position: Position) -> QuerySet[Duty]:
    return Duty.objects.filter(position=position).order_by("order")


def duties_total(position: Position) -> Decimal:
    total = Duty.objects.filter(position=position).aggregate(t=Sum("time_share"))["t"]
    return total if total is not None else Decimal(0)


def assessment_history(position: Position) -> QuerySet[Assessment]:
    return (
        Assessment.objects.filter(position=position)
        .select_related("created_by", "proposed_by", "decided_by")
        .order_by("-version")
    )


def assessment_open(position: Position) -> Assessment | None:
    return Assessment.objects.filter(position=position, status__in=OPEN).first()


def assessment_current(position: Position) -> Assessment | None:
    return Assessment.objects.filter(
        position=position, status=Assessment.Status.APPROVED, is_current=True
    ).first()


def assessment_latest(position: Position) -> Assessment | None:
    return Assessment.objects.filter(position=position).order_by("-version").first()


def answers_by_live_duty(assessment: Assessment) -> dict[tuple[int, str], tuple[bool | None, str]]:
    """(duty id, criterion) → (answer, reason) of an assessment, keyed by the live duty (to
    fill in the form; duties deleted since are left out)."""
    rows = AssessmentAnswer.objects.filter(
        duty__assessment=assessment, duty__duty__isnull=False
    ).values_list("duty__duty_id", "criterion", "answer", "reason")
    return {(duty_id, code): (answer, reason) for duty_id, code, answer, reason in rows}


@dataclass(frozen=True)
class AssessedRow:
    duty: AssessmentDuty
    answers: dict[str, tuple[bool | None, str]]


def assessment_table(assessment: Assessment) -> list[AssessedRow]:
    """The duties of an assessment as assessed, each with its answers by criterion."""
    duties = list(AssessmentDuty.objects.filter(assessment=assessment).order_by("order"))
    answers: dict[int, dict[str, tuple[bool | None, str]]] = {d.pk: {} for d in duties}
    for duty_id, code, answer, reason in AssessmentAnswer.objects.filter(
        duty__assessment=assessment
    ).values_list("duty_id", "criterion", "answer", "reason"):
        answers[duty_id][code] = (answer, reason)
    return [AssessedRow(d, answers[d.pk]) for d in duties]


def assessment_queue() -> QuerySet[Assessment]:
    """Proposed assessments, oldest first (the BKPSDM approval queue)."""
    return (
        Assessment.objects.filter(status=Assessment.Status.PROPOSED)
        .select_related("position", "position__unit", "position__unit__root", "proposed_by")
        .order_by("proposed_at", "id")
    )


def exceptions_of_unit(unit: Unit) -> QuerySet[EmployeeException]:
    """Exceptions of the people of a unit subtree, newest first."""
    return (
        EmployeeException.objects.filter(employee__unit__path__startswith=unit.path)
        .select_related(
            "employee", "employee__unit", "employee__position", "granted_by", "ended_by"
        )
        .order_by("-start", "-id")
    )
