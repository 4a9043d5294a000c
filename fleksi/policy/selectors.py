"""Reads of the policy: the version in force on a date, its parameters, the calendar."""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache

from django.db.models import Q, QuerySet

from fleksi.org.models import Unit
from fleksi.policy.domain.calendar import WorkCalendar, national_holidays
from fleksi.policy.domain.params import PolicyParams, parse_params
from fleksi.policy.models import (
    CalendarOverride,
    NationalWfaWindow,
    PolicyVersion,
    RamadanPeriod,
    RoleMinimum,
)


def version_in_force(day: date) -> PolicyVersion | None:
    """The published (or since superseded) version whose period covers ``day``."""
    return (
        PolicyVersion.objects.exclude(status=PolicyVersion.Status.DRAFT)
        .filter(effective_from__lte=day)
        .filter(Q(effective_to__isnull=True) | Q(effective_to__gte=day))
        .order_by("-effective_from")
        .first()
    )


def version_list() -> QuerySet[PolicyVersion]:
    return PolicyVersion.objects.select_related("author", "approver").order_by(
        "-effective_from", "-id"
    )


def params_of(version: PolicyVersion) -> PolicyParams:
    """The typed parameters of a stored version (its JSON was validated when saved)."""
    return _parse_cached(json.dumps(version.params, sort_keys=True))


@lru_cache(maxsize=64)
def _parse_cached(frozen: str) -> PolicyParams:
    parsed = parse_params(json.loads(frozen))
    if isinstance(parsed, list):
        raise ValueError(f"stored policy parameters are invalid: {parsed}")
    return parsed


def unit_overrides(version: PolicyVersion) -> dict[int, tuple[float | None, int | None]]:
    """Per-unit values of a version: unit id → (max share off-site, minimum on site)."""
    return {
        unit_id: (float(share) if share is not None else None, minimum)
        for unit_id, share, minimum in version.unit_overrides.values_list(
            "unit_id", "max_offsite_share", "min_onsite_staff"
        )
    }


def work_calendar(start: date, end: date) -> WorkCalendar:
    """The working calendar between two dates: national holidays, local overrides,
    Ramadan periods and the accepted national WFA windows."""
    holidays = {
        d: n
        for d, n in national_holidays(range(start.year, end.year + 1)).items()
        if start <= d <= end
    }
    extra_working: set[date] = set()
    for day, kind, name in CalendarOverride.objects.filter(
        day__gte=start, day__lte=end
    ).values_list("day", "kind", "name"):
        if kind == CalendarOverride.Kind.HOLIDAY:
            holidays[day] = name
        else:
            holidays.pop(day, None)
            extra_working.add(day)
    ramadan = tuple(
        RamadanPeriod.objects.filter(start__lte=end, end__gte=start).values_list("start", "end")
    )
    windows = tuple(
        NationalWfaWindow.objects.filter(
            decision=NationalWfaWindow.Decision.ACCEPTED, start__lte=end, end__gte=start
        ).values_list("start", "end", "name")
    )
    return WorkCalendar(
        holidays=holidays,
        extra_working_days=frozenset(extra_working),
        ramadan=ramadan,
        accepted_wfa_windows=windows,
    )


def versions_visible(*, drafts: bool) -> QuerySet[PolicyVersion]:
    qs = version_list()
    return qs if drafts else qs.exclude(status=PolicyVersion.Status.DRAFT)


def overrides_diff(
    a: PolicyVersion, b: PolicyVersion
) -> list[
    tuple[str, tuple[float | None, int | None] | None, tuple[float | None, int | None] | None]
]:
    """Units whose own values differ between two versions: (unit name, in a, in b)."""
    oa, ob = unit_overrides(a), unit_overrides(b)
    ids = sorted(set(oa) | set(ob))
    names = dict(Unit.objects.filter(pk__in=ids).values_list("id", "name"))
    return [(names.get(i, str(i)), oa.get(i), ob.get(i)) for i in ids if oa.get(i) != ob.get(i)]


def role_minimums_diff(
    a: PolicyVersion, b: PolicyVersion
) -> list[tuple[str, int | None, int | None]]:
    """Role minimums that differ between two versions: ("unit · role", in a, in b)."""

    def of(v: PolicyVersion) -> dict[tuple[int, str], int]:
        return {
            (unit_id, role): minimum
            for unit_id, role, minimum in RoleMinimum.objects.filter(version=v).values_list(
                "unit_id", "role", "min_onsite"
            )
        }

    ra, rb = of(a), of(b)
    keys = sorted(set(ra) | set(rb))
    names = dict(Unit.objects.filter(pk__in={k[0] for k in keys}).values_list("id", "name"))
    return [
        (f"{names.get(u, str(u))} · {role}", ra.get((u, role)), rb.get((u, role)))
        for u, role in keys
        if ra.get((u, role)) != rb.get((u, role))
    ]
