"""Shared set-up for benchmark modules: a fresh database and a figure printer."""

from __future__ import annotations

import os
import statistics
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Every figure is the median of this many runs (BENCH_RUNS overrides it, never below 3).
RUNS = max(3, int(os.environ.get("BENCH_RUNS", "3")))


def postgres_url(name: str) -> str | None:
    """A fresh PostgreSQL database for a benchmark that must run there, when the server of
    ``BENCH_PG_URL`` (``make bench`` points it at the local server) answers."""
    base = os.environ.get("BENCH_PG_URL")
    if not base:
        return None
    try:
        import psycopg

        with psycopg.connect(base, autocommit=True, connect_timeout=3) as conn:
            db = f"fleksi_bench_{name}"
            conn.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{db}"')
    except Exception as exc:
        print(f"# PostgreSQL not reachable ({exc.__class__.__name__}); using SQLite")
        return None
    return base.rsplit("/", 1)[0] + f"/{db}"


def setup_django(name: str, *, fresh: bool = True, postgres: bool = False) -> None:
    """Configure Django on a benchmark database of its own, migrated and empty.

    SQLite by default (``var/bench/NAME.sqlite3``); ``BENCH_DATABASE_URL`` (for example a
    PostgreSQL URL) overrides it; ``postgres=True`` asks for a fresh PostgreSQL database
    (see :func:`postgres_url`).
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.test_settings")
    os.environ["TASKS_BACKEND"] = "django.tasks.backends.dummy.DummyBackend"
    url = os.environ.get("BENCH_DATABASE_URL") or (postgres_url(name) if postgres else None)
    if not url:
        db = ROOT / "var" / "bench" / f"{name}.sqlite3"
        db.parent.mkdir(parents=True, exist_ok=True)
        if fresh:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
        url = f"sqlite:///{db}"
    os.environ["DATABASE_URL"] = url
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", "--no-input", verbosity=0)
    if fresh and os.environ.get("BENCH_DATABASE_URL"):
        call_command("flush", "--no-input", verbosity=0)
        # ``flush`` empties the policy generation token's table too (migration policy/0003
        # wrote its row): without it nothing policy-related is cached and the figures of a
        # reused database would be slower than those of a fresh one.
        from fleksi.policy.models import PolicyGeneration

        if not PolicyGeneration.objects.exists():
            PolicyGeneration.objects.create(token=1)


def figure(name: str, value: float, unit: str) -> None:
    """Print one figure in the comparable form ``bench: NAME VALUE UNIT``."""
    print(f"bench: {name} {value:.3f} {unit}", flush=True)


def process_cpu_s(pid: int) -> float:
    """CPU seconds (user + system) a running process and its reaped children have used, read
    from ``/proc`` (0 where there is no ``/proc``): for servers the benchmark starts."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    ticks = os.sysconf("SC_CLK_TCK")
    # utime, stime, cutime, cstime are fields 14-17 of stat(5); index 11.. after the name.
    return sum(int(v) for v in fields[11:15]) / ticks


def tree_cpu_s(pid: int) -> float:
    """CPU seconds of a process and every live descendant (a gunicorn master and its workers)."""
    total = process_cpu_s(pid)
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return total
    return total + sum(tree_cpu_s(int(child)) for child in children)


def own_cpu_s() -> float:
    """CPU seconds of this process and of the child processes it has waited for."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def load_average() -> float:
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0


def measure(
    name: str,
    unit: str,
    run: Callable[[], float],
    *,
    runs: int = RUNS,
    cpu: Callable[[], float] = own_cpu_s,
) -> float:
    """Run ``run`` (which returns one value in ``unit``) ``runs`` times and print the median as
    ``bench: NAME VALUE UNIT``, then a line with the spread, the CPU time per run (``cpu``
    counts it: this process by default, a server's process tree when given) and the load
    average when the first run started. When the load exceeds the cores the line says so:
    such a figure is not comparable."""
    load = load_average()
    values: list[float] = []
    cpus: list[float] = []
    for _ in range(runs):
        before = cpu()
        values.append(run())
        cpus.append(cpu() - before)
    median = statistics.median(values)
    figure(name, median, unit)
    note(name, values, unit, cpus, load)
    return median


def note(name: str, values: list[float], unit: str, cpus: list[float], load: float) -> None:
    """The detail line that goes with a figure measured several times."""
    cores = os.cpu_count() or 1
    busy = f" BUSY (load {load:.2f} > {cores} cores: not comparable)" if load > cores else ""
    print(
        f"#   {name}: median of {len(values)}, spread {min(values):.3f}-{max(values):.3f} "
        f"{unit}, cpu {statistics.median(cpus):.2f} s/run, load {load:.2f}{busy}",
        flush=True,
    )
