"""The server's signed time for the phone: the anchor of an offline check-in's evidence.

Every answer of the check-in API carries a *contact* token: the employee and the server's
time, signed (HMAC with the secret key, ``django.core.signing``). The phone keeps the last one
with its monotonic clock reading; an offline check-in sends it back with the monotonic time
elapsed since. A token cannot be made, moved to another employee or dated later without the
key; a stale one only widens the bound, which the check-in's rule then shows.
"""

from __future__ import annotations

from datetime import UTC, datetime

from django.core import signing
from django.utils import timezone

_SIGNER = signing.Signer(salt="fleksi.presence.contact")


def contact_issue(employee_id: int, at: datetime | None = None) -> str:
    moment = at or timezone.now()
    return _SIGNER.sign(f"{employee_id}:{int(moment.timestamp() * 1000)}")


def contact_read(token: str, employee_id: int) -> datetime | None:
    """The server time in ``token`` if it was issued to ``employee_id``; None otherwise."""
    try:
        value = _SIGNER.unsign(token)
        owner, millis = value.split(":", 1)
        if int(owner) != employee_id:
            return None
        return datetime.fromtimestamp(int(millis) / 1000, tz=UTC)
    except (signing.BadSignature, ValueError, OverflowError, OSError):
        return None
