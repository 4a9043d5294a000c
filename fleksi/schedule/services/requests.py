"""Submitting a WFA request, cancelling it, and recalling approved days."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fleksi.common.errors import Conflict, NotAllowed, ValidationFailed
from fleksi.org.models import Employee, Office
from fleksi.schedule.models import ApprovalStep, RequestDay, WfaPlace, WfaRequest, WorkPlanItem
from fleksi.schedule.selectors.facts import SUBMISSION_STATUSES, check_days
from fleksi.schedule.selectors.workflow import first_approver
from fleksi.schedule.services.common import (
    audit_request,
    due_at,
    lock_employees,
    lock_request,
    trace_json,
)
from fleksi.schedule.services.evidence import clean_evidence
from fleksi.schedule.services.notices import tell

MAX_DAYS_AHEAD = 92
MAX_DAYS_PER_REQUEST = 31


@dataclass(frozen=True)
class PlanItemIn:
    description: str
    quantity: Decimal
    unit_of_measure: str
    due_date: date


def _validate(
    *,
    employee: Employee,
    days: Sequence[date],
    kind: str,
    location_type: str,
    office: Office | None,
    place: WfaPlace | None,
    evidence: UploadedFile | None,
    plan: Sequence[PlanItemIn],
    today: date,
    inherited_evidence: bool = False,
) -> None:
    errors: dict[str, list[str]] = {}
    if not days:
        errors.setdefault("days", []).append(_("Choose at least one day."))
    elif len(set(days)) > MAX_DAYS_PER_REQUEST:
        errors.setdefault("days", []).append(
            _("At most %(n)d days per request.") % {"n": MAX_DAYS_PER_REQUEST}
        )
    elif min(days) < today or max(days) > today + timedelta(days=MAX_DAYS_AHEAD):
        errors.setdefault("days", []).append(
            _("Days must be between today and %(n)d days ahead.") % {"n": MAX_DAYS_AHEAD}
        )
    if kind not in WfaRequest.Kind.values:
        errors.setdefault("kind", []).append(_("Unknown kind of request."))
    if location_type not in WfaRequest.Location.values:
        errors.setdefault("location_type", []).append(_("Unknown kind of place."))
    if location_type == WfaRequest.Location.OFFICE and office is None:
        errors.setdefault("office", []).append(_("Choose the office."))
    if location_type == WfaRequest.Location.APPROVED_PLACE and (
        place is None
        or place.employee_id != employee.pk
        or place.status != WfaPlace.Status.APPROVED
    ):
        errors.setdefault("place", []).append(_("Choose one of your approved places."))
    if location_type == WfaRequest.Location.HOME and employee.domicile_id is None:
        errors.setdefault("location_type", []).append(
            _("No domicile is recorded for you; ask BKPSDM to record it first.")
        )
    if (
        kind == WfaRequest.Kind.SPECIAL_CIRCUMSTANCES
        and evidence is None
        and not inherited_evidence
    ):
        errors.setdefault("evidence", []).append(
            _("Special circumstances need evidence (PDF, JPG or PNG).")
        )
    if not plan:
        errors.setdefault("plan", []).append(
            _("Give at least one planned output with a measurable target.")
        )
    for item in plan:
        if not item.description.strip() or not item.unit_of_measure.strip():
            errors.setdefault("plan", []).append(_("Each output needs what and a unit of measure."))
        if item.quantity <= 0:
            errors.setdefault("plan", []).append(_("Each target must be more than zero."))
        if days and item.due_date < min(days):
            errors.setdefault("plan", []).append(
                _("An output cannot be due before the first WFA day.")
            )
    if errors:
        raise ValidationFailed("request_invalid", _("The request is not complete."), errors=errors)


def request_submit(
    *,
    actor: Any,
    employee: Employee,
    days: Sequence[date],
    kind: str = "regular",
    location_type: str = "home",
    office: Office | None = None,
    place: WfaPlace | None = None,
    reason: str = "",
    evidence: UploadedFile | None = None,
    plan: Sequence[PlanItemIn] = (),
    revises: WfaRequest | None = None,
    duty_letter_number: str = "",
    duty_letter_date: date | None = None,
    duty_letter: UploadedFile | None = None,
) -> WfaRequest:
    """Check every day against the rules; days that pass wait for the approver, days that
    fail are recorded as refused with the rule that refused them.

    ``revises``: a request of the same employee that an approver returned for changes; the
    new request is its revision (once: the database keeps one revision per request) and
    keeps its evidence when no new file is given. Every day is checked again.

    Dinas luar (``official_duty``) with a surat tugas (number, date and file, all three) is
    exempt from the weekly maximum; without one its days count towards it."""
    if getattr(actor, "employee_id", None) != employee.pk:
        raise NotAllowed("request_not_own", _("You can only ask for your own WFA days."))
    if revises is not None:
        _check_revisable(revises, employee)
    today = timezone.localdate()
    days = sorted(set(days))
    inherited = revises is not None and evidence is None and bool(revises.evidence)
    _validate(
        employee=employee,
        days=days,
        kind=kind,
        location_type=location_type,
        office=office,
        place=place,
        evidence=evidence,
        plan=plan,
        today=today,
        inherited_evidence=inherited,
    )
    letter_number = duty_letter_number.strip()
    _validate_letter(kind, letter_number, duty_letter_date, duty_letter)
    letter_name, letter_hash = clean_evidence(duty_letter) if duty_letter is not None else ("", "")
    evidence_name, evidence_hash = clean_evidence(evidence) if evidence is not None else ("", "")
    if inherited and revises is not None:
        evidence_name, evidence_hash = revises.evidence_name, revises.evidence_sha256
    desa_id = office.desa_id if office else place.desa_id if place else employee.domicile_id
    try:
        with transaction.atomic():
            if revises is not None:
                revises = lock_request(revises.pk)
                _check_revisable(revises, employee)
            # The employee's week is counted by the weekly maximum: requests of one person
            # are checked one after the other (the lock order of ``common``).
            lock_employees([employee.pk])
            checks = check_days(
                employee=employee,
                days=days,
                kind=kind,
                location_type=location_type,
                submitted_on=today,
                statuses=SUBMISSION_STATUSES,
                desa_id=desa_id,
                duty_letter=bool(letter_hash),
            )
            passing = [c for c in checks if c.decision.allowed]
            approver = first_approver(employee, today) if passing else None
            if passing and approver is None:
                raise Conflict(
                    "no_approver",
                    _("No one can approve your request: your unit has no head recorded."),
                )
            request = WfaRequest(
                revises=revises,
                employee=employee,
                kind=kind,
                location_type=location_type,
                office=office,
                place=place,
                desa_id=desa_id,
                reason=reason.strip(),
                status=WfaRequest.Status.PENDING if passing else WfaRequest.Status.REFUSED,
                policy_version=checks[0].version,
                created_by=actor,
                evidence_name=evidence_name,
                evidence_sha256=evidence_hash,
                duty_letter_number=letter_number if letter_hash else "",
                duty_letter_date=duty_letter_date if letter_hash else None,
                duty_letter_sha256=letter_hash,
            )
            if duty_letter is not None:
                request.duty_letter.save(letter_name, duty_letter, save=False)
            if evidence is not None:
                request.evidence.save(evidence_name, evidence, save=False)
            elif inherited and revises is not None:
                request.evidence.name = revises.evidence.name  # the same stored file
            request.save()
            WorkPlanItem.objects.bulk_create(
                [
                    WorkPlanItem(
                        request=request,
                        order=i,
                        description=item.description.strip(),
                        quantity=item.quantity,
                        unit_of_measure=item.unit_of_measure.strip(),
                        due_date=item.due_date,
                    )
                    for i, item in enumerate(plan, start=1)
                ]
            )
            RequestDay.objects.bulk_create(
                [
                    RequestDay(
                        request=request,
                        employee=employee,
                        day=c.day,
                        trace=trace_json(c),
                        status=(
                            RequestDay.Status.PENDING
                            if c.decision.allowed
                            else RequestDay.Status.REFUSED
                        ),
                    )
                    for c in checks
                ]
            )
            if approver is not None:
                ApprovalStep.objects.create(
                    request=request,
                    level=1,
                    approver=approver[0],
                    via_unit=approver[1],
                    due_at=due_at(timezone.now()),
                )
            audit_request(
                actor,
                request,
                "resubmit" if revises is not None else "submit",
                after={
                    "revises": revises.pk if revises is not None else None,
                    "kind": kind,
                    "location_type": location_type,
                    "desa": desa_id,
                    "days": {str(c.day): str(c.decision.verdict) for c in checks},
                    "policy_version": checks[0].version.pk if checks[0].version else None,
                    "evidence_sha256": evidence_hash,
                    "duty_letter": (
                        {
                            "number": letter_number,
                            "date": str(duty_letter_date),
                            "sha256": letter_hash,
                        }
                        if letter_hash
                        else None
                    ),
                },
            )
            if approver is not None:
                tell(kind="request.submitted", request=request, to=[approver[0]])
    except IntegrityError as exc:
        if revises is not None and WfaRequest.objects.filter(revises=revises).exists():
            raise Conflict(
                "already_revised", _("This request has already been revised and sent again.")
            ) from exc
        raise Conflict(
            "day_taken", _("You already have a WFA request for one of these days.")
        ) from exc
    return request


def _validate_letter(kind: str, number: str, day: date | None, upload: UploadedFile | None) -> None:
    """A surat tugas is all three (number, date, file) or nothing, and only for dinas luar."""
    given = [bool(number), day is not None, upload is not None]
    if not any(given):
        return
    errors: dict[str, list[str]] = {}
    if kind != WfaRequest.Kind.OFFICIAL_DUTY:
        errors["duty_letter"] = [_("A surat tugas belongs to a dinas luar request only.")]
    elif not all(given):
        message = _("Give the number, the date and the file of the surat tugas, or none of them.")
        errors["duty_letter"] = [message]
    if day is not None and day > timezone.localdate():
        errors.setdefault("duty_letter", []).append(
            _("The surat tugas cannot be dated in the future.")
        )
    if errors:
        raise ValidationFailed(
            "duty_letter_incomplete", _("The surat tugas is not complete."), errors=errors
        )


def _check_revisable(original: WfaRequest, employee: Employee) -> None:
    if original.employee_id != employee.pk:
        raise NotAllowed("request_not_own", _("You can only revise your own requests."))
    if not original.days.filter(status=RequestDay.Status.RETURNED).exists():
        raise Conflict(
            "not_returned",
            _("Only a request with days returned for changes can be revised and sent again."),
        )
    if WfaRequest.objects.filter(revises=original).exists():
        raise Conflict(
            "already_revised", _("This request has already been revised and sent again.")
        )


def _close_if_settled(request: WfaRequest, statuses: set[str] | None = None) -> None:
    """Update the request's status from its days (``statuses``: the statuses of its days,
    when the caller has just read them), and close a step with nothing left."""
    if statuses is None:
        statuses = set(request.days.values_list("status", flat=True))
    if "pending" in statuses:
        return
    ApprovalStep.objects.filter(request=request, status=ApprovalStep.Status.PENDING).update(
        status=ApprovalStep.Status.CLOSED, acted_at=timezone.now()
    )
    if "approved" in statuses:
        request.status = (
            WfaRequest.Status.APPROVED
            if statuses <= {"approved", "recalled"}
            else WfaRequest.Status.PARTLY
        )
    elif statuses <= {"cancelled"}:
        request.status = WfaRequest.Status.CANCELLED
    elif "returned" in statuses:
        request.status = WfaRequest.Status.RETURNED
    elif "rejected" in statuses:
        request.status = WfaRequest.Status.REJECTED
    elif statuses <= {"refused"}:
        request.status = WfaRequest.Status.REFUSED
    else:
        request.status = WfaRequest.Status.CANCELLED
    request.decided_at = request.decided_at or timezone.now()
    request.save(update_fields=["status", "decided_at"])


def request_cancel(*, actor: Any, request: WfaRequest, days: Sequence[date] | None = None) -> int:
    """The employee cancels waiting days, and approved days that have not started."""
    if getattr(actor, "employee_id", None) != request.employee_id:
        raise NotAllowed("request_not_own", _("Only the employee can cancel the request."))
    today = timezone.localdate()
    with transaction.atomic():
        request = lock_request(request.pk)
        qs = RequestDay.objects.filter(
            request=request, day__gte=today, status__in=["pending", "approved"]
        )
        if days is not None:
            qs = qs.filter(day__in=list(days))
        cancelled = list(qs.values_list("day", flat=True))
        if not cancelled:
            raise Conflict("nothing_to_cancel", _("There is no day left to cancel."))
        qs.update(status=RequestDay.Status.CANCELLED, decided_at=timezone.now(), decided_by=actor)
        _close_if_settled(request)
        audit_request(actor, request, "cancel", after={"days": cancelled})
        step = request.steps.filter(status__in=["pending", "closed"]).order_by("-level").first()
        if step is not None:
            tell(kind="request.cancelled", request=request, to=[step.approver])
    return len(cancelled)


def request_recall(*, actor: Any, request: WfaRequest, days: Sequence[date], reason: str) -> int:
    """An approver calls approved days back to the office (the service needs people)."""
    from fleksi.schedule.selectors.permissions import may_decide_for

    if not reason.strip():
        raise ValidationFailed("reason_required", _("Say why the days are recalled."))
    if not may_decide_for(actor, request):
        raise NotAllowed("not_approver", _("Only the head of the unit can recall WFA days."))
    today = timezone.localdate()
    with transaction.atomic():
        request = lock_request(request.pk)
        qs = RequestDay.objects.filter(
            request=request, day__in=list(days), day__gte=today, status=RequestDay.Status.APPROVED
        )
        recalled = list(qs.values_list("day", flat=True))
        if not recalled:
            raise Conflict("nothing_to_recall", _("None of these days is an approved future day."))
        qs.update(
            status=RequestDay.Status.RECALLED,
            decided_at=timezone.now(),
            decided_by=actor,
            note=reason.strip()[:255],
        )
        _close_if_settled(request)
        audit_request(actor, request, "recall", after={"days": recalled, "reason": reason})
        tell(kind="request.recalled", request=request, to=[request.employee], comment=reason)
    return len(recalled)
