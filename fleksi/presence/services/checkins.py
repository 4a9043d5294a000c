"""Recording a check-in: the hot path (thousands a minute at 07:30).

One check-in is one INSERT (plus a network reading for the places, in the same transaction)
after a few cheap indexed reads of the employee's own rows; no lock is taken and no audit
entry is written (see :mod:`fleksi.presence.models` for why a check-in is a record, not an
audited change).

Idempotency: the device gives every check-in a UUID. The key is UNIQUE in the database, so
however many copies arrive — one after another or at the same instant — one row exists; a
copy that finds the key taken gets the stored check-in back (``created=False``). A different
check-in for a slot already taken is refused (409): the first check-in of a slot counts.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import NoReturn

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fleksi.common.errors import Conflict, ServiceError, ValidationFailed
from fleksi.org.models import Employee
from fleksi.places.services import measurement_record
from fleksi.policy.domain.engine import evaluate
from fleksi.presence.domain.facts import MODES, CheckinFacts, Position
from fleksi.presence.domain.rules import PRESENCE_RULES, place_reached
from fleksi.presence.domain.slots import kind_of
from fleksi.presence.domain.timing import SYNC_MARGIN_SECONDS, Evidence, timing_of
from fleksi.presence.messages import judgement
from fleksi.presence.models import Checkin, RefusedCheckin
from fleksi.presence.selectors.facts import (
    Person,
    arrival_of,
    circumstances,
    day_rules,
    person_of,
    previous_checkin,
    role_of,
    schedule_at,
)
from fleksi.presence.services.contact import contact_read


class TooLate(ServiceError):
    """An offline copy that waited longer than the policy's sync window."""

    status = 422


class Unprocessable(ServiceError):
    status = 422


@dataclass(frozen=True)
class CheckinIn:
    idempotency_key: uuid.UUID
    slot: int
    mode: str
    device_time: datetime
    sent_at: datetime | None = None
    kind: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    accuracy_m: float | None = None
    effective_type: str | None = None
    rtt_ms: float | None = None
    downlink_mbps: float | None = None
    client_latency_ms: float | None = None
    # Evidence of an offline check-in's time (domain/timing.py): the last contact token and
    # the phone's monotonic milliseconds from it to the press, and from the press to sending.
    contact: str | None = None
    since_contact_ms: float | None = None
    since_press_ms: float | None = None


@dataclass(frozen=True)
class CheckinResult:
    checkin: Checkin
    created: bool


def _margin() -> float:
    return float(getattr(settings, "FLEKSI_PRESENCE_SYNC_MARGIN_SECONDS", SYNC_MARGIN_SECONDS))


def _validate(data: CheckinIn) -> Position | None:
    if data.mode not in MODES:
        raise ValidationFailed("checkin_mode", _("Unknown mode of the day."))
    if not 1 <= data.slot <= 4:
        raise ValidationFailed("checkin_slot", _("A day has at most four check-ins."))
    if data.kind is not None and data.kind != kind_of(data.slot):
        raise ValidationFailed(
            "checkin_kind", _("This slot is a check-%(kind)s.") % {"kind": kind_of(data.slot)}
        )
    if data.latitude is None or data.longitude is None:
        return None
    if not (-90 <= data.latitude <= 90 and -180 <= data.longitude <= 180):
        raise ValidationFailed("checkin_position", _("The position is not a place on earth."))
    accuracy = data.accuracy_m if data.accuracy_m is not None and data.accuracy_m >= 0 else None
    return Position(data.latitude, data.longitude, accuracy)


def _evidence(employee_id: int, data: CheckinIn) -> Evidence | None:
    if not data.contact or data.since_contact_ms is None:
        return None
    contact_at = contact_read(data.contact, employee_id)
    if contact_at is None:
        return None
    since_press = data.since_press_ms / 1000 if data.since_press_ms is not None else None
    return Evidence(contact_at, data.since_contact_ms / 1000, since_press)


def _stored(person: Person, key: uuid.UUID) -> Checkin | None:
    found = Checkin.objects.filter(idempotency_key=key).first()
    if found is not None and found.employee_id != person.id:
        raise Conflict("checkin_key_used", _("This check-in key belongs to another check-in."))
    return found


def _refuse_too_late(person: Person, data: CheckinIn, day: date, hours: int) -> NoReturn:
    RefusedCheckin.objects.bulk_create(
        [
            RefusedCheckin(
                employee_id=person.id,
                idempotency_key=data.idempotency_key,
                day=day,
                slot=data.slot,
                device_time=data.device_time,
                received_at=timezone.now(),
            )
        ],
        ignore_conflicts=True,
    )
    raise TooLate(
        "checkin_too_late",
        _(
            "This check-in was kept on the device for more than %(hours)s hours and can no "
            "longer be accepted. Ask your supervisor for a manual check-in."
        )
        % {"hours": hours},
        window_hours=hours,
    )


def checkin_record(
    *, employee: Employee | Person, data: CheckinIn, received_at: datetime | None = None
) -> CheckinResult:
    """Record ``employee``'s own check-in; returns the stored one for a key seen before.

    The hot path passes a :class:`Person` (one narrow query); an :class:`Employee` works too.
    """
    person = employee if isinstance(employee, Person) else person_of(employee)
    position = _validate(data)
    received_at = received_at or timezone.now()
    timing = timing_of(
        device_time=data.device_time,
        sent_at=data.sent_at,
        received_at=received_at,
        margin_s=_margin(),
        evidence=_evidence(person.id, data),
    )
    local = timezone.localtime(timing.checked_at)
    rules = day_rules(local.date())
    params = rules.params
    if timing.expired(params.offline_sync_window_hours):
        stored = _stored(person, data.idempotency_key)
        if stored is not None:
            return CheckinResult(stored, created=False)
        _refuse_too_late(person, data, local.date(), params.offline_sync_window_hours)
    if data.slot > params.checkins_per_day:
        raise Unprocessable(
            "checkin_slot",
            _("The policy has %(n)s check-ins a day.") % {"n": params.checkins_per_day},
        )
    # The day is the one of the person's schedule the check-in falls in: a night shift's
    # check-out the next morning belongs to the shift's day.
    naive = local.replace(tzinfo=None)
    role = role_of(data.slot, params.checkins_per_day)
    day, schedule = schedule_at(person, naive, role)
    arrived = None
    if schedule is not None and schedule.flex_minutes and role == "departure":
        first = arrival_of(person.id, day)
        arrived = timezone.localtime(first).replace(tzinfo=None) if first else None
    where = circumstances(person, data.mode, day)
    facts = CheckinFacts(
        slot=data.slot,
        mode=data.mode,
        checked_at=timing.checked_at,
        local_time=local.time(),
        hours=None,
        schedule=schedule,
        local=naive,
        arrived=arrived,
        position=position,
        places=where.places,
        approved_day=where.approved_day,
        absence_kind=where.absence_kind,
        previous=previous_checkin(person.id, timing.checked_at) if position else None,
        clock_offset_s=timing.clock_offset_s,
        waited_s=timing.waited_s,
        synced_late=timing.synced_late,
        time_proof=timing.proof,
        claimed_at=timing.claimed_at,
        policy_in_force=rules.version_id is not None,
    )
    decision = evaluate(PRESENCE_RULES, facts, params)
    checkin = Checkin(
        employee_id=person.id,
        day=day,
        slot=data.slot,
        kind=kind_of(data.slot),
        mode=data.mode,
        checked_at=timing.checked_at,
        device_time=data.device_time,
        server_received_at=received_at,
        clock_offset_s=round(timing.clock_offset_s) if timing.clock_offset_s is not None else None,
        synced_late=timing.synced_late,
        time_proof=timing.proof,
        latitude=position.latitude if position else None,
        longitude=position.longitude if position else None,
        accuracy_m=position.accuracy_m if position else None,
        idempotency_key=data.idempotency_key,
        policy_version_id=rules.version_id,
        **judgement(decision),
        manual=False,
        source=Checkin.Source.OFFLINE_SYNC if timing.synced_late else Checkin.Source.ONLINE,
    )
    reached = place_reached(facts, params)
    try:
        with transaction.atomic():
            checkin.save(force_insert=True)
            # What the browser said about the network, where it was measured: only for a
            # check-in sent at once from inside its expected place (an offline copy's reading
            # belongs to wherever the phone found the network again).
            if reached is not None and reached.desa_id is not None and not timing.synced_late:
                measurement_record(
                    desa_id=reached.desa_id,
                    effective_type=data.effective_type,
                    rtt_ms=data.rtt_ms,
                    downlink_mbps=data.downlink_mbps,
                    server_latency_ms=data.client_latency_ms,
                    measured_at=timing.checked_at,
                    reference=f"checkin:{checkin.pk}",
                )
    except IntegrityError:
        stored = _stored(person, data.idempotency_key)
        if stored is not None:
            return CheckinResult(stored, created=False)
        taken = Checkin.objects.filter(employee_id=person.id, day=day, slot=data.slot).first()
        if taken is None:
            raise
        raise Conflict(
            "checkin_slot_taken",
            _("This check-in was already made at %(time)s; the first check-in of a slot counts.")
            % {"time": timezone.localtime(taken.checked_at).strftime("%H:%M")},
            checkin_id=taken.pk,
        ) from None
    return CheckinResult(checkin, created=True)
