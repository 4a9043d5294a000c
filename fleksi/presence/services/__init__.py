"""Writes of presence: check-ins (the hot path), the manual fallback, the retention job."""

from fleksi.presence.services.checkins import (
    CheckinIn,
    CheckinResult,
    TooLate,
    checkin_record,
)
from fleksi.presence.services.manual import (
    manual_request_create,
    manual_request_decide,
)
from fleksi.presence.services.retention import positions_remove_expired

__all__ = [
    "CheckinIn",
    "CheckinResult",
    "TooLate",
    "checkin_record",
    "manual_request_create",
    "manual_request_decide",
    "positions_remove_expired",
]
