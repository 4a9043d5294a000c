"""A database that cannot answer right now is not a bug of the caller nor of Fleksi.

:func:`classify` turns a database exception into an HTTP status and a stable code: a deadlock
or a serialization failure (PostgreSQL 40P01 / 40001) is a conflict the caller can retry (409
``concurrent_update``); a lost connection or a locked database is a temporary outage (503
``database_unavailable``, with ``Retry-After``); a value the database refuses (out of range,
NUL, too long) is bad input (400 ``invalid_value``); a broken uniqueness or check rule after a
race is a conflict (409 ``conflict``). The API answers JSON with the code, pages answer a
friendly page (see :mod:`fleksi.common.views`); neither ever shows a bare 500.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import DatabaseError, DataError, IntegrityError, InterfaceError, OperationalError
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

RETRY_AFTER_SECONDS = 5
RETRYABLE_SQLSTATES = {"40001", "40P01"}  # serialization_failure, deadlock_detected


@dataclass(frozen=True)
class DbFailure:
    status: int
    code: str
    message: Promise


def _sqlstate(exc: BaseException) -> str:
    cause = exc.__cause__
    return str(getattr(cause, "sqlstate", "") or getattr(cause, "pgcode", "") or "")


def classify(exc: BaseException) -> DbFailure | None:
    """The answer for a database exception, or None when ``exc`` is not one."""
    if isinstance(exc, OverflowError):  # SQLite: an integer beyond 64 bits as a parameter
        return DbFailure(400, "invalid_value", _("This value is outside the allowed range."))
    if not isinstance(exc, DatabaseError):
        return None
    if _sqlstate(exc) in RETRYABLE_SQLSTATES:
        return DbFailure(
            409,
            "concurrent_update",
            _("Someone else changed the same data at the same moment. Please try again."),
        )
    if isinstance(exc, DataError):
        return DbFailure(400, "invalid_value", _("This value is outside the allowed range."))
    if isinstance(exc, IntegrityError):
        return DbFailure(409, "conflict", _("The data changed meanwhile. Reload it and try again."))
    if isinstance(exc, OperationalError | InterfaceError):
        return DbFailure(
            503,
            "database_unavailable",
            _("The database is busy or unreachable for a moment. Please try again shortly."),
        )
    return DbFailure(
        503,
        "database_unavailable",
        _("The database is busy or unreachable for a moment. Please try again shortly."),
    )
