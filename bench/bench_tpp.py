"""The regional allowance (TPP) and the office readers' import on the Kukar-size demo, on
PostgreSQL (issue 20).

- ``tpp_month_kukar_s``: last month's TPP of every employee (~19,000) with its trace
  (``fleksi.tpp.selectors.month_results``: the recap's incidents, unreported WFA days,
  missing daily reports, penalties, predikats, then the computation). Budget: 30 s.
- ``reader_import_100k_rows_s``: a reader's attendance log of 100,000 punches (5,000 people
  × 10 working days × arrival and departure, ZKTeco ``attlog`` layout, user ids mapped on
  the reader) imported whole: read, mapped, deduplicated, judged by each person's schedule
  and written (``attendance_file_import``). Each run starts without those check-ins.
  Budget: 30 s.
- ``reader_reimport_100k_rows_s``: the same file again (every punch already there: nothing
  written).

The demo is seeded with one month of history (``BENCH_TPP_MONTHS``); the punches fall in a
month before it, so none meets a check-in of the history. Without PostgreSQL it runs on
SQLite and says so. ``BENCH_TPP_REUSE=1`` with ``BENCH_DATABASE_URL`` pointing at a database
this benchmark seeded before skips the seeding.
"""

from __future__ import annotations

import os
import random
import time
from datetime import datetime, timedelta

from bench.support import figure, measure, setup_django

HISTORY_MONTHS = int(os.environ.get("BENCH_TPP_MONTHS", "1"))
ROWS = 100_000
DAYS = 10
DEVICE = "BENCH-SN-0001"
BUDGET_S = 30.0


def attlog(people: list[int], days: list) -> bytes:
    """A reader's log: ``user id <TAB> date time <TAB> verify <TAB> state <TAB> 0 <TAB> 0``."""
    rng = random.Random(2026)
    lines = []
    for i, _employee in enumerate(people):
        for d in days:
            base = datetime.combine(d, datetime.min.time())
            arrival = base + timedelta(
                hours=7, minutes=rng.randint(0, 55), seconds=rng.randint(0, 59)
            )
            departure = base + timedelta(
                hours=15, minutes=rng.randint(30, 95), seconds=rng.randint(0, 59)
            )
            lines.append(f"{1000 + i}\t{arrival:%Y-%m-%d %H:%M:%S}\t1\t0\t0\t0")
            lines.append(f"{1000 + i}\t{departure:%Y-%m-%d %H:%M:%S}\t1\t1\t0\t0")
    return ("\n".join(lines) + "\n").encode()


def main() -> int:
    reuse = bool(os.environ.get("BENCH_TPP_REUSE")) and bool(os.environ.get("BENCH_DATABASE_URL"))
    setup_django("tpp", fresh=not reuse, postgres=True)
    from django.db import connection
    from django.test.utils import override_settings
    from django.utils import timezone

    from fleksi.common.domain.months import month_start
    from fleksi.demo.services.history import demo_seed_with_history
    from fleksi.org.models import Employee, Unit
    from fleksi.policy.selectors import work_calendar
    from fleksi.presence.models import Checkin, ReaderUser
    from fleksi.presence.selectors.recap import people_of_units, period_of
    from fleksi.presence.services.readers import attendance_file_import
    from fleksi.tpp.selectors import month_results

    if connection.vendor != "postgresql":
        print("# PostgreSQL not available: measured on SQLite (the figures are not comparable)")
    if not reuse:
        started = time.perf_counter()
        with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
            demo_seed_with_history(size="kukar", seed=2026, history=HISTORY_MONTHS)
        print(f"# seeded in {time.perf_counter() - started:.1f} s", flush=True)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    today = timezone.localdate()
    last_month = month_start(month_start(today) - timedelta(days=1))
    period = period_of(last_month)
    roots = list(Unit.objects.filter(parent__isnull=True).values_list("path", flat=True))
    sizes: list[int] = []

    def tpp_month() -> float:
        started = time.perf_counter()
        results = month_results(people_of_units(roots, period), period)
        sizes.append(len(results))
        return time.perf_counter() - started

    seconds = measure("tpp_month_kukar_s", "s", tpp_month)
    figure("tpp_month_kukar_employees", sizes[-1], "rows")
    if seconds > BUDGET_S:
        print(f"# OVER BUDGET: the month took {seconds:.2f} s (budget {BUDGET_S} s)")

    # A month before the history: no check-in of the demo on those days.
    first = month_start(
        month_start(last_month - timedelta(days=HISTORY_MONTHS * 31)) - timedelta(days=1)
    )
    days = list(
        work_calendar(first, first + timedelta(days=27)).working_days(
            first, first + timedelta(days=27)
        )
    )[:DAYS]
    assert not Checkin.objects.filter(day__in=days).exists(), "the punches' days hold check-ins"
    people = list(
        Employee.objects.filter(is_active=True)
        .order_by("id")
        .values_list("id", flat=True)[: ROWS // (2 * DAYS)]
    )
    ReaderUser.objects.filter(device=DEVICE).delete()
    ReaderUser.objects.bulk_create(
        [
            ReaderUser(device=DEVICE, user_id=str(1000 + i), employee_id=e)
            for i, e in enumerate(people)
        ]
    )
    data = attlog(people, days)
    print(f"# reader log: {ROWS} punches, {len(data) / 1e6:.1f} MB, days {days[0]}..{days[-1]}")

    def clear() -> None:
        Checkin.objects.filter(source=Checkin.Source.READER, day__in=days).delete()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE presence_checkin")

    def import_once() -> float:
        clear()
        started = time.perf_counter()
        report = attendance_file_import(actor=None, name="attlog.dat", data=data, device=DEVICE)
        took = time.perf_counter() - started
        assert report.applied, report.problems[:3]
        assert report.created == ROWS, report.created
        return took

    def reimport() -> float:
        started = time.perf_counter()
        report = attendance_file_import(actor=None, name="attlog.dat", data=data, device=DEVICE)
        took = time.perf_counter() - started
        assert report.unchanged == ROWS, report.unchanged
        assert report.created == 0, report.created
        return took

    seconds = measure("reader_import_100k_rows_s", "s", import_once)
    if seconds > BUDGET_S:
        print(f"# OVER BUDGET: the import took {seconds:.2f} s (budget {BUDGET_S} s)")
    measure("reader_reimport_100k_rows_s", "s", reimport)
    clear()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
