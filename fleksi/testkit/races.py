"""Calls released at the same instant from threads (really concurrent on PostgreSQL; on
SQLite writers queue). Tests using it need ``django_db(transaction=True)``."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from django.db import connection

from fleksi.common.errors import ServiceError


def at_once(*calls: Callable[[], Any]) -> list[str]:
    """Run the calls in threads released together; each outcome is "ok", a service error's
    code, or the class name of any other exception (which the tests never accept)."""
    start = threading.Barrier(len(calls))
    outcomes: list[str] = [""] * len(calls)

    def run(i: int, call: Callable[[], Any]) -> None:
        try:
            start.wait(timeout=10)
            call()
            outcomes[i] = "ok"
        except ServiceError as exc:
            outcomes[i] = exc.code
        except Exception as exc:  # reported as an outcome: the test fails on it
            outcomes[i] = f"{type(exc).__name__}: {exc}"
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return outcomes
