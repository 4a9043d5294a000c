"""Monitoring & evaluation (C10) on a year of Kukar history, on PostgreSQL.

- ``seed_history_s``: ``demo_seed_with_history(size="kukar", history=12)`` — the regency,
  twelve months before the current one (and the current one up to yesterday) of check-ins, WFA days,
  outputs, reports, verifications, ratings and service figures, and the monthly figures of
  every month computed; ``history_rows``: the history's rows.
- ``refresh_month_s``: ``stats_refresh`` of last month again (what the nightly job and a
  report do).
- ``dashboard_regency_p95_ms``, ``dashboard_unit_p95_ms``: p95 of 30 GET requests (after a
  warm-up) through Django's test client, as the Sekda (``/insights/``) and as the head of the
  largest perangkat daerah (``/insights/units/<id>/``). Budget: 1000 ms.
- ``dashboard_regency_queries``, ``dashboard_unit_queries``: the SQL statements of one
  request. Each SELECT is EXPLAINed: the benchmark **fails** when a dashboard query touches a
  record table (check-ins, planned outputs, output reports, verifications, WFA days) or scans
  sequentially a table of more than 50,000 rows.
- ``report_monthly_s``: last month's evaluation report generated synchronously (its month
  refreshed first, then the PDF and the XLSX). Budget: 60 s.
- ``dashboard_page_kb``: the regency dashboard as a phone receives it (HTML gzip plus its
  stylesheets and scripts, gzip). Budget: 200 KB.

Without PostgreSQL (``BENCH_PG_URL`` unset or not answering) it runs on SQLite and says so.
``BENCH_INSIGHTS_REUSE=1`` with ``BENCH_DATABASE_URL`` pointing at a database this benchmark
seeded before skips the seeding (for working on the other figures).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from datetime import timedelta
from typing import Any

from bench.bench_home import page_weight
from bench.support import figure, measure, setup_django

HISTORY_MONTHS = int(os.environ.get("BENCH_INSIGHTS_MONTHS", "12"))
SIZE = os.environ.get("BENCH_INSIGHTS_SIZE", "kukar")
REQUESTS = 30
WARM = 3
DASHBOARD_BUDGET_MS = 1000
REPORT_BUDGET_S = 60
PAGE_BUDGET_KB = 200
SEQ_SCAN_MAX_ROWS = 50_000
RECORD_TABLES = frozenset(
    {
        "presence_checkin",
        "outputs_plannedoutput",
        "outputs_outputreport",
        "outputs_verification",
        "schedule_requestday",
    }
)


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def timed_gets(client: Any, path: str) -> list[float]:
    for _ in range(WARM):
        assert client.get(path).status_code == 200, path
    out = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        response = client.get(path)
        out.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    return out


def _nodes(plan: dict[str, Any]) -> list[dict[str, Any]]:
    found = [plan]
    for child in plan.get("Plans", []):
        found += _nodes(child)
    return found


def plan_problems(client: Any, path: str) -> tuple[int, list[str]]:
    """The statements of one request, and what is wrong with their plans (PostgreSQL)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    queries = [q["sql"] for q in ctx.captured_queries]
    if connection.vendor != "postgresql":
        return len(queries), []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, reltuples FROM pg_class WHERE relkind = 'r' AND reltuples > %s",
            [SEQ_SCAN_MAX_ROWS],
        )
        big = dict(cursor.fetchall())
        problems = []
        for sql in queries:
            if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
                continue
            cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}")
            raw = cursor.fetchone()[0]
            plan = (json.loads(raw) if isinstance(raw, str) else raw)[0]["Plan"]
            for node in _nodes(plan):
                rel = node.get("Relation Name")
                if rel in RECORD_TABLES:
                    problems.append(f"{path}: reads the record table {rel}: {sql[:160]}")
                elif node.get("Node Type") == "Seq Scan" and rel in big:
                    problems.append(
                        f"{path}: sequential scan of {rel} (~{int(big[rel])} rows): {sql[:160]}"
                    )
    return len(queries), problems


def main() -> int:
    reuse = bool(os.environ.get("BENCH_INSIGHTS_REUSE")) and bool(
        os.environ.get("BENCH_DATABASE_URL")
    )
    setup_django("insights", fresh=not reuse, postgres=True)
    from django.db import connection
    from django.db.models import Count
    from django.db.models.functions import Coalesce
    from django.test import Client
    from django.test.utils import override_settings
    from django.utils import timezone

    from fleksi.accounts.models import User
    from fleksi.common.domain.months import month_start
    from fleksi.demo.services.history import demo_seed_with_history
    from fleksi.insights.services.refresh import stats_refresh
    from fleksi.insights.services.reports import report_generate_run, report_request
    from fleksi.org.models import Employee, Unit
    from fleksi.org.selectors import unit_head_on

    if connection.vendor != "postgresql":
        print("# PostgreSQL not available: measured on SQLite (the figures are not comparable)")
    today = timezone.localdate()
    if not reuse:
        started = time.perf_counter()
        with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
            report = demo_seed_with_history(size=SIZE, seed=2026, history=HISTORY_MONTHS)
        figure("seed_history_s", time.perf_counter() - started, "s")
        figure("history_rows", report.counts["history_rows"], "rows")
        for step, seconds in report.timings.items():
            print(f"# seed step {step}: {seconds:.1f} s")
        for key, n in report.counts.items():
            if key.startswith("history_"):
                print(f"# {key}: {n}")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    last_month = month_start(month_start(today) - timedelta(days=1))

    def refresh() -> float:
        started = time.perf_counter()
        stats_refresh(months=[last_month], today=today)
        return time.perf_counter() - started

    measure("refresh_month_s", "s", refresh)

    failures: list[str] = []
    sekda = User.objects.get(demo_persona__persona="sekda")
    biggest = (
        Employee.objects.filter(is_active=True)
        .annotate(pd=Coalesce("unit__root_id", "unit_id"))
        .values("pd")
        .order_by()
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    assert biggest is not None
    root_id = int(biggest["pd"])
    unit = Unit.objects.get(pk=root_id)
    head = unit_head_on(unit, today)
    assert head is not None, unit
    head_user = User.objects.get(employee=head)
    for name, user, path in (
        ("regency", sekda, "/insights/"),
        ("unit", head_user, f"/insights/units/{unit.pk}/"),
    ):
        client = Client()
        client.force_login(user)
        times = timed_gets(client, path)
        value = p95(times)
        figure(f"dashboard_{name}_p95_ms", value, "ms")
        if value > DASHBOARD_BUDGET_MS:
            failures.append(f"{path}: p95 {value:.0f} ms over the {DASHBOARD_BUDGET_MS} ms budget")
        count, problems = plan_problems(client, path)
        figure(f"dashboard_{name}_queries", count, "queries")
        failures += problems
        if name == "regency":
            kb = page_weight(client, path)
            figure("dashboard_page_kb", kb, "KB")
            if kb > PAGE_BUDGET_KB:
                failures.append(f"{path}: {kb:.0f} KB over the {PAGE_BUDGET_KB} KB budget")

    def monthly_report() -> float:
        started = time.perf_counter()
        queued = report_request(actor=sekda, kind="monthly", start=last_month, today=today)
        report_generate_run(report_id=queued.pk, today=today)
        return time.perf_counter() - started

    seconds = measure("report_monthly_s", "s", monthly_report)
    if seconds > REPORT_BUDGET_S:
        failures.append(f"monthly report: {seconds:.1f} s over the {REPORT_BUDGET_S} s budget")
    for problem in failures:
        print(f"# FAIL {problem}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
