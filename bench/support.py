"""Shared set-up for benchmark modules: a fresh database and a figure printer."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django(name: str, *, fresh: bool = True) -> None:
    """Configure Django on a benchmark database of its own, migrated and empty.

    SQLite by default (``var/bench/NAME.sqlite3``); ``BENCH_DATABASE_URL`` (for example a
    PostgreSQL URL) overrides it.
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.test_settings")
    os.environ["TASKS_BACKEND"] = "django.tasks.backends.dummy.DummyBackend"
    url = os.environ.get("BENCH_DATABASE_URL")
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
