"""Helpers shared by the duty-mapping services."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from fleksi.common.errors import Conflict, ValidationFailed
from fleksi.jobmap.models import Assessment
from fleksi.org.models import Position, Unit
from fleksi.org.services import unit_stream

CENT = Decimal("0.01")


def position_lock(position_id: int) -> Position:
    """The position row, locked until the transaction ends: duty edits, drafts and proposals
    of one position queue behind each other (and only behind each other)."""
    return Position.objects.select_for_update().get(pk=position_id)


def position_stream(position: Position) -> str:
    unit = Unit.objects.only("id", "root_id").get(pk=position.unit_id)
    return unit_stream(unit)


def refuse_if_proposed(position: Position) -> None:
    if Assessment.objects.filter(position=position, status=Assessment.Status.PROPOSED).exists():
        raise Conflict(
            "assessment_proposed",
            _(
                "The assessment of this position is waiting for BKPSDM. Its duties and answers "
                "cannot change until it is approved or returned."
            ),
        )


def clean_share(value: Any) -> Decimal:
    try:
        share = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError) as exc:
        raise ValidationFailed(
            "duty_share_invalid",
            _("The share of working time must be a number."),
            errors={"time_share": [_("Enter a number such as 12.5.")]},
        ) from exc
    if not share.is_finite() or share != share.quantize(CENT) or not 0 < share <= 100:
        raise ValidationFailed(
            "duty_share_invalid",
            _(
                "The share of working time must be more than 0 and at most 100, "
                "with at most two decimals."
            ),
            errors={"time_share": [_("More than 0 and at most 100.")]},
        )
    return share.quantize(CENT)


def clean_text(value: str, *, field: str, max_length: int, label: str) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationFailed(
            f"duty_{field}_required",
            _("%(label)s is required.") % {"label": label},
            errors={field: [_("This field is required.")]},
        )
    if len(text) > max_length:
        raise ValidationFailed(
            f"duty_{field}_too_long",
            _("%(label)s is longer than %(max)s characters.") % {"label": label, "max": max_length},
            errors={field: [_("At most %(max)s characters.") % {"max": max_length}]},
        )
    return text
