"""Turning roster cells into WFA requests and back, through the schedule's services.

Every employee's WFA days become one approved request made in the roster's name — except the
publisher's own days: nobody approves their own WFA, so those are submitted as an ordinary
request to the publisher's own approver.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from fleksi.common.errors import Conflict, ServiceError
from fleksi.org.models import Employee
from fleksi.roster.models import Roster, RosterCell
from fleksi.schedule.models import WfaRequest
from fleksi.schedule.services import (
    request_days_withdraw_from_roster,
    request_submit,
    requests_create_approved_from_roster,
)
from fleksi.schedule.services.roster import roster_plan


def roster_reason(roster: Roster) -> str:
    """The reason recorded on the roster's requests (in the regency's language)."""
    with translation.override(settings.LANGUAGE_CODE):
        return _("Published roster of %(unit)s for %(month)s (%(ref)s)") % {
            "unit": roster.unit.name,
            "month": f"{roster.month:%m/%Y}",
            "ref": roster.ref,
        }


def grant(actor: Any, roster: Roster, plans: Mapping[int, Sequence[date]]) -> dict[int, WfaRequest]:
    """Requests for the roster's WFA days (employee id → days), linked from the cells."""
    if not plans:
        return {}
    people = Employee.objects.select_related("unit", "position", "domicile").in_bulk(list(plans))
    own = getattr(actor, "employee_id", None)
    reason = roster_reason(roster)
    others = [(people[e], list(days)) for e, days in sorted(plans.items()) if e != own]
    created = requests_create_approved_from_roster(
        actor=actor, plans=others, roster_ref=roster.ref, label=reason
    )
    if own is not None and own in plans:
        days = sorted(plans[own])
        try:
            created[own] = request_submit(
                actor=actor,
                employee=people[own],
                days=days,
                reason=reason,
                plan=[roster_plan(days)],
            )
        except ServiceError as exc:
            raise Conflict(
                "own_days",
                _("Your own WFA days could not be asked for: %(why)s") % {"why": exc.message},
                refusals=[
                    {
                        "employee_id": own,
                        "employee": people[own].name,
                        "day": "",
                        "rules": [exc.code],
                        "reasons": [exc.message],
                    }
                ],
            ) from exc
    for emp_id, request in created.items():
        RosterCell.objects.filter(roster=roster, employee_id=emp_id, day__in=plans[emp_id]).update(
            request=request
        )
    return created


def withdraw(
    actor: Any, roster: Roster, days: Mapping[int, Sequence[date]] | None, why: str
) -> int:
    """Take back the future days of the roster's requests (all of them, or those given per
    employee). Returns the number of days taken back."""
    cells = RosterCell.objects.filter(roster=roster, request__isnull=False)
    by_request: dict[int, list[date]] = defaultdict(list)
    requests: dict[int, WfaRequest] = {}
    for cell in cells.select_related("request"):
        if days is not None and cell.day not in days.get(cell.employee_id, ()):
            continue
        assert cell.request is not None
        requests[cell.request.pk] = cell.request
        by_request[cell.request.pk].append(cell.day)
    taken = 0
    for request_id, found in sorted(by_request.items()):
        taken += len(
            request_days_withdraw_from_roster(
                actor=actor,
                request=requests[request_id],
                days=found,
                roster_ref=roster.ref,
                reason=why,
            )
        )
    return taken
