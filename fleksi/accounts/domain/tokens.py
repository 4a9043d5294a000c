"""What an API token of each scope may do, as pure data.

``read`` reads (GET/HEAD/OPTIONS) whatever its owner may read; ``checkin`` may only check in
and read the caller's own day and profile (a phone or kiosk needs no more); ``full`` does
what its owner may do. The owner's scope still applies on top.
"""

from __future__ import annotations

READ = "read"
CHECKIN = "checkin"
FULL = "full"

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# API operation names (``url_name``) a check-in token may call.
CHECKIN_OPERATIONS = frozenset({"me", "presence_checkin_create", "presence_today"})

DEFAULT_DAYS = 90
MAX_DAYS = 365


def token_allows(scope: str, method: str, operation: str | None) -> bool:
    if scope == FULL:
        return True
    if scope == READ:
        return method.upper() in SAFE_METHODS
    if scope == CHECKIN:
        return operation in CHECKIN_OPERATIONS
    return False
