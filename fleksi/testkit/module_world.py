"""A world built once per test module and rolled back when the module ends.

Building the test world through the real services costs far more than one request; a
module of access-matrix cases (hundreds of role × route pairs) builds it once. The build
runs in a transaction kept open for the module; every test still runs in its own savepoint
(pytest-django's ``db`` fixture), so what one test writes is gone for the next.

Use it only in modules whose tests need no other database connection (no live server, no
``transactional_db``). The fixtures ``module_world`` (root ``conftest.py``) and the
insights tests' ``shared_computed`` are built on :func:`module_scoped`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from django.db import transaction

from fleksi.presence.selectors.facts import day_rules_forget
from fleksi.worktime.selectors import worktime_forget


def forget_caches() -> None:
    """Drop what the services keep in memory between requests (ids may be reused after a
    rollback on SQLite)."""
    day_rules_forget()
    worktime_forget()


def module_scoped[T](django_db_blocker: Any, build: Callable[[], T]) -> Iterator[T]:
    """Run ``build()`` in a transaction kept open for the module, yield its result, and roll
    everything back at the end."""
    with django_db_blocker.unblock():
        forget_caches()
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            value = build()
            built = getattr(value, "__dict__", {})
            built["_made_by_build"] = dict(built.get("_made", {}))
        except BaseException:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            raise
    try:
        yield value
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            forget_caches()


def fresh[T](world: T) -> T:
    """The shared world for the next test: objects a test made lazily (cached in
    ``world._made``) were rolled back with its savepoint, so they are forgotten; those the
    build made stay."""
    state = world.__dict__
    state["_made"] = dict(state.get("_made_by_build", {}))
    forget_caches()
    return world
