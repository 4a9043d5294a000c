from __future__ import annotations

import logging
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from fleksi.common.periodic import jobs

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Run the periodic jobs (escalation of overdue approvals, retention, monthly checks). "
        "Run it from cron or a systemd timer every 15 minutes; each job decides from the "
        "data what is due, so running it again is harmless."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--job", action="append", default=[], help="run only this job (repeatable)"
        )
        parser.add_argument("--list", action="store_true", help="list the jobs")

    def handle(self, *args: Any, **options: Any) -> None:
        available = {job.name: job for job in jobs()}
        if options["list"]:
            for job in available.values():
                self.stdout.write(f"{job.name}: {job.description}")
            return
        unknown = set(options["job"]) - set(available)
        if unknown:
            raise CommandError(f"unknown job(s): {', '.join(sorted(unknown))}")
        failed = 0
        for name, job in available.items():
            if options["job"] and name not in options["job"]:
                continue
            started = time.perf_counter()
            try:
                done = job.run()
            except Exception:  # one failing job must not stop the others
                logger.exception("periodic job %s failed", name)
                failed += 1
                continue
            self.stdout.write(f"{name}: {done} ({time.perf_counter() - started:.2f} s)")
        if failed:
            raise CommandError(f"{failed} periodic job(s) failed; see the log")
