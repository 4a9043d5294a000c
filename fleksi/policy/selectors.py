"""Reads of the policy: the version in force on a date, its parameters, the calendar."""

from __future__ import annotations

import copy
import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from django.db import connection
from django.db.models import Q, QuerySet

from fleksi.org.models import Unit
from fleksi.policy.domain.calendar import WorkCalendar, national_holidays
from fleksi.policy.domain.params import PolicyParams, parse_params
from fleksi.policy.models import (
    CalendarOverride,
    NationalWfaWindow,
    PolicyGeneration,
    PolicyVersion,
    RamadanPeriod,
    RoleMinimum,
)

# What depends only on the policy tables is cached per process under the generation token
# the database changes whenever one of them changes (migration policy/0003): a reader pays
# one indexed read of the token instead of the queries behind the answer.
_CACHE_SIZE = 512
_cache: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
_cache_lock = threading.Lock()
_UNSET: Any = object()
_snapshot: ContextVar[Any] = ContextVar("policy_snapshot", default=_UNSET)


def policy_generation() -> int | None:
    """The current generation token (``None`` when the token row is missing, e.g. after a
    ``flush``: nothing is cached then)."""
    token = _snapshot.get()
    if token is not _UNSET:
        return token
    # A plain statement: this read precedes every cached policy answer (check-ins included),
    # so the ORM's compiling of it would cost more than the query.
    with connection.cursor() as cursor:
        cursor.execute(_GENERATION_SQL)
        row = cursor.fetchone()
    return row[0] if row else None


_GENERATION_READ = "SELECT token FROM {table} ORDER BY id LIMIT 1"
_GENERATION_SQL = _GENERATION_READ.format(table=PolicyGeneration._meta.db_table)


@contextmanager
def policy_snapshot() -> Iterator[None]:
    """Read the generation token once for a block of read-only policy look-ups (e.g. the
    check of one request). Must not enclose a change to the policy."""
    if _snapshot.get() is not _UNSET:
        yield
        return
    reset = _snapshot.set(policy_generation())
    try:
        yield
    finally:
        _snapshot.reset(reset)


def on_policy[T](key: tuple[Any, ...], load: Callable[[], T]) -> T:
    """``load()``, cached under the current policy generation."""
    token = policy_generation()
    if token is None:
        return load()
    full = (connection.alias, connection.settings_dict.get("NAME"), token, *key)
    with _cache_lock:
        if full in _cache:
            _cache.move_to_end(full)
            return _cache[full]
    value = load()
    with _cache_lock:
        _cache[full] = value
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return value


def clear_policy_cache() -> None:
    with _cache_lock:
        _cache.clear()


def version_in_force(day: date) -> PolicyVersion | None:
    """The promulgated (or since superseded) version whose period covers ``day`` (a copy the
    caller may change); ``None`` when none is, or a revocation is."""
    found = on_policy(("version_in_force", day), lambda: _version_in_force(day))
    return copy.copy(found) if found is not None else None


def _version_in_force(day: date) -> PolicyVersion | None:
    # A promulgated revocation covers its period too: on those days no version is in force.
    found = (
        PolicyVersion.objects.exclude(status=PolicyVersion.Status.DRAFT)
        .filter(effective_from__lte=day)
        .filter(Q(effective_to__isnull=True) | Q(effective_to__gte=day))
        .order_by("-effective_from")
        .first()
    )
    return None if found is None or found.is_revocation else found


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
    if version.pk is None:
        return {}
    return dict(on_policy(("unit_overrides", version.pk), lambda: _unit_overrides(version)))


def _unit_overrides(version: PolicyVersion) -> dict[int, tuple[float | None, int | None]]:
    return {
        unit_id: (float(share) if share is not None else None, minimum)
        for unit_id, share, minimum in version.unit_overrides.values_list(
            "unit_id", "max_offsite_share", "min_onsite_staff"
        )
    }


def role_minimums(version: PolicyVersion) -> dict[tuple[int, str], int]:
    """The minimum on site per (unit id, service role) of a version."""
    if version.pk is None:
        return {}
    return dict(
        on_policy(
            ("role_minimums", version.pk),
            lambda: {
                (unit_id, role): minimum
                for unit_id, role, minimum in RoleMinimum.objects.filter(
                    version=version
                ).values_list("unit_id", "role", "min_onsite")
            },
        )
    )


def work_calendar(start: date, end: date) -> WorkCalendar:
    """The working calendar between two dates: national holidays, local overrides,
    Ramadan periods and the accepted national WFA windows."""
    return on_policy(("work_calendar", start, end), lambda: _work_calendar(start, end))


def _work_calendar(start: date, end: date) -> WorkCalendar:
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
        holidays=MappingProxyType(holidays),
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
