"""The people-side inputs of a roster problem, read set-based for a whole unit subtree: what
is already decided (requests, absences), WFA days held around the month and in the rolling
window, where each person would work from, and on which days each may use WFA.

Every function takes the subtree's active employees as a query set and makes a fixed number
of queries, whatever the number of people (eligibility: a handful per working day).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from datetime import date, timedelta
from typing import Any

from django.db.models import Count, QuerySet
from django.utils import timezone

from fleksi.eligibility.selectors import facts_for
from fleksi.org.models import Employee
from fleksi.places.selectors.readiness import desa_rows, rules_on
from fleksi.policy.domain.eligibility import ELIGIBILITY_RULES
from fleksi.policy.domain.engine import Outcome, evaluate
from fleksi.policy.domain.location import LocationFacts, location_connectivity
from fleksi.policy.models import PolicyVersion
from fleksi.policy.selectors import params_of
from fleksi.roster.domain import ABSENT, WFA, Placement
from fleksi.schedule.models import Absence, RequestDay, WfaPlace

# Days that count as WFA already decided: approved ones, and waiting ones (the roster keeps
# room for them; the approver still decides).
HELD_STATUSES = ("approved", "pending")


def fixed_days(
    staff: QuerySet[Employee, Any],
    days: Collection[date],
    *,
    exclude_requests: QuerySet[Any, Any] | None = None,
) -> dict[int, dict[date, Placement]]:
    """Employee id → day → ``absent`` (leave, sick, travel) or ``wfa`` (a request day held)."""
    if not days:
        return {}
    first, last = min(days), max(days)
    out: dict[int, dict[date, Placement]] = defaultdict(dict)
    held = RequestDay.objects.filter(
        employee__in=staff.values("pk"), day__gte=first, day__lte=last, status__in=HELD_STATUSES
    )
    if exclude_requests is not None:
        held = held.exclude(request_id__in=exclude_requests)
    for emp_id, day in held.values_list("employee_id", "day"):
        if day in days:
            out[emp_id][day] = WFA
    for emp_id, start, end in Absence.objects.filter(
        employee__in=staff.values("pk"), start__lte=last, end__gte=first
    ).values_list("employee_id", "start", "end"):
        for day in days:
            if start <= day <= end:
                out[emp_id][day] = ABSENT
    return out


def wfa_outside(
    staff: QuerySet[Employee, Any],
    first: date,
    last: date,
    *,
    exclude_requests: QuerySet[Any, Any] | None = None,
) -> dict[int, dict[tuple[int, int], int]]:
    """WFA days held in the ISO weeks that cross the month's first and last day, outside the
    month (the weekly maximum holds across the boundary)."""
    before = (first - timedelta(days=first.weekday()), first - timedelta(days=1))
    after = (last + timedelta(days=1), last + timedelta(days=6 - last.weekday()))
    out: dict[int, dict[tuple[int, int], int]] = defaultdict(lambda: defaultdict(int))
    for lo, hi in (before, after):
        if lo > hi:
            continue
        qs = RequestDay.objects.filter(
            employee__in=staff.values("pk"), day__gte=lo, day__lte=hi, status__in=HELD_STATUSES
        )
        if exclude_requests is not None:
            qs = qs.exclude(request_id__in=exclude_requests)
        for emp_id, day in qs.values_list("employee_id", "day"):
            year, week, _ = day.isocalendar()
            out[emp_id][(year, week)] += 1
    return out


def prior_wfa_days(staff: QuerySet[Employee, Any], start: date, end: date) -> dict[int, int]:
    """Approved WFA days per employee between ``start`` and ``end`` (the rolling window)."""
    return dict(
        RequestDay.objects.filter(
            employee__in=staff.values("pk"), day__gte=start, day__lte=end, status="approved"
        )
        .values("employee_id")
        .annotate(n=Count("pk"))
        .values_list("employee_id", "n")
    )


def usual_places(rows: Iterable[tuple[int, int | None]]) -> dict[int, tuple[str, int]]:
    """Employee id → (location type, desa) of the place a roster day is worked from: home
    (the recorded domicile), else the place approved most recently; absent: neither."""
    out: dict[int, tuple[str, int]] = {}
    without: list[int] = []
    for emp_id, domicile_id in rows:
        if domicile_id is not None:
            out[emp_id] = ("home", domicile_id)
        else:
            without.append(emp_id)
    if without:
        for emp_id, desa_id in (
            WfaPlace.objects.filter(employee_id__in=without, status=WfaPlace.Status.APPROVED)
            .order_by("employee_id", "-decided_at", "-pk")
            .values_list("employee_id", "desa_id")
        ):
            out.setdefault(emp_id, ("approved_place", desa_id))
    return out


def place_passes(places: Mapping[int, tuple[str, int]], version: PolicyVersion) -> frozenset[int]:
    """Employees whose place passes the version's place rules: an allowed kind of place, and
    a connectivity not refused (mode "refuse" below the minimum). Readiness as known today."""
    params = params_of(version)
    rows = desa_rows(
        rules_on(timezone.localdate(), params),
        desa_ids={desa for _kind, desa in places.values()},
        medians=False,
    )
    by_desa = {r.id: r for r in rows}
    passing = set()
    for emp_id, (kind, desa_id) in places.items():
        if kind not in params.allowed_location_types:
            continue
        row = by_desa.get(desa_id)
        facts = (
            LocationFacts(kind, row.code, row.readiness.level, row.readiness.ready)
            if row is not None
            else LocationFacts(kind, None, None, None)
        )
        if location_connectivity(facts, params).outcome != Outcome.FAIL:
            passing.add(emp_id)
    return frozenset(passing)


def allowed_days(
    staff: QuerySet[Employee, Any],
    versions: Mapping[date, PolicyVersion | None],
    places: Mapping[int, tuple[str, int]],
) -> dict[int, set[date]]:
    """Employee id → the days on which WFA may be rostered: a policy in force, eligible under
    it (set-based eligibility facts, one pass per day) and a place that passes."""
    out: dict[int, set[date]] = defaultdict(set)
    passing: dict[int, frozenset[int]] = {}
    for day, version in sorted(versions.items()):
        if version is None:
            continue
        if version.pk not in passing:
            passing[version.pk] = place_passes(places, version)
        ok_place = passing[version.pk]
        params = params_of(version)
        for facts, _where in facts_for(staff, day=day, params=params):
            if facts.employee_id not in ok_place:
                continue
            if evaluate(ELIGIBILITY_RULES, facts, params).allowed:
                out[facts.employee_id].add(day)
    return out
