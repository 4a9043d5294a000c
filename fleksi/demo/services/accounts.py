"""Sign-in accounts of the demo: one per employee (username = NIP) and the persona accounts
with memorable usernames, all sharing one password hash, plus the persona roles."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fleksi.accounts.models import User
from fleksi.accounts.services import accounts_provision, role_assign
from fleksi.audit.services import Change, audit_record_many
from fleksi.demo.domain.personas import PERSONAS
from fleksi.demo.domain.records import DemoPlan
from fleksi.demo.models import DemoAccount
from fleksi.org.models import Unit


def demo_accounts_write(
    *,
    actor: Any,
    plan: DemoPlan,
    unit_ids: Mapping[str, int],
    employee_ids: Mapping[int, int],
    password_hash: str,
) -> int:
    """Create every account of the demo; returns how many were created."""
    named: list[User] = []
    for persona in PERSONAS:
        if not persona.username:
            continue
        employee_id = employee_ids[plan.personas[persona.key]] if persona.is_employee else None
        first, _space, last = ("", "", "") if employee_id else persona.name.partition(" ")
        named.append(
            User(
                username=persona.username,
                employee_id=employee_id,
                first_name=first,
                last_name=last,
                password=password_hash,
            )
        )
    User.objects.bulk_create(named)
    audit_record_many(
        actor=actor,
        stream="agency",
        changes=[
            Change(
                action="demo.account.create",
                object_type="accounts.user",
                object_id=str(user.pk),
                object_repr=user.username,
                after={"username": user.username, "employee": user.employee_id},
            )
            for user in named
        ],
    )
    provisioned = accounts_provision(actor=actor, password_hash=password_hash)

    by_username = {u.username: u for u in named}
    persona_employee = {
        employee_ids[plan.personas[p.key]]: p.key for p in PERSONAS if p.is_employee
    }
    by_employee = {
        persona_employee[u.employee_id]: u
        for u in User.objects.filter(employee_id__in=list(persona_employee))
        if u.employee_id is not None
    }
    links: list[DemoAccount] = []
    for persona in PERSONAS:
        user = by_username.get(persona.username) or by_employee[persona.key]
        links.append(DemoAccount(persona=persona.key, user=user))
        for role in persona.roles:
            unit = Unit.objects.get(pk=unit_ids[persona.role_unit]) if persona.role_unit else None
            role_assign(actor=actor, user=user, role=role, unit=unit)
    DemoAccount.objects.bulk_create(links)
    return len(named) + provisioned
