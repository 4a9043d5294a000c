"""Writes to the duties of a position. Refused while the position's assessment is proposed
(BKPSDM is deciding on exactly those duties). The total of the time shares may differ from
100 % while the duties are being edited; proposing an assessment requires exactly 100 %."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from fleksi.audit.services import Change, audit_record, diff_values
from fleksi.common.errors import ValidationFailed
from fleksi.jobmap.domain.rows import DESCRIPTION_MAX, OUTPUT_MAX
from fleksi.jobmap.models import Duty
from fleksi.jobmap.services.common import (
    clean_share,
    clean_text,
    position_lock,
    position_stream,
    refuse_if_proposed,
)
from fleksi.org.models import Position

FIELDS = ("order", "description", "output", "time_share")
# Orders are moved out of the way in two steps so that the unique (position, order) holds.
_PARKING = 100_000


def _snapshot(duty: Duty) -> dict[str, Any]:
    return {f: getattr(duty, f) for f in FIELDS}


def _audit(actor: Any, position: Position, duty: Duty, action: str, **values: Any) -> None:
    audit_record(
        actor=actor,
        stream=position_stream(position),
        change=Change(
            action=f"jobmap.duty.{action}",
            object_type="jobmap.duty",
            object_id=str(duty.pk),
            object_repr=duty.description[:200],
            context={"position": position.pk},
            **values,
        ),
    )


def duty_create(
    *,
    actor: Any,
    position: Position,
    description: str,
    output: str,
    time_share: Decimal | str | float,
) -> Duty:
    """Add a duty at the end of the position's list."""
    description = clean_text(
        description, field="description", max_length=DESCRIPTION_MAX, label=_("The duty")
    )
    output = clean_text(output, field="output", max_length=OUTPUT_MAX, label=_("The output"))
    share = clean_share(time_share)
    with transaction.atomic():
        position = position_lock(position.pk)
        refuse_if_proposed(position)
        last = Duty.objects.filter(position=position).aggregate(m=Max("order"))["m"] or 0
        duty = Duty.objects.create(
            position=position,
            order=last + 1,
            description=description,
            output=output,
            time_share=share,
        )
        _audit(actor, position, duty, "create", after=_snapshot(duty))
    return duty


def duty_update(
    *,
    actor: Any,
    duty: Duty,
    description: str,
    output: str,
    time_share: Decimal | str | float,
) -> Duty:
    description = clean_text(
        description, field="description", max_length=DESCRIPTION_MAX, label=_("The duty")
    )
    output = clean_text(output, field="output", max_length=OUTPUT_MAX, label=_("The output"))
    share = clean_share(time_share)
    with transaction.atomic():
        position = position_lock(duty.position_id)
        refuse_if_proposed(position)
        duty = Duty.objects.get(pk=duty.pk)
        before = _snapshot(duty)
        duty.description, duty.output, duty.time_share = description, output, share
        duty.save(update_fields=["description", "output", "time_share", "updated_at"])
        b, a = diff_values(before, _snapshot(duty))
        if a:
            _audit(actor, position, duty, "update", before=b, after=a)
    return duty


def _renumber(position: Position, ordered_ids: Sequence[int]) -> None:
    duties = {d.pk: d for d in Duty.objects.filter(position=position)}
    now = timezone.now()
    for duty in duties.values():
        duty.order += _PARKING
    Duty.objects.bulk_update(duties.values(), ["order"])
    for number, duty_id in enumerate(ordered_ids, start=1):
        duties[duty_id].order = number
        duties[duty_id].updated_at = now
    Duty.objects.bulk_update(duties.values(), ["order", "updated_at"])


def duty_delete(*, actor: Any, duty: Duty) -> None:
    """Remove a duty; the ones after it move up. Earlier assessments keep their copy."""
    with transaction.atomic():
        position = position_lock(duty.position_id)
        refuse_if_proposed(position)
        duty = Duty.objects.get(pk=duty.pk)
        before = _snapshot(duty)
        _audit(actor, position, duty, "delete", before=before)
        duty.delete()
        remaining = list(
            Duty.objects.filter(position=position).order_by("order").values_list("id", flat=True)
        )
        _renumber(position, remaining)


def duty_reorder(*, actor: Any, position: Position, duty_ids: Sequence[int]) -> None:
    """Put the position's duties in the given order (every duty exactly once)."""
    with transaction.atomic():
        position = position_lock(position.pk)
        refuse_if_proposed(position)
        current = list(
            Duty.objects.filter(position=position).order_by("order").values_list("id", flat=True)
        )
        wanted = [int(i) for i in duty_ids]
        if sorted(wanted) != sorted(current):
            raise ValidationFailed(
                "duty_order_mismatch",
                _("The new order must list every duty of the position exactly once."),
            )
        if wanted == current:
            return
        _renumber(position, wanted)
        audit_record(
            actor=actor,
            stream=position_stream(position),
            change=Change(
                action="jobmap.duty.reorder",
                object_type="org.position",
                object_id=str(position.pk),
                object_repr=position.name,
                before={"order": current},
                after={"order": wanted},
            ),
        )


def duty_move(*, actor: Any, duty: Duty, step: int) -> None:
    """Move a duty one place up (``step=-1``) or down (``step=1``)."""
    ids = list(
        Duty.objects.filter(position_id=duty.position_id)
        .order_by("order")
        .values_list("id", flat=True)
    )
    index = ids.index(duty.pk)
    target = index + (1 if step > 0 else -1)
    if not 0 <= target < len(ids):
        return
    ids[index], ids[target] = ids[target], ids[index]
    duty_reorder(actor=actor, position=Position(pk=duty.position_id), duty_ids=ids)
