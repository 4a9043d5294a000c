"""Sums of the monthly rows: the figures of any set of unit-months, in one grouped statement."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet, Sum

from fleksi.insights.domain.figures import COUNTS, SUMS, Figures
from fleksi.insights.models import UnitMonth

FIELDS = COUNTS + SUMS


def _sums() -> dict[str, Any]:
    return {name: Sum(name) for name in FIELDS}


def unit_months(scope: Q, months: Iterable[date]) -> QuerySet[UnitMonth]:
    return UnitMonth.objects.filter(scope, month__in=sorted(set(months)))


def total(scope: Q, months: Iterable[date]) -> Figures:
    return Figures.of(unit_months(scope, months).aggregate(**_sums()))


def by_month(scope: Q, months: Iterable[date]) -> dict[date, Figures]:
    rows = unit_months(scope, months).values("month").annotate(**_sums()).order_by("month")
    return {row["month"]: Figures.of(dict(row)) for row in rows}


def by_field(scope: Q, months: Iterable[date], field: str) -> dict[Any, Figures]:
    """Figures of the months grouped by a column (``root_id``, ``kecamatan_id``, ...)."""
    rows = unit_months(scope, months).values(field).annotate(**_sums()).order_by()
    return {row[field]: Figures.of(row) for row in rows}


def months_stored(scope: Q, up_to: date) -> list[date]:
    return list(
        UnitMonth.objects.filter(scope, month__lte=up_to)
        .order_by("month")
        .values_list("month", flat=True)
        .distinct()
    )


def subtree(path: str) -> Q:
    return Q(unit__path__startswith=path)
