"""Who keeps the connectivity picture: the Diskominfo administrators, for "tell us when it
is wrong"."""

from __future__ import annotations

from dataclasses import dataclass

from fleksi.accounts.models import Role, RoleAssignment


@dataclass(frozen=True)
class Contact:
    name: str
    email: str
    unit: str


def readiness_contacts() -> list[Contact]:
    """The active accounts holding the Diskominfo administrator role, by name."""
    found: dict[int, Contact] = {}
    for assignment in (
        RoleAssignment.objects.current()
        .filter(role=Role.DISKOMINFO_ADMIN, user__is_active=True)
        .select_related("user", "user__employee", "user__employee__unit")
    ):
        user = assignment.user
        employee = user.employee
        email = (employee.email if employee is not None else "") or user.email
        unit = employee.unit.name if employee is not None else ""
        found[user.pk] = Contact(user.display_name, email, unit)
    return sorted(found.values(), key=lambda c: c.name)
