"""Presence (C7) on PostgreSQL behind a production server.

- ``checkin_rps``, ``checkin_p50_ms``, ``checkin_p99_ms``: ``POST /api/v1/presence/checkins``
  under gunicorn (production settings: DEBUG off, persistent connections), loaded from
  127.0.0.1 for a bounded time with ``wrk``: every request is a new on-site check-in of
  another employee of the Kukar-size demo (~18,800 employees, each with a personal API
  token), with a fresh idempotency key, the position of the employee's office and a network
  reading (so the full path runs: rules, one INSERT, one network measurement).
- ``baseline_insert_rps``, ``baseline_insert_p99_ms``: the same server and load on a minimal
  Django view doing one INSERT (``bench/urls_baseline.py``, served only by this benchmark).
- ``checkin_page_kb``: the check-in page as a phone on 2G receives it (HTML gzip plus every
  stylesheet and script it loads, gzip). Budget: 60 KB.
- ``recap_regency_ms``: the monthly recap of the whole regency (every employee × working day)
  right after the load.

Without ``wrk`` the load comes from a small Python generator (threads + http.client) and the
figures say so (``_pyload``): it shares the two cores with the server and saturates first.
Without PostgreSQL (``BENCH_PG_URL`` unset or not answering) nothing is measured: this
benchmark exists to measure the production database.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

from bench.support import (
    ROOT,
    RUNS,
    figure,
    load_average,
    note,
    setup_django,
    tree_cpu_s,
)

DURATION_S = int(os.environ.get("BENCH_PRESENCE_SECONDS", "10"))
WORKERS = int(os.environ.get("BENCH_PRESENCE_WORKERS", "4"))
THREADS_PER_WORKER = 2
CONNECTIONS = 16
WRK_THREADS = 2
WARM_S = 4
WARM_PEOPLE = 4000
HERE = Path(__file__).resolve().parent
PAGE_BUDGET_KB = 60


def free_port() -> int:
    """A free local port: the first free one of ``BENCH_PORTS`` ("8140-8149", for a machine
    shared by several people), else any."""
    low, _sep, high = os.environ.get("BENCH_PORTS", "").partition("-")
    candidates = range(int(low), int(high or low) + 1) if low else [0]
    for port in candidates:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return int(s.getsockname()[1])
    raise SystemExit(f"no free port in BENCH_PORTS={os.environ['BENCH_PORTS']}")


def seed() -> tuple[list[tuple[str, float, float]], str]:
    """The Kukar demo, one API token per employee with an account, the position of each one's
    office; returns (token, latitude, longitude) rows and a rina-like username."""
    from django.db import connection

    from fleksi.accounts.models import ApiToken, User
    from fleksi.demo.services import demo_seed
    from fleksi.org.models import Office

    demo_seed(size="kukar", seed=2026)
    offices: dict[int, tuple[float, float]] = {}
    for unit_id, lat, lon in Office.objects.values_list("unit_id", "latitude", "longitude"):
        offices.setdefault(unit_id, (lat, lon))
    rows, tokens = [], []
    users = User.objects.filter(employee__is_active=True).values_list(
        "pk", "username", "employee__unit__path"
    )
    for user_id, _username, path in users.iterator():
        chain = [int(p) for p in path.split(".") if p][::-1]  # the unit first, then upwards
        place = next((offices[u] for u in chain if u in offices), None)
        if place is None:
            continue
        secret = f"fk_bench{uuid.uuid4().hex}"
        tokens.append(
            ApiToken(
                user_id=user_id,
                name="bench",
                scope="checkin",
                prefix=secret[3:11],
                digest=ApiToken.digest_of(secret),
                # Never used: a first check-in of the day does the accounts' last-use
                # bookkeeping too, as a real one does.
            )
        )
        rows.append((secret, place[0], place[1]))
    ApiToken.objects.bulk_create(tokens, batch_size=2000)
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE bench_baseline (id bigserial PRIMARY KEY, "
            "at timestamptz NOT NULL DEFAULT now(), body bytea)"
        )
    username = (
        User.objects.filter(employee__isnull=False)
        .order_by("pk")
        .values_list("username", flat=True)[0]
    )
    return rows, username


def start_server(port: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings_baseline",
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-" + uuid.uuid4().hex * 2,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "SECURE_HSTS_SECONDS": "0",
        "CONN_MAX_AGE": "600",
        "LOG_LEVEL": "WARNING",
        # Every simulated phone calls from 127.0.0.1: the per-address limit would stop the
        # load itself. The per-token limit (and the middleware's cost) stays as in production.
        "API_RATE_PER_ADDRESS": "100000000/60",
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(WORKERS),
            "--worker-class",
            "gthread",
            "--threads",
            str(THREADS_PER_WORKER),
            "--keep-alive",
            "30",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/api/v1/presence/today")  # 401: up (no static files needed)
            if conn.getresponse().status == 401:
                return server
        time.sleep(0.3)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def run_wrk(
    port: int, path: str, script: str, env: dict[str, str], seconds: int = DURATION_S
) -> dict[str, float]:
    out = subprocess.run(
        [
            "wrk",
            f"-t{WRK_THREADS}",
            f"-c{CONNECTIONS}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-s",
            str(HERE / script),
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, **env, "BENCH_THREADS": str(WRK_THREADS)},
        check=True,
    ).stdout
    line = next(x for x in out.splitlines() if x.startswith("WRK "))
    values = dict(re.findall(r"(\w+)=(\d+)", line))
    requests = int(values["requests"])
    elapsed = int(values["duration_us"]) / 1e6
    return {
        "rps": requests / elapsed,
        "p50_ms": int(values["p50_us"]) / 1000,
        "p99_ms": int(values["p99_us"]) / 1000,
        "requests": requests,
        "errors": int(values["status_errors"]) + int(values["socket_errors"]),
    }


_counter = iter(range(10**9))  # shared by the runs: a person's slot is used once


def run_python_load(port: int, make: object, seconds: int = DURATION_S) -> dict[str, float]:
    """Threads with a persistent connection each, until the time is up."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds
    counter = _counter

    def worker() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        mine: list[float] = []
        bad = 0
        while time.monotonic() < stop:
            path, body, headers = make(next(counter))  # type: ignore[operator]
            started = time.perf_counter()
            try:
                conn.request("POST", path, body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                if response.status >= 400:
                    bad += 1
            except OSError:
                bad += 1
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            mine.append(time.perf_counter() - started)
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(CONNECTIONS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    latencies.sort()
    return {
        "rps": len(latencies) / elapsed,
        "p50_ms": statistics.median(latencies) * 1000,
        "p99_ms": latencies[int(len(latencies) * 0.99) - 1] * 1000,
        "requests": len(latencies),
        "errors": errors[0],
    }


def main() -> None:
    setup_django("presence", postgres=True)
    from django.db import connection

    if connection.vendor != "postgresql":
        print("# bench_presence needs PostgreSQL (BENCH_PG_URL): nothing measured")
        return
    from django.test import Client
    from django.utils import timezone

    from bench.bench_home import page_weight
    from fleksi.accounts.models import User
    from fleksi.org.models import Unit
    from fleksi.presence.models import Checkin
    from fleksi.presence.selectors.recap import people_of_units, period_of, recap_totals

    rows, username = seed()
    print(f"# {len(rows)} employees with a token and an office; {DURATION_S} s per run")
    client = Client()
    client.force_login(User.objects.get(username=username))
    page_kb = page_weight(client, "/presence/")
    connection.close()

    port = free_port()
    server = start_server(port)
    try:
        if shutil.which("wrk"):
            suffix = ""
            # Warm-up people apart from the measured ones, and people of their own for every
            # run: a key of a person is used once.
            warm_rows, rows = rows[:WARM_PEOPLE], rows[WARM_PEOPLE:]
            files = []
            for part in (warm_rows, *(rows[k::RUNS] for k in range(RUNS))):
                with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as fh:
                    fh.writelines(f"{t}\t{lat}\t{lon}\n" for t, lat, lon in part)
                    files.append(fh.name)
            # Every worker thread loads its code and the day's rules before the clock runs.
            run_wrk(
                port,
                "/api/v1/presence/checkins",
                "presence.lua",
                {"BENCH_CHECKINS": files[0]},
                WARM_S,
            )
            run_wrk(port, "/bench/baseline", "baseline.lua", {}, WARM_S)
            # The product and its baseline alternate, so a change in the machine's load
            # touches both; each is the median of RUNS runs.
            checkins, baselines = [], []
            checkin_cpu, baseline_cpu = [], []
            load = load_average()
            for k in range(RUNS):
                before = tree_cpu_s(server.pid)
                checkins.append(
                    run_wrk(
                        port,
                        "/api/v1/presence/checkins",
                        "presence.lua",
                        {"BENCH_CHECKINS": files[k + 1]},
                    )
                )
                middle = tree_cpu_s(server.pid)
                baselines.append(run_wrk(port, "/bench/baseline", "baseline.lua", {}))
                checkin_cpu.append(middle - before)
                baseline_cpu.append(tree_cpu_s(server.pid) - middle)
            for name in files:
                os.unlink(name)
        else:
            suffix = "_pyload"
            print("# wrk not found: a Python load generator is used (it competes for the CPU)")

            def checkin_request(i: int) -> tuple[str, str, dict[str, str]]:
                token, lat, lon = rows[i % len(rows)]
                now = timezone.now().isoformat()
                body = {
                    "idempotency_key": str(uuid.uuid4()),
                    "slot": (i // len(rows)) % 2 + 1,
                    "mode": "onsite",
                    "device_time": now,
                    "sent_at": now,
                    "latitude": lat,
                    "longitude": lon,
                    "accuracy": 12,
                    "network": {"effective_type": "3g", "rtt": 450, "downlink": 0.9},
                }
                headers = {
                    "Authorization": f"Bearer {token}",
                    "Content-Type": "application/json",
                }
                return "/api/v1/presence/checkins", json.dumps(body), headers

            run_python_load(port, checkin_request, WARM_S)  # warm-up (keys of their own)
            checkins, baselines = [], []
            checkin_cpu, baseline_cpu = [], []
            load = load_average()
            for _ in range(RUNS):
                before = tree_cpu_s(server.pid)
                checkins.append(run_python_load(port, checkin_request))
                middle = tree_cpu_s(server.pid)
                baselines.append(
                    run_python_load(
                        port,
                        lambda i: (
                            "/bench/baseline",
                            "x" * 320,
                            {"Content-Type": "application/json"},
                        ),
                    )
                )
                checkin_cpu.append(middle - before)
                baseline_cpu.append(tree_cpu_s(server.pid) - middle)
    finally:
        server.terminate()
        server.wait(timeout=30)

    stored = Checkin.objects.count()
    print(
        f"# check-ins: {sum(r['requests'] for r in checkins):.0f} requests in {RUNS} runs, "
        f"{stored} stored (with the warm-up), {sum(r['errors'] for r in checkins):.0f} "
        f"errors; baseline: {sum(r['requests'] for r in baselines):.0f} requests, "
        f"{sum(r['errors'] for r in baselines):.0f} errors"
    )
    for key, unit in (("rps", "req/s"), ("p50_ms", "ms"), ("p99_ms", "ms")):
        values = [r[key] for r in checkins]
        figure(f"checkin_{key}{suffix}", statistics.median(values), unit)
        note(f"checkin_{key}{suffix}", values, unit, checkin_cpu, load)
    for key, unit in (("rps", "req/s"), ("p99_ms", "ms")):
        values = [r[key] for r in baselines]
        figure(f"baseline_insert_{key}{suffix}", statistics.median(values), unit)
        note(f"baseline_insert_{key}{suffix}", values, unit, baseline_cpu, load)
    ratios = [c["rps"] / b["rps"] for c, b in zip(checkins, baselines, strict=True)]
    figure(f"checkin_baseline_ratio{suffix}", statistics.median(ratios), "ratio")
    note(f"checkin_baseline_ratio{suffix}", ratios, "ratio", checkin_cpu, load)
    figure("checkin_page_kb", page_kb, "KB")

    period = period_of(timezone.localdate())
    roots = list(Unit.objects.filter(parent__isnull=True).values_list("path", flat=True))
    started = time.perf_counter()
    totals = recap_totals(people_of_units(roots, period), period)
    figure("recap_regency_ms", (time.perf_counter() - started) * 1000, "ms")
    print(f"# recap: {len(totals)} employees × {len(period.working_days)} working days")
    if sum(r["errors"] for r in checkins) > sum(r["requests"] for r in checkins) * 0.01:
        raise SystemExit("more than 1 % of the check-ins failed")
    if page_kb > PAGE_BUDGET_KB:
        raise SystemExit(f"the check-in page weighs {page_kb:.1f} KB (budget {PAGE_BUDGET_KB})")


if __name__ == "__main__":
    main()
