from __future__ import annotations

import logging
import os
import threading
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

from fleksi.common.locks import _key

log = logging.getLogger(__name__)
LOCK_NAME = "fleksi:scheduler"


class Command(BaseCommand):
    help = (
        "The periodic-job scheduler of the distributed task backend: Celery beat, run by one "
        "process at a time. It holds a PostgreSQL advisory lock for as long as it schedules; "
        "a second one waits on standby and takes over when the first dies. Each job is sent "
        "every PERIODIC_EVERY_S and runs once per time slot (fleksi/common/distributed.py)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--poll", type=float, default=5.0, help="standby: seconds between tries"
        )
        parser.add_argument("--loglevel", default="INFO")

    def handle(self, *args: Any, **options: Any) -> None:
        holder = connections.create_connection(DEFAULT_DB_ALIAS)
        if holder.vendor != "postgresql":
            raise SystemExit("run_scheduler needs PostgreSQL (use run_periodic from cron)")
        said_standby = False
        while True:
            with holder.cursor() as cursor:
                cursor.execute("SELECT pg_try_advisory_lock(%s)", [_key(LOCK_NAME)])
                if cursor.fetchone()[0]:
                    break
            if not said_standby:
                self.stdout.write("standby: another scheduler holds the lock", ending="\n")
                self.stdout.flush()
                said_standby = True
            time.sleep(options["poll"])
        self.stdout.write(f"scheduling (pid {os.getpid()})")
        self.stdout.flush()
        holder.inc_thread_sharing()  # the watchdog thread checks the lock's session
        threading.Thread(target=_watch, args=(holder,), daemon=True).start()

        from fleksi.common.celery_app import app

        app.Beat(loglevel=options["loglevel"], quiet=True).run()


def _watch(holder: Any) -> None:
    """If the lock's session is lost, another scheduler may start: stop at once (the
    service manager restarts us, on standby)."""
    while True:
        time.sleep(10)
        try:
            with holder.cursor() as cursor:
                cursor.execute("SELECT 1")
        except DatabaseError:
            log.critical("the scheduler lost its lock's database session; stopping")
            os._exit(1)
