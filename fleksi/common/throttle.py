"""Fixed-window counters in the cache, for sign-in throttling and API rate limits.

Cheap (an ``add`` and at most one ``incr`` on the cache per check, no database). With
several server processes the cache must be shared (see docs/operations.md), otherwise each
process counts on its own and the limits multiply by the number of processes.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


@dataclass(frozen=True)
class Rate:
    limit: int
    window_s: int

    @classmethod
    def parse(cls, text: str) -> Rate:
        """``"120/60"``: 120 per 60 seconds."""
        limit, _slash, window = text.partition("/")
        return cls(int(limit), int(window or 60))


def _key(kind: str, ident: str, rate: Rate, now: float) -> str:
    return f"throttle:{kind}:{ident}:{int(now // rate.window_s)}"


def retry_after(now: float, rate: Rate) -> int:
    return max(1, math.ceil(rate.window_s - (now % rate.window_s)))


def hit(kind: str, ident: str, rate: Rate, now: float | None = None) -> int:
    """Count one event; the seconds to wait when it is over the limit, else 0."""
    now = time.time() if now is None else now
    key = _key(kind, ident, rate, now)
    if cache.add(key, 1, timeout=rate.window_s + 1):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between the two calls
            cache.set(key, 1, timeout=rate.window_s + 1)
            count = 1
    return retry_after(now, rate) if count > rate.limit else 0


def over(kind: str, ident: str, rate: Rate, now: float | None = None) -> int:
    """The seconds to wait if the count has reached the limit (without counting), else 0."""
    now = time.time() if now is None else now
    count = cache.get(_key(kind, ident, rate, now), 0)
    return retry_after(now, rate) if count >= rate.limit else 0


def client_address(request: HttpRequest) -> str:
    """The caller's address: ``REMOTE_ADDR``, or the header a trusted reverse proxy sets
    (``CLIENT_ADDRESS_HEADER``, e.g. ``HTTP_X_REAL_IP``)."""
    header = getattr(settings, "FLEKSI_CLIENT_ADDRESS_HEADER", "")
    value = request.META.get(header, "") if header else ""
    return (value or request.META.get("REMOTE_ADDR", "") or "unknown").split(",")[0].strip()
