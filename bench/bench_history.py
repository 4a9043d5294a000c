"""History that stays fast as it grows (issue 19 §2): the evaluation dashboards over ten years
of monthly rows of a 250,000-ASN instance, generated set-based on PostgreSQL.

The dashboards read the monthly derived rows (``insights_unitmonth``, decision 15), never the
record tables, so ten years of a ministry is ~1.2 M unit-months (250 perangkat daerah × 40
units × 120 months), not billions of check-ins.

- ``history_10y_unit_months``: the rows generated (``BENCH_HISTORY_PDS`` perangkat daerah ×
  ``BENCH_HISTORY_UNITS`` units each × 120 months; ~24 employees a unit: 250,000 ASN);
- ``history_10y_seed_s``: generating them (INSERT … SELECT over generate_series) and ANALYZE;
- ``history_10y_dashboard_p95_ms``: p95 of the regency dashboard of the last month
  (``regency_dashboard``: the total, the trend of 13 months, the before/after comparison,
  one row per perangkat daerah, the concerns) over 30 runs after 3 warm-ups; budget 1000 ms;
- ``history_10y_dashboard_year_p95_ms``: the same over a period of twelve months (information:
  no budget yet; 1.1 s at a load of 11 on 2 cores, 7 December 2026).

Without PostgreSQL it says so and measures nothing.
"""

from __future__ import annotations

import os
import statistics
import sys
import time

from bench.support import figure, setup_django

PDS = int(os.environ.get("BENCH_HISTORY_PDS", "250"))
UNITS = int(os.environ.get("BENCH_HISTORY_UNITS", "40"))
MONTHS = 120
RUNS, WARM = 30, 3
BUDGET_MS = 1000
SPECIAL = {
    "headcount": "24",
    "eligible": "18 + (random() * 4)::int",
    "working_days": "504",
    "onsite_days": "380 + (random() * 40)::int",
    "wfa_present_days": "40 + (random() * 30)::int",
    "wfa_days": "45 + (random() * 30)::int",
    "outputs": "24",
    "achievement_sum": "18 + random() * 6",
    "svc_waiting_sum": "random() * 30",
    "ikm_weighted": "random() * 300",
}


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def main() -> int:
    setup_django("history10y", postgres=True)
    from django.db import connection
    from django.utils import timezone

    from fleksi.common.domain.months import month_start, months_back, previous_month
    from fleksi.insights.domain.figures import COUNTS, SUMS
    from fleksi.insights.selectors.dashboards import regency_dashboard

    if connection.vendor != "postgresql":
        print("# PostgreSQL not available: the ten-year history is measured on PostgreSQL only")
        return 0
    last = month_start(previous_month(timezone.localdate()))
    columns = [*COUNTS, *SUMS]
    values = [
        SPECIAL.get(c, "(random() * 20)::int" if c in COUNTS else "random() * 20") for c in columns
    ]
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO org_unit (code, name, kind, path, depth, is_public_service, is_active)"
            " SELECT 'pd-' || g, 'Perangkat Daerah ' || g, 'opd', '', 0, false, true"
            " FROM generate_series(1, %s) g",
            [PDS],
        )
        cursor.execute("UPDATE org_unit SET root_id = id, path = id || '.' WHERE parent_id IS NULL")
        cursor.execute(
            "INSERT INTO org_unit (code, name, kind, parent_id, root_id, path, depth,"
            " is_public_service, is_active)"
            " SELECT 'u-' || p.id || '-' || g, 'Bidang ' || g, 'bidang', p.id, p.id, p.path, 1,"
            " g %% 4 = 0, true FROM org_unit p, generate_series(1, %s) g WHERE p.parent_id IS NULL",
            [UNITS],
        )
        cursor.execute("UPDATE org_unit SET path = path || id || '.' WHERE parent_id IS NOT NULL")
        insert = (
            "INSERT INTO insights_unitmonth (month, unit_id, root_id, kecamatan_id, "
            + ", ".join(columns)
            + ") SELECT m::date, u.id, u.root_id, NULL, "
            + ", ".join(values)
        )  # our own column names and expressions, no input
        cursor.execute(
            insert + " FROM org_unit u CROSS JOIN generate_series(%s::date - interval '119 months',"
            " %s::date, interval '1 month') m",
            [last, last],
        )
        rows = cursor.rowcount
        cursor.execute("ANALYZE")
    figure("history_10y_seed_s", time.perf_counter() - started, "s")
    figure("history_10y_unit_months", rows, "rows")
    print(f"# {PDS} perangkat daerah, {PDS * (UNITS + 1)} units, {MONTHS} months, "
          f"~{PDS * UNITS * 24} employees")  # fmt: skip

    failures = []
    for name, period in (
        ("history_10y_dashboard_p95_ms", [last]),
        ("history_10y_dashboard_year_p95_ms", list(months_back(last, 12))),
    ):
        times = []
        for i in range(WARM + RUNS):
            started = time.perf_counter()
            dashboard = regency_dashboard(period)
            if i >= WARM:
                times.append((time.perf_counter() - started) * 1000)
        assert len(dashboard.rows) == PDS, len(dashboard.rows)
        value = p95(times)
        figure(name, value, "ms")
        print(f"# {name}: median {statistics.median(times):.0f} ms, max {max(times):.0f} ms, "
              f"load {os.getloadavg()[0]:.1f}")  # fmt: skip
        if value > BUDGET_MS and name == "history_10y_dashboard_p95_ms":
            failures.append(f"{name}: {value:.0f} ms over the {BUDGET_MS} ms budget")
    for failure in failures:
        print(f"FAIL {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
