"""Errors that services raise and the edges (pages, API, commands) turn into responses.

Each error has a stable ``code`` (for API clients and tests) and a translated ``message``
for people. Pure ``domain`` code raises its own errors with codes and parameters; the
layer above maps those codes to translated text.
"""

from __future__ import annotations

from typing import Any


class ServiceError(Exception):
    """A request that cannot be carried out as asked (the caller can fix it)."""

    status = 400

    def __init__(self, code: str, message: str, **params: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.params = params

    def __str__(self) -> str:
        return str(self.message)


class ValidationFailed(ServiceError):
    status = 400


class Conflict(ServiceError):
    """The state changed under the caller, or a limit would be broken."""

    status = 409


class NotAllowed(ServiceError):
    status = 403


class NotFound(ServiceError):
    status = 404
