"""A named lock held until the end of the current transaction.

PostgreSQL: a transaction-level advisory lock on a 64-bit hash of the name (other sessions
taking the same name wait; nothing to clean up, even when the process dies). SQLite: nothing
to do — a writing transaction already excludes every other writer of the database.
"""

from __future__ import annotations

import hashlib

from django.db import connection


def _key(name: str) -> int:
    digest = hashlib.blake2b(name.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def transaction_lock(name: str) -> None:
    """Wait for and hold the lock ``name`` until the enclosing transaction ends (call inside
    ``transaction.atomic()``)."""
    if not connection.in_atomic_block:
        raise RuntimeError("transaction_lock() must be called inside transaction.atomic()")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_key(name)])
