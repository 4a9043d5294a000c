"""Reads on replicas (issue 19 §3).

With ``DATABASE_REPLICA_URL`` set, the database alias ``replica`` is a PostgreSQL streaming
replica of the primary. Only views marked :func:`reads_from_replica` (dashboards, reports,
exports: pages that read much and write nothing) send their reads there; everything else —
every write, every read of every other view, sign-in, sessions, the middleware — uses the
primary. Without the setting nothing changes.

Read-your-own-writes: a replica lags the primary by a fraction of a second, which a person
who has just approved a request and opens the dashboard would notice. So any request that
may write (POST, PUT, PATCH, DELETE) *pins* its user to the primary for
``REPLICA_PIN_SECONDS``: a cookie on that browser, and a marker in the cache for the account
(with a shared ``CACHE_URL``, every web process and device of the person sees it). A marked
view of a pinned person reads the primary.

Also on the primary, whatever the view: reads inside a transaction on the primary (they must
see what it wrote), and every read when the replica does not answer (the page is served from
the primary; a warning is logged).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import Any, cast

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase

REPLICA = "replica"
PIN_COOKIE = "fleksi_primary"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

log = logging.getLogger(__name__)
_on_replica: ContextVar[bool] = ContextVar("fleksi_on_replica", default=False)


def configured() -> bool:
    return REPLICA in settings.DATABASES


def pin_seconds() -> int:
    return int(getattr(settings, "REPLICA_PIN_SECONDS", 15))


def _pin_key(user_id: Any) -> str:
    return f"fleksi:replica-pin:{user_id}"


class ReplicaRouter:
    """Reads of a marked view go to ``replica`` (when configured); all else to the primary.
    Migrations run on the primary only (the replica receives them by streaming)."""

    def db_for_read(self, model: Any, **hints: Any) -> str:
        if _on_replica.get() and configured() and not connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return REPLICA
        return DEFAULT_DB_ALIAS

    def db_for_write(self, model: Any, **hints: Any) -> str:
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        return True  # the same database, one of them a copy

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db != REPLICA


@contextmanager
def replica_reads() -> Iterator[None]:
    """Reads inside go to the replica (when configured and answering)."""
    token = _on_replica.set(True)
    try:
        yield
    finally:
        _on_replica.reset(token)


def reading_replica() -> bool:
    """Whether a read made now would go to the replica."""
    return ReplicaRouter().db_for_read(None) == REPLICA


def pinned(request: HttpRequest) -> bool:
    """Whether this person acted in the last ``REPLICA_PIN_SECONDS`` (reads the primary)."""
    if request.COOKIES.get(PIN_COOKIE):
        return True
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated and cache.get(_pin_key(user.pk)))


def pin(request: HttpRequest, response: HttpResponseBase) -> None:
    seconds = pin_seconds()
    response.set_cookie(
        PIN_COOKIE,
        "1",
        max_age=seconds,
        httponly=True,
        samesite="Lax",
        secure=bool(settings.SESSION_COOKIE_SECURE),
    )
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        cache.set(_pin_key(user.pk), 1, seconds)


def _replica_answers() -> bool:
    try:
        connections[REPLICA].ensure_connection()
    except DatabaseError:
        log.warning("the read replica does not answer; reading the primary", exc_info=True)
        return False
    return True


def _streamed_on_replica(chunks: Iterable[Any]) -> Iterator[Any]:
    with replica_reads():
        yield from chunks


def reads_from_replica[V: Callable[..., HttpResponseBase]](view: V) -> V:
    """Mark a view that only reads (a dashboard, a report, an export): its queries go to the
    replica unless its user just acted. A streamed answer reads the replica while it is
    written, too."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not configured() or pinned(request) or not _replica_answers():
            return view(request, *args, **kwargs)
        with replica_reads():
            response = view(request, *args, **kwargs)
        if isinstance(response, StreamingHttpResponse) and not response.is_async:
            chunks = cast(Iterator[bytes], response.streaming_content)  # not async: checked
            response.streaming_content = _streamed_on_replica(chunks)
        return response

    wrapped.reads_from_replica = True  # type: ignore[attr-defined]
    return wrapped  # type: ignore[return-value]


class ReadYourWritesMiddleware:
    """After a request that may write, pin its person to the primary for a while."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if configured() and request.method in UNSAFE_METHODS and response.status_code < 500:
            pin(request, response)
        return response


def replica_status() -> dict[str, Any]:
    """For /health/ready: the replica's lag behind the primary, as information (a replica
    that does not answer does not make the instance unready: marked views read the primary)."""
    if not configured():
        return {"ok": True, "configured": False}
    try:
        with connections[REPLICA].cursor() as cursor:
            cursor.execute(
                "SELECT pg_is_in_recovery(),"
                " EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())"
            )
            recovering, lag = cursor.fetchone()
    except Exception as exc:  # whatever the replica's trouble, the instance stays ready
        return {"ok": True, "configured": True, "answers": False, "error": type(exc).__name__}
    return {
        "ok": True,
        "configured": True,
        "answers": True,
        "standby": bool(recovering),
        "lag_s": round(float(lag), 1) if lag is not None else None,
    }
