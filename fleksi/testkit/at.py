"""Run a ``manage.py`` command as if the clock said a given moment (and ticking on), for the
browser journeys that start the background worker and the periodic jobs as ``make run`` does
while the test's own server runs at a moment fixed with time-machine::

    python -m fleksi.testkit.at 2026-12-03T09:00:00+08:00 db_worker --interval 0.2
    python -m fleksi.testkit.at 2026-12-03T09:00:00+08:00 run_periodic
"""

from __future__ import annotations

import os
import sys
from datetime import datetime


def main(argv: list[str]) -> None:
    import time_machine

    moment = datetime.fromisoformat(argv[0])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    with time_machine.travel(moment, tick=True):
        from django.core.management import execute_from_command_line

        execute_from_command_line(["manage.py", *argv[1:]])


if __name__ == "__main__":
    main(sys.argv[1:])
