"""The roster problem of a unit subtree and a month, built from the database.

- **days**: the month's working days (holidays, cuti bersama and local overrides removed);
- **people**: the subtree's active employees;
- **allowed**: the days each may use WFA under the version in force that day (eligibility,
  place), see ``inputs.py``;
- **fixed**: approved and waiting request days → ``wfa``, absences → ``absent``, and every
  day that has started (today or before) → as it is (``onsite`` unless one of those);
- **weekly maximum** (the lowest of the versions in force in the month), WFA held in the
  ISO weeks crossing the month's edges, WFA days in the two months before (fairness);
- **groups and minimums**: every unit of the subtree with a minimum on site (its own
  ``UnitOverride.min_onsite_staff``, else ``min_onsite_public_service`` for a public-service
  unit) as ``unit:<id>``, and every role minimum as ``unit:<id>/role:<role>``;
- **daily quota**: the strictest share off site of the unit, the units above it with their
  own share, and the perangkat daerah (its own, else ``default_max_offsite_share``), applied
  to the people of the subtree present that day;
- **days without WFA** (``blackout_dates``), **weights** (``RosterWeights`` defaults, the
  price of an unrequested WFA day from ``roster_unrequested_wfa_price``), the **WFA days owed**
  (``roster_min_wfa_days_per_month``, the lowest of the month's versions),
  **preferences** (``RosterPreference``) and last month's weekly patterns (stability).

Quotas and minimums of the units *above* the subtree, and the rules only a request knows
(unreported outputs), are checked again when the roster is published.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from fleksi.common.domain.months import add_months, month_end
from fleksi.org.models import Employee, Unit
from fleksi.org.selectors import unit_ancestors
from fleksi.policy.domain.params import PolicyParams
from fleksi.policy.models import PolicyVersion, RoleMinimum
from fleksi.policy.selectors import params_of, unit_overrides, version_in_force, work_calendar
from fleksi.roster.domain import (
    ABSENT,
    ONSITE,
    GroupMinimum,
    Placement,
    RosterEmployee,
    RosterProblem,
    RosterWeights,
)
from fleksi.roster.models import PreferenceDay, Roster, RosterCell
from fleksi.roster.selectors import inputs

WINDOW_MONTHS = 2  # the rolling window of fairness before the month


@dataclass(frozen=True)
class BuiltProblem:
    problem: RosterProblem
    version: PolicyVersion | None  # in force on the first working day
    no_policy_days: tuple[date, ...]  # working days without a version in force


def _policy(
    unit: Unit, versions: set[PolicyVersion]
) -> tuple[dict[int, float], dict[int, dict[str, int]]]:
    """Per version: the share off site, and group → minimum on site."""
    chain = [*unit_ancestors(unit), unit]
    subtree = list(
        Unit.objects.filter(path__startswith=unit.path).values_list("id", "is_public_service")
    )
    shares: dict[int, float] = {}
    minimums: dict[int, dict[str, int]] = {}
    for version in versions:
        params = params_of(version)
        overrides = unit_overrides(version)
        own = [overrides.get(u.pk, (None, None))[0] for u in chain]
        root = own[0] if own[0] is not None else params.default_max_offsite_share
        shares[version.pk] = min([root, *(s for s in own if s is not None)])
        rows: dict[str, int] = {}
        for unit_id, public in subtree:
            minimum = overrides.get(unit_id, (None, None))[1]
            if minimum is None and public:
                minimum = params.min_onsite_public_service
            if minimum:
                rows[f"unit:{unit_id}"] = minimum
        for unit_id, role, minimum in RoleMinimum.objects.filter(
            version=version, unit_id__in=[u for u, _p in subtree]
        ).values_list("unit_id", "role", "min_onsite"):
            if minimum:
                rows[f"unit:{unit_id}/role:{role}"] = minimum
        minimums[version.pk] = rows
    return shares, minimums


def _preferences(
    staff: QuerySet[Employee, Any], month: date, days: set[date]
) -> tuple[dict[int, dict[date, str]], dict[int, dict[date, str]]]:
    wished: dict[int, dict[date, str]] = defaultdict(dict)
    unwanted: dict[int, dict[date, str]] = defaultdict(dict)
    for emp_id, day, kind, reason in PreferenceDay.objects.filter(
        preference__month=month, preference__employee__in=staff.values("pk")
    ).values_list("preference__employee_id", "day", "kind", "reason"):
        if day in days:
            (wished if kind == "wish" else unwanted)[emp_id][day] = reason
    return wished, unwanted


def _patterns(unit: Unit, month: date) -> dict[int, frozenset[int]]:
    """Last month's weekly patterns of the unit's published roster (stable month to month)."""
    previous = (
        Roster.objects.filter(
            unit=unit, month=add_months(month, -1), status=Roster.Status.PUBLISHED
        )
        .values_list("result", flat=True)
        .first()
    )
    found = (previous or {}).get("patterns", {}) if isinstance(previous, dict) else {}
    return {int(k): frozenset(v) for k, v in found.items()}


def _groups(path: str, role: str, groups: set[str]) -> frozenset[str]:
    units = [p for p in path.split(".") if p]
    mine = {f"unit:{u}" for u in units}
    if role:
        mine |= {f"unit:{u}/role:{role}" for u in units}
    return frozenset((mine & groups) | {f"unit:{units[-1]}"})


def replaced_requests(unit: Unit, month: date, today: date) -> QuerySet[Any, Any] | None:
    """Requests created by the unit's published roster of the month, which a newer roster
    replaces (only before the month starts: see ``roster_publish``)."""
    if today >= month:
        return None
    return RosterCell.objects.filter(
        roster__unit=unit,
        roster__month=month,
        roster__status=Roster.Status.PUBLISHED,
        request__isnull=False,
    ).values("request_id")


def roster_problem_build(
    unit: Unit, month: date, *, relax_shortfalls: bool = False, today: date | None = None
) -> BuiltProblem:
    today = today or timezone.localdate()
    last = month_end(month)
    days = tuple(work_calendar(month, last).working_days(month, last))
    versions = {d: version_in_force(d) for d in days}
    in_force = {v for v in versions.values() if v is not None}
    staff = Employee.objects.filter(unit__path__startswith=unit.path, is_active=True)
    rows = list(
        staff.order_by("unit__path", "name").values_list(
            "id", "unit__path", "position__service_role", "domicile_id"
        )
    )
    replaced = replaced_requests(unit, month, today)
    fixed = inputs.fixed_days(staff, set(days), exclude_requests=replaced)
    outside = inputs.wfa_outside(staff, month, last, exclude_requests=replaced)
    window_start = add_months(month, -WINDOW_MONTHS)
    prior = inputs.prior_wfa_days(staff, window_start, month - timedelta(days=1))
    places = inputs.usual_places((r[0], r[3]) for r in rows)
    allowed = inputs.allowed_days(staff, versions, places)
    shares, minimums = _policy(unit, in_force)
    wished, unwanted = _preferences(staff, month, set(days))
    patterns = _patterns(unit, month)
    all_groups = {g for rows_ in minimums.values() for g in rows_}

    employees = []
    for emp_id, path, role, _domicile in rows:
        mine: dict[date, Placement] = dict(fixed.get(emp_id, {}))
        for d in days:
            if d <= today:
                mine.setdefault(d, ONSITE)
        employees.append(
            RosterEmployee(
                id=emp_id,
                groups=_groups(path, role, all_groups),
                allowed=frozenset(allowed.get(emp_id, ())),
                fixed=mine,
                wfa_outside=outside.get(emp_id, {}),
                prior_wfa_days=prior.get(emp_id, 0),
                wished=wished.get(emp_id, {}),
                unwanted={
                    d: r
                    for d, r in unwanted.get(emp_id, {}).items()
                    if d not in wished.get(emp_id, {})
                },
                usual_weekdays=patterns.get(emp_id, frozenset()),
            )
        )

    main = versions[days[0]] if days else None
    main_share = shares[main.pk] if main is not None else 0.0
    present = {d: sum(e.fixed.get(d) != ABSENT for e in employees) for d in days}
    offsite_caps = {
        d: math.floor(shares[v.pk] * present[d] + 1e-9)
        for d, v in versions.items()
        if v is not None and shares[v.pk] != main_share
    }
    by_row: dict[tuple[str, int], set[date]] = defaultdict(set)
    for d, v in versions.items():
        if v is not None:
            for group, minimum in minimums[v.pk].items():
                by_row[(group, minimum)].add(d)
    params: dict[int, PolicyParams] = {v.pk: params_of(v) for v in in_force}
    problem = RosterProblem(
        days=days,
        employees=tuple(employees),
        weekly_cap=min((p.max_wfa_days_per_week for p in params.values()), default=0),
        max_offsite_share=main_share,
        offsite_caps=offsite_caps,
        blackout=frozenset(
            d for d, v in versions.items() if v is not None and d in params[v.pk].blackout_dates
        ),
        minimums=tuple(
            GroupMinimum(group, minimum, None if len(on) == len(days) else frozenset(on))
            for (group, minimum), on in sorted(by_row.items())
        ),
        weights=RosterWeights(
            unrequested=params[main.pk].roster_unrequested_wfa_price
            if main is not None
            else RosterWeights().unrequested
        ),
        relax_shortfalls=relax_shortfalls,
        # the lowest of the versions in force in the month (a minimum owed all month)
        min_wfa_days=min((p.roster_min_wfa_days_per_month for p in params.values()), default=0),
    )
    return BuiltProblem(
        problem=problem,
        version=main,
        no_policy_days=tuple(d for d, v in versions.items() if v is None),
    )
