"""Duty-mapping helpers for tests: duties and approved assessments for the world's positions."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from fleksi.jobmap.domain.criteria import PASAL_23_CODES
from fleksi.jobmap.services import (
    assessment_approve,
    assessment_propose,
    assessment_save_draft,
    duty_create,
)


def add_duties(position: Any, *shares: float, actor: Any = None) -> list[Any]:
    return [
        duty_create(
            actor=actor,
            position=position,
            description=f"Tugas {i}",
            output=f"Hasil {i}",
            time_share=Decimal(str(share)),
        )
        for i, share in enumerate(shares, start=1)
    ]


def answers_for(
    duties: list[Any], suitable: Any = (), reason: str = "alasan singkat"
) -> dict[tuple[int, str], tuple[bool, str]]:
    """Every criterion answered: yes for the duties in ``suitable`` (by index), else one no."""
    out: dict[tuple[int, str], tuple[bool, str]] = {}
    for i, duty in enumerate(duties):
        for code in PASAL_23_CODES:
            yes = i in suitable or code != "outside_office"
            out[(duty.pk, code)] = (yes, reason)
    return out


def approve_mapping(world: Any, position_key: str, shares: Any, suitable: Any) -> Any:
    position = world.positions[position_key]
    duties = add_duties(position, *shares)
    admin = world.user("bkpsdm")
    assessment_save_draft(actor=admin, position=position, answers=answers_for(duties, suitable))
    proposed = assessment_propose(actor=admin, position=position)
    return assessment_approve(actor=admin, assessment=proposed), duties
