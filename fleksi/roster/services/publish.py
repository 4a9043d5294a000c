"""Publishing a roster: its WFA days become approved WFA days through the schedule's own
services (same rules, locks, audit and notices as a request).

Decisions (see ``docs/roster.md``):

- one published roster per unit and month (a database constraint), and none overlapping it:
  a roster of a unit above or below that is published for the same month blocks;
- a newer roster of the same unit and month replaces the published one only **before the
  month starts**: its requests are taken back and the old roster is ``superseded``. Once the
  month has started, the published roster is changed cell by cell (from tomorrow on);
- days up to today are never created (a day that has started is a fact);
- all or nothing: if any day fails the request rules now, nothing is published and the
  refusal lists every employee, day and rule.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from fleksi.common.domain.months import month_end
from fleksi.common.errors import Conflict, NotAllowed
from fleksi.roster.models import Roster, RosterCell
from fleksi.roster.permissions import may_manage
from fleksi.roster.services.common import audit_roster, roster_label
from fleksi.roster.services.granting import grant, withdraw


def _overlapping(roster: Roster) -> Roster | None:
    """A published roster of the month for a unit above or below this one."""
    path = roster.unit.path
    ancestors = [p for p in path.split(".") if p]
    prefixes = [".".join(ancestors[: k + 1]) + "." for k in range(len(ancestors))]
    return (
        Roster.objects.filter(month=roster.month, status=Roster.Status.PUBLISHED)
        .exclude(unit=roster.unit)
        .filter(Q(unit__path__in=prefixes) | Q(unit__path__startswith=path))
        .select_related("unit")
        .first()
    )


def roster_publish(*, actor: Any, roster: Roster) -> Roster:
    if not may_manage(actor, roster.unit):
        raise NotAllowed("not_planner", _("Only the head of the unit can publish its roster."))
    today = timezone.localdate()
    now = timezone.now()
    with transaction.atomic():
        roster = (
            Roster.objects.select_for_update(of=("self",)).select_related("unit").get(pk=roster.pk)
        )
        if roster.status != Roster.Status.PROPOSED:
            raise Conflict("roster_not_proposed", _("Only a proposed roster can be published."))
        if month_end(roster.month) <= today:
            raise Conflict("month_over", _("This month is over."))
        current = (
            Roster.objects.select_for_update()
            .filter(unit=roster.unit, month=roster.month, status=Roster.Status.PUBLISHED)
            .first()
        )
        if current is not None and today >= roster.month:
            raise Conflict(
                "month_started",
                _(
                    "The roster of this month is already published and the month has started: "
                    "change the published roster's cells instead."
                ),
            )
        other = _overlapping(roster)
        if other is not None:
            raise Conflict(
                "roster_overlap",
                _("The published roster of %(unit)s already plans these people for the month.")
                % {"unit": other.unit.name},
            )
        taken = 0
        if current is not None:
            taken = withdraw(actor, current, None, _("Replaced by a newer roster."))
            current.status = Roster.Status.SUPERSEDED
            current.save(update_fields=["status"])
        Roster.objects.filter(
            unit=roster.unit,
            month=roster.month,
            status__in=[Roster.Status.PROPOSED, Roster.Status.INFEASIBLE, Roster.Status.FAILED],
        ).exclude(pk=roster.pk).update(status=Roster.Status.SUPERSEDED)
        roster.status = Roster.Status.PUBLISHED
        roster.published_by = actor
        roster.published_at = now
        roster.save(update_fields=["status", "published_by", "published_at"])
        plans: dict[int, list[date]] = defaultdict(list)
        for emp_id, day in RosterCell.objects.filter(
            roster=roster, placement=RosterCell.Placement.WFA, fixed=False, day__gt=today
        ).values_list("employee_id", "day"):
            plans[emp_id].append(day)
        created = grant(actor, roster, plans)
        audit_roster(
            actor,
            roster.unit,
            "publish",
            roster.pk,
            roster_label(roster),
            after={
                "people": len(created),
                "wfa_days": sum(len(d) for d in plans.values()),
                "requests": sorted(r.pk for r in created.values()),
                "superseded": current.pk if current is not None else None,
                "days_taken_back": taken,
            },
        )
    return roster
