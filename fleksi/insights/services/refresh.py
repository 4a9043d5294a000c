"""Rebuild the monthly rows of the dashboards from the records of the other apps.

For each month: collect the records per employee (``selectors.sources``: a fixed handful of
set-based statements — the presence recap's one statement, grouped counts of WFA days,
outputs, reports, verifications, ratings, suspensions — plus the eligibility rules and the
readiness picture evaluated once for the month), write one ``PersonMonth`` per employee, then
one ``UnitMonth`` per unit from a single grouped statement over those rows and the unit's
service figures. A month is replaced whole, in one transaction, so a dashboard never sees
half a month. The current month counts up to today.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone

from fleksi.common.domain.months import month_end, month_start
from fleksi.common.locks import transaction_lock
from fleksi.insights.domain.figures import PERSON_COUNTS, RATINGS, SERVICE_COUNTS
from fleksi.insights.models import MonthRefresh, PersonMonth, UnitMonth
from fleksi.insights.selectors import sources
from fleksi.org.models import Employee, Unit
from fleksi.presence.domain.recap import Totals
from fleksi.presence.selectors.recap import period_of

BATCH = 5000
ATTENDANCE = {
    "working_days": "working_days",
    "onsite_days": "onsite_days",
    "wfa_present_days": "wfa_days",
    "duty_days": "duty_days",
    "leave_days": "leave_days",
    "missing_days": "missing_days",
    "late_days": "late_days",
    "early_days": "early_days",
    "incomplete_days": "incomplete_days",
    "flagged_days": "flagged_days",
}


@dataclass(frozen=True)
class MonthReport:
    month: date
    people: int
    units: int
    seconds: float


def stats_refresh(*, months: Iterable[date], today: date | None = None) -> list[MonthReport]:
    """Recompute every given month (months after today are skipped). Idempotent."""
    today = today or timezone.localdate()
    done = []
    for month in sorted({month_start(m) for m in months}):
        if month <= today:
            done.append(_refresh_month(month, today))
    return done


def _refresh_month(month: date, today: date) -> MonthReport:
    started = time.perf_counter()
    period = period_of(month, today=today)
    end = min(month_end(month), today)
    people_qs = sources.month_people(month, period)
    people = {
        pk: (unit_id, position_id, domicile_id)
        for pk, unit_id, position_id, domicile_id in people_qs.values_list(
            "pk", "unit_id", "position_id", "domicile_id"
        )
    }
    presence = sources.attendance(people_qs, period)
    wfa = sources.wfa_days(month, end)
    outputs = sources.outputs(month, end, today=today)
    ratings = sources.ratings(month)
    suspended = sources.suspended(month)
    extra = (set(wfa) | set(outputs) | set(ratings) | suspended) - set(people)
    for pk, unit_id, position_id, domicile_id in Employee.objects.filter(
        pk__in=sorted(extra)
    ).values_list("pk", "unit_id", "position_id", "domicile_id"):
        people[pk] = (unit_id, position_id, domicile_id)
    version = sources.policy_for(end, today)
    eligible = sources.eligible(end, version)
    capable, ready = sources.readiness(
        {pk: (p, d) for pk, (_u, p, d) in people.items()}, end, version
    )
    rows = []
    for pk, (unit_id, _position, _domicile) in people.items():
        totals = presence.get(pk, Totals())
        o = outputs.get(pk, sources.OutputCounts())
        w: Counter[str] = wfa.get(pk, Counter())
        rows.append(
            PersonMonth(
                month=month,
                employee_id=pk,
                unit_id=unit_id,
                **{name: getattr(totals, src) for name, src in ATTENDANCE.items()},
                wfa_days=w.get(sources.APPROVED, 0),
                wfa_refused_days=w.get(sources.REFUSED, 0),
                wfa_rejected_days=w.get(sources.REJECTED, 0),
                outputs=o.outputs,
                outputs_full=o.outputs_full,
                achievement_sum=o.achievement_sum,
                reports=o.reports,
                reports_on_time=o.reports_on_time,
                quality_sum=o.quality_sum,
                quality_n=o.quality_n,
                unreported_days=o.unreported_days,
                awaiting=o.awaiting,
                overdue=o.overdue,
                eligible=pk in eligible,
                capable=pk in capable,
                ready_home=pk in ready,
                suspended=pk in suspended,
                predikat=ratings.get(pk, ""),
            )
        )
    service = sources.services(month, end, current=month == month_start(today))
    with transaction.atomic():
        # Two refreshes of one month at once (the nightly job and a report, two workers)
        # replace it one after the other, never interleaved.
        transaction_lock(f"insights.refresh:{month.isoformat()}")
        PersonMonth.objects.filter(month=month).delete()
        PersonMonth.objects.bulk_create(rows, batch_size=BATCH)
        units = _write_units(month, service)
        MonthRefresh.objects.update_or_create(
            month=month,
            defaults={
                "refreshed_at": timezone.now(),
                "seconds": round(time.perf_counter() - started, 3),
                "people": len(rows),
                "policy_version": version,
            },
        )
    return MonthReport(month, len(rows), units, time.perf_counter() - started)


def _person_sums() -> dict[str, object]:
    sums: dict[str, object] = {name: Sum(name) for name in PERSON_COUNTS}
    sums["achievement_sum"] = Sum("achievement_sum")
    sums["headcount"] = Count("id")
    for flag in ("eligible", "capable", "ready_home", "suspended"):
        sums[flag] = Count("id", filter=Q(**{flag: True}))
    sums["wfa_users"] = Count("id", filter=Q(wfa_days__gt=0))
    sums["rated"] = Count("id", filter=~Q(predikat=""))
    for rating in RATINGS:
        sums[f"rating_{rating}"] = Count("id", filter=Q(predikat=rating))
    return sums


def _write_units(month: date, service: dict[int, sources.ServiceCounts]) -> int:
    """One row per unit with people or service figures: a grouped statement over the month's
    person rows, and the service counts."""
    sums = _person_sums()
    grouped = (
        PersonMonth.objects.filter(month=month)
        .values("unit_id")
        .annotate(**{f"s_{name}": agg for name, agg in sums.items()})
        .order_by()
    )
    by_unit: dict[int, dict[str, Any]] = {}
    for row in grouped:
        values: dict[str, Any] = dict(row)
        by_unit[values["unit_id"]] = {name: values[f"s_{name}"] for name in sums}
    ids = set(by_unit) | set(service)
    places = {
        pk: (root_id or pk, kec_id or root_kec_id)
        for pk, root_id, kec_id, root_kec_id in Unit.objects.filter(pk__in=sorted(ids)).values_list(
            "pk", "root_id", "kecamatan_id", "root__kecamatan_id"
        )
    }
    rows = []
    for unit_id in sorted(ids):
        if unit_id not in places:
            continue
        root_id, kecamatan_id = places[unit_id]
        values = {k: v or 0 for k, v in by_unit.get(unit_id, {}).items()}
        counts = service.get(unit_id)
        if counts is not None:
            values.update({name: getattr(counts, name) for name in SERVICE_COUNTS})
            values["svc_waiting_sum"] = counts.svc_waiting_sum
            values["ikm_weighted"] = counts.ikm_weighted
        rows.append(
            UnitMonth(
                month=month, unit_id=unit_id, root_id=root_id, kecamatan_id=kecamatan_id, **values
            )
        )
    UnitMonth.objects.filter(month=month).delete()
    UnitMonth.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)
