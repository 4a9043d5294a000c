"""A published roster's placement of an employee on a day: the fact ``roster_placement`` of
the request rules (rule ``published_roster``), registered from ``RosterConfig.ready()``."""

from __future__ import annotations

from datetime import date

from fleksi.org.models import Employee
from fleksi.roster.models import Roster, RosterCell


def published_placement(employee: Employee, day: date) -> str | None:
    """``"wfa"`` or ``"onsite"`` in the latest published roster of a unit containing the
    employee (their unit or one above it); None when no published roster plans that day
    (or plans the employee absent). One indexed query."""
    rows = (
        RosterCell.objects.filter(
            employee_id=employee.pk, day=day, roster__status=Roster.Status.PUBLISHED
        )
        .order_by("-roster__published_at")
        .values_list("placement", "roster__unit__path")
    )
    path = employee.unit.path
    for placement, unit_path in rows:
        if path.startswith(unit_path):
            return placement if placement in ("wfa", "onsite") else None
    return None
