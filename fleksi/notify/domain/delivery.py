"""When a failed e-mail is tried again, and when it is given up.

An e-mail is attempted at most :data:`MAX_ATTEMPTS` times. After the n-th failed attempt the
next one waits ``BASE_DELAY_SECONDS * FACTOR ** (n - 1)``: 1 minute, 5 minutes, 25 minutes,
about 2 hours — a mail server that is down for an afternoon still gets the message through.
"""

from __future__ import annotations

from datetime import timedelta

MAX_ATTEMPTS = 5
BASE_DELAY_SECONDS = 60
FACTOR = 5
ERROR_MAX_LENGTH = 500


def retry_delay(attempts_made: int) -> timedelta:
    """How long to wait after ``attempts_made`` failed attempts (1 or more)."""
    if attempts_made < 1:
        raise ValueError("attempts_made must be 1 or more")
    return timedelta(seconds=BASE_DELAY_SECONDS * FACTOR ** (attempts_made - 1))


def gives_up(attempts_made: int, max_attempts: int = MAX_ATTEMPTS) -> bool:
    """True when no further attempt is made after ``attempts_made`` failures."""
    return attempts_made >= max_attempts


def error_summary(exc: BaseException) -> str:
    """A short, single-line description of a failure for the notification row."""
    text = f"{type(exc).__name__}: {exc}".replace("\n", " ").strip()
    return text[:ERROR_MAX_LENGTH]
