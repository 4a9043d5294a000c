"""Helpers for the duty-mapping tests: duties and answers for the test world's positions."""

from __future__ import annotations

from decimal import Decimal

import pytest

from fleksi.jobmap.domain.criteria import PASAL_23_CODES
from fleksi.jobmap.services import (
    assessment_approve,
    assessment_propose,
    assessment_save_draft,
    duty_create,
)


def add_duties(position, *shares, actor=None):
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


def answers_for(duties, suitable=(), reason="alasan singkat"):
    """Every criterion answered: yes for the duties in ``suitable`` (by index), else one no."""
    out = {}
    for i, duty in enumerate(duties):
        for code in PASAL_23_CODES:
            yes = i in suitable or code != "outside_office"
            out[(duty.pk, code)] = (yes, reason)
    return out


def approve_mapping(world, position_key, shares, suitable):
    position = world.positions[position_key]
    duties = add_duties(position, *shares)
    admin = world.user("bkpsdm")
    assessment_save_draft(actor=admin, position=position, answers=answers_for(duties, suitable))
    proposed = assessment_propose(actor=admin, position=position)
    return assessment_approve(actor=admin, assessment=proposed), duties


@pytest.fixture
def mapped(world):
    """Petugas Loket on site (10 % suitable), Analis Kebijakan capable (80 % suitable)."""
    approve_mapping(world, "loket", (90, 10), suitable={1})
    approve_mapping(world, "analis", (50, 30, 20), suitable={0, 1})
    return world
