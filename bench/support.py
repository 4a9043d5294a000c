"""Shared set-up for benchmark modules: a fresh database and a figure printer."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


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


def figure(name: str, value: float, unit: str) -> None:
    """Print one figure in the comparable form ``bench: NAME VALUE UNIT``."""
    print(f"bench: {name} {value:.3f} {unit}", flush=True)
