"""Periodic jobs: each app registers its own from ``AppConfig.ready()``; ``manage.py
run_periodic`` (run by cron or a systemd timer, e.g. every 15 minutes) runs them.

Every job must be idempotent and safe to run again: it decides from the data what is due
(an overdue approval step, a day whose positions have passed their retention period), never
from when it last ran.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    run: Callable[[], int]  # returns how many things it did
    description: str


_JOBS: dict[str, PeriodicJob] = {}


def register_job(name: str, run: Callable[[], int], description: str) -> None:
    existing = _JOBS.get(name)
    if existing is not None and existing.run is not run:
        raise ValueError(f"periodic job {name!r} is already registered")
    _JOBS[name] = PeriodicJob(name, run, description)


def jobs() -> list[PeriodicJob]:
    return [_JOBS[name] for name in sorted(_JOBS)]
