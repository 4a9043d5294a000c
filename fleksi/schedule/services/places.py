"""Approved places: an employee proposes another place to work from (not home, not an
office); the PPK's delegate named by the policy in force (``place_decider``: the Sekda by
default, PermenPANRB 4/2025 Pasal 11) accepts or refuses it beforehand."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fleksi.audit.services import Change, audit_record
from fleksi.common.errors import Conflict, NotAllowed, ValidationFailed
from fleksi.org.models import Employee
from fleksi.org.services import unit_stream
from fleksi.places.models import Desa
from fleksi.schedule.models import WfaPlace
from fleksi.schedule.permissions import may_decide_place

MAX_OPEN_PLACES = 10


def _audit(actor: Any, place: WfaPlace, action: str, **values: Any) -> None:
    audit_record(
        actor=actor,
        stream=unit_stream(place.employee.unit),
        change=Change(
            action=f"schedule.place.{action}",
            object_type="schedule.place",
            object_id=str(place.pk),
            object_repr=place.name,
            **values,
        ),
    )


def place_propose(
    *,
    actor: Any,
    employee: Employee,
    name: str,
    address: str,
    desa: Desa | None,
    reason: str,
    latitude: float | None = None,
    longitude: float | None = None,
) -> WfaPlace:
    if getattr(actor, "employee_id", None) != employee.pk:
        raise NotAllowed("place_not_own", _("You can only propose places for yourself."))
    errors: dict[str, list[str]] = {}
    if not name.strip():
        errors["name"] = [_("Give the place a name.")]
    if not address.strip():
        errors["address"] = [_("Give the address.")]
    if desa is None:
        errors["desa"] = [_("Choose the desa/kelurahan.")]
    if not reason.strip():
        errors["reason"] = [_("Say why you want to work from there.")]
    if (latitude is None) != (longitude is None) or (
        latitude is not None
        and longitude is not None
        and not (-90 <= latitude <= 90 and -180 <= longitude <= 180)
    ):
        errors["latitude"] = [_("Give both coordinates, or neither.")]
    if errors or desa is None:
        raise ValidationFailed("place_invalid", _("The place is not complete."), errors=errors)
    open_places = WfaPlace.objects.filter(employee=employee).exclude(
        status=WfaPlace.Status.REJECTED
    )
    if open_places.count() >= MAX_OPEN_PLACES:
        raise Conflict(
            "too_many_places",
            _("You have %(n)d places already; withdraw one first.") % {"n": MAX_OPEN_PLACES},
        )
    with transaction.atomic():
        place = WfaPlace.objects.create(
            employee=employee,
            name=name.strip()[:120],
            address=address.strip()[:255],
            desa=desa,
            reason=reason.strip()[:255],
            latitude=latitude,
            longitude=longitude,
        )
        _audit(
            actor,
            place,
            "propose",
            after={"name": place.name, "address": place.address, "desa": place.desa_id},
        )
    return place


def place_decide(*, actor: Any, place: WfaPlace, approve: bool, comment: str = "") -> WfaPlace:
    """The PPK's delegate accepts or refuses a proposed place (a refusal needs a
    reason). An approved place can later be refused, which stops new requests from it."""
    if not may_decide_place(actor, place):
        raise NotAllowed(
            "not_place_approver",
            _("Only the official the Perbup names decides on another place to work from."),
        )
    if not approve and not comment.strip():
        raise ValidationFailed("comment_required", _("Say why the place is refused."))
    with transaction.atomic():
        place = (
            WfaPlace.objects.select_for_update().select_related("employee__unit").get(pk=place.pk)
        )
        target = WfaPlace.Status.APPROVED if approve else WfaPlace.Status.REJECTED
        if place.status == target:
            raise Conflict("place_decided", _("The place has already been decided so."))
        before = place.status
        place.status, place.decided_by, place.decided_at = target, actor, timezone.now()
        place.save(update_fields=["status", "decided_by", "decided_at"])
        _audit(
            actor,
            place,
            "approve" if approve else "reject",
            before={"status": before},
            after={"status": target, "comment": comment.strip()},
        )
    return place
