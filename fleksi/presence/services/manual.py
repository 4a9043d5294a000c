"""The manual fallback: where even the offline check-in failed (a dead phone, a refused late
copy), the employee asks and the direct supervisor decides. An approval writes a manual
check-in (no position; the time rules still apply to the time asked for). Both steps are
audited in the stream of the employee's perangkat daerah: they are decisions by people."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fleksi.audit.services import Change, audit_record
from fleksi.common.errors import Conflict, NotAllowed, ValidationFailed
from fleksi.org.models import Employee
from fleksi.org.services import unit_stream
from fleksi.policy.domain.engine import evaluate
from fleksi.presence.domain.facts import MODES, CheckinFacts
from fleksi.presence.domain.rules import PRESENCE_RULES
from fleksi.presence.domain.slots import kind_of
from fleksi.presence.messages import judgement
from fleksi.presence.models import Checkin, ManualCheckinRequest
from fleksi.presence.selectors.facts import (
    arrival_of,
    circumstances,
    day_rules,
    person_of,
    role_of,
)
from fleksi.worktime.selectors import schedule_of

MAX_DAYS_BACK = 31


def _audit(actor: Any, req: ManualCheckinRequest, action: str, **values: Any) -> None:
    audit_record(
        actor=actor,
        stream=unit_stream(req.employee.unit),
        change=Change(
            action=f"presence.manual.{action}",
            object_type="presence.manualcheckinrequest",
            object_id=str(req.pk),
            object_repr=f"{req.employee.name} {req.day} #{req.slot}",
            **values,
        ),
    )


def manual_request_create(
    *,
    actor: Any,
    employee: Employee,
    day: date,
    slot: int,
    mode: str,
    at: time,
    reason: str,
    today: date | None = None,
) -> ManualCheckinRequest:
    """The employee asks their direct supervisor for a check-in they could not make."""
    today = today or timezone.localdate()
    reason = reason.strip()
    if getattr(actor, "employee_id", None) != employee.pk:
        raise NotAllowed("manual_not_own", _("You can only ask for your own check-ins."))
    if not today - timedelta(days=MAX_DAYS_BACK) <= day <= today:
        raise ValidationFailed(
            "manual_day",
            _("A manual check-in can be asked for today or the last %(n)s days.")
            % {"n": MAX_DAYS_BACK},
        )
    if mode not in MODES:
        raise ValidationFailed("manual_mode", _("Unknown mode of the day."))
    per_day = day_rules(day).params.checkins_per_day
    if not 1 <= slot <= per_day:
        raise ValidationFailed(
            "manual_slot", _("The policy has %(n)s check-ins a day.") % {"n": per_day}
        )
    if not reason:
        raise ValidationFailed("manual_reason", _("Say why the check-in could not be made."))
    if employee.supervisor_id is None:
        raise Conflict(
            "manual_no_supervisor",
            _("No direct supervisor is recorded for you; ask the personnel staff."),
        )
    if Checkin.objects.filter(employee=employee, day=day, slot=slot, counted=True).exists():
        raise Conflict("manual_slot_done", _("This check-in is already on record."))
    try:
        with transaction.atomic():
            req = ManualCheckinRequest.objects.create(
                employee=employee,
                day=day,
                slot=slot,
                mode=mode,
                time=at.replace(second=0, microsecond=0),
                reason=reason[:2000],
                created_by=actor,
            )
            _audit(
                actor,
                req,
                "create",
                after={"day": day, "slot": slot, "mode": mode, "time": req.time, "reason": reason},
            )
    except IntegrityError:
        raise Conflict(
            "manual_pending", _("A request for this check-in is already waiting.")
        ) from None
    return req


def _manual_checkin(req: ManualCheckinRequest) -> Checkin:
    rules = day_rules(req.day)
    person = person_of(req.employee)
    schedule = schedule_of(person.key, req.day)
    local = datetime.combine(req.day, req.time)
    if schedule is not None and schedule.end.date() > req.day and req.time < schedule.start.time():
        local += timedelta(days=1)  # the morning end of a shift that crossed midnight
    at = timezone.make_aware(local)
    role = role_of(req.slot, rules.params.checkins_per_day)
    arrived = None
    if schedule is not None and schedule.flex_minutes and role == "departure":
        first = arrival_of(person.id, req.day)
        arrived = timezone.localtime(first).replace(tzinfo=None) if first else None
    where = circumstances(person, req.mode, req.day)
    facts = CheckinFacts(
        slot=req.slot,
        mode=req.mode,
        checked_at=at,
        local_time=req.time,
        hours=None,
        schedule=schedule,
        local=local,
        arrived=arrived,
        places=where.places,
        approved_day=where.approved_day,
        absence_kind=where.absence_kind,
        manual=True,
        policy_in_force=rules.version_id is not None,
    )
    decision = evaluate(PRESENCE_RULES, facts, rules.params)
    return Checkin.objects.create(
        employee=req.employee,
        day=req.day,
        slot=req.slot,
        kind=kind_of(req.slot),
        mode=req.mode,
        checked_at=at,
        device_time=None,
        server_received_at=timezone.now(),
        idempotency_key=uuid.uuid4(),
        policy_version_id=rules.version_id,
        **{**judgement(decision), "counted": True},
        manual=True,
        source=Checkin.Source.MANUAL,
    )


def manual_request_decide(
    *, actor: Any, request: ManualCheckinRequest, approve: bool, note: str = ""
) -> ManualCheckinRequest:
    """The direct supervisor approves (a manual check-in is written) or rejects.

    A slot that already holds a check-in which does not count (the policy blocked it on an
    integrity signal) is confirmed instead: it counts from now on, marked manual.
    """
    with transaction.atomic():
        req = (
            ManualCheckinRequest.objects.select_for_update()
            .select_related("employee__unit")
            .get(pk=request.pk)
        )
        if actor is None or req.employee.supervisor_id != getattr(actor, "employee_id", None):
            raise NotAllowed(
                "manual_not_supervisor", _("Only the direct supervisor decides this request.")
            )
        if req.status != ManualCheckinRequest.Status.PENDING:
            raise Conflict("manual_decided", _("This request has already been decided."))
        req.status = (
            ManualCheckinRequest.Status.APPROVED
            if approve
            else ManualCheckinRequest.Status.REJECTED
        )
        req.decided_by = actor
        req.decided_at = timezone.now()
        req.decision_note = note.strip()[:255]
        if approve:
            existing = (
                Checkin.objects.select_for_update()
                .filter(employee_id=req.employee_id, day=req.day, slot=req.slot)
                .first()
            )
            if existing is not None and existing.counted:
                raise Conflict("manual_slot_done", _("This check-in is already on record."))
            if existing is not None:
                existing.counted, existing.manual = True, True
                existing.source = Checkin.Source.MANUAL
                existing.save(update_fields=["counted", "manual", "source"])
                req.checkin = existing
            else:
                req.checkin = _manual_checkin(req)
        req.save(update_fields=["status", "decided_by", "decided_at", "decision_note", "checkin"])
        _audit(
            actor,
            req,
            "approve" if approve else "reject",
            before={"status": "pending"},
            after={"status": req.status, "note": req.decision_note, "checkin": req.checkin_id},
        )
    return req
