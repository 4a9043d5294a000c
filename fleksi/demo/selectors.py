"""Reads of the demo: the persona accounts in the order of the persona list."""

from __future__ import annotations

from dataclasses import dataclass

from fleksi.demo.domain.personas import PERSONAS, Persona
from fleksi.demo.models import DemoAccount


@dataclass(frozen=True)
class DemoAccountRow:
    persona: Persona
    username: str
    name: str


def demo_account_list() -> list[DemoAccountRow]:
    """The seeded persona accounts (empty when the demo was never seeded)."""
    linked = {
        a.persona: a.user for a in DemoAccount.objects.select_related("user", "user__employee")
    }
    return [
        DemoAccountRow(persona=p, username=linked[p.key].username, name=linked[p.key].display_name)
        for p in PERSONAS
        if p.key in linked
    ]
