"""Work schedules on the Kukar-size demo (~19,000 employees, issue 14):

- ``schedule_resolve_kukar_ms``: the schedule of every active person for one day, from cold
  memory (the version's patterns and unit map read again): budget 500 ms;
- ``schedule_month_groups_kukar_ms``: everyone's working days of a month grouped by schedule
  (what the monthly recap, the TPP export and the dashboards build their grid from);
- ``schedule_checkin_lookup_us``: one person's schedules around a check-in (the hot path's
  one indexed query plus the attribution), per check-in, warm.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from datetime import time as clock_time

from bench.support import figure, measure, setup_django

LIMIT_MS = 500.0


def main() -> None:
    setup_django("worktime")
    from django.utils import timezone

    from fleksi.demo.services import demo_seed
    from fleksi.org.models import Employee
    from fleksi.worktime.domain.attribution import attribute
    from fleksi.worktime.selectors import (
        PersonKey,
        schedule_around,
        schedules_on,
        working_day_groups,
        worktime_forget,
    )

    demo_seed(size="kukar", seed=2026)
    today = timezone.localdate()
    day = today - timedelta(days=today.weekday())  # this week's Monday: a working day
    found: list[dict[int, object]] = []

    def resolve_day() -> float:
        worktime_forget()
        started = time.perf_counter()
        found.append(schedules_on(day))  # type: ignore[arg-type]
        return (time.perf_counter() - started) * 1000

    ms = measure("schedule_resolve_kukar_ms", "ms", resolve_day)
    everyone = found[-1]
    figure("schedule_resolve_kukar_people", len(everyone), "people")
    figure("schedule_resolve_kukar_working", sum(1 for s in everyone.values() if s), "people")

    ids = list(Employee.objects.filter(is_active=True).values_list("id", flat=True))
    first = day.replace(day=1)

    def month_groups() -> float:
        worktime_forget()
        started = time.perf_counter()
        working_day_groups(ids, first, first + timedelta(days=30))
        return (time.perf_counter() - started) * 1000

    measure("schedule_month_groups_kukar_ms", "ms", month_groups)

    keys = [
        PersonKey(pk, unit_id, path, asn)
        for pk, unit_id, path, asn in Employee.objects.filter(is_active=True)
        .order_by("id")
        .values_list("id", "unit_id", "unit__path", "asn_type")[:2000]
    ]
    at = datetime.combine(day, clock_time(7, 25))

    def lookup() -> float:
        started = time.perf_counter()
        for k in keys:
            attribute(at, "arrival", schedule_around(k, day).values())
        return (time.perf_counter() - started) * 1_000_000 / len(keys)

    lookup()  # the day's facts into memory, as a running server has them
    measure("schedule_checkin_lookup_us", "us", lookup)
    if ms > LIMIT_MS:
        print(f"# OVER BUDGET: resolving a day took {ms:.0f} ms (budget {LIMIT_MS:.0f} ms)")


if __name__ == "__main__":
    main()
