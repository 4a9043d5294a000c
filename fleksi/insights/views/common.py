"""Helpers of the pages: the user, the month asked for, the links a user may follow."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.http import HttpRequest
from django.utils import timezone

from fleksi.accounts.domain.access import Perm
from fleksi.accounts.models import User
from fleksi.accounts.permissions import scope_for
from fleksi.common.domain.months import add_months, month_key, month_start, parse_month
from fleksi.insights.permissions import sees_people_lists
from fleksi.places.permissions import may_view_readiness
from fleksi.servicelevel.permissions import may_use as may_use_service_levels

EARLIEST = date(2000, 1, 1)


def month_of(request: HttpRequest) -> date:
    """The month asked for (``?month=YYYY-MM``), never after this month; else this month."""
    this = month_start(timezone.localdate())
    asked = parse_month(request.GET.get("month"))
    return min(max(asked, EARLIEST), this) if asked else this


@dataclass(frozen=True)
class Nav:
    key: str
    previous: str
    next: str


def nav_of(month: date) -> Nav:
    this = month_start(timezone.localdate())
    nxt = add_months(month, 1)
    return Nav(
        month_key(month), month_key(add_months(month, -1)), month_key(nxt) if nxt <= this else ""
    )


@dataclass(frozen=True)
class Links:
    """Which pages behind the figures the user may open (a figure is a link only then)."""

    people: bool  # recap, outputs, board of the units in view
    eligibility: bool
    places: bool
    service: bool
    audit: bool
    regency: bool


def links_for(user: User) -> Links:
    scope = scope_for(user)
    people = sees_people_lists(user)
    return Links(
        people=people,
        eligibility=people,
        places=may_view_readiness(user),
        service=may_use_service_levels(user),
        audit=scope.has(Perm.AUDIT_VIEW),
        regency=scope.has(Perm.REGENCY_VIEW),
    )
