"""When did a check-in happen, and did it wait on the device?

The device sends two readings of its own clock: ``device_time`` (when the button was pressed)
and ``sent_at`` (when this copy left the device). The server's clock at arrival corrects both:

- ``clock_offset`` = server arrival − ``sent_at`` (the device's clock error; the time on the
  wire is a second or two and is ignored);
- ``waited`` = ``sent_at`` − ``device_time`` (how long the check-in sat in the offline queue),
  measured on one clock, so a device whose clock is wrong still gets it right;
- the time that counts, ``checked_at`` = ``device_time`` + ``clock_offset``, never later than
  the arrival.

A check-in is **synced late** when it waited longer than a margin (``SYNC_MARGIN_SECONDS`` by
default, two minutes: finding a position takes up to ~20 s and a POST on 2G with retries up to
a minute). It is **expired** when it waited longer than the policy's
``offline_sync_window_hours``.

Without ``sent_at`` (an API client that sends only the device time) the arrival time is used
for a prompt check-in and ``waited`` is measured against the server clock; the device's clock
error is then known only for prompt check-ins.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

SYNC_MARGIN_SECONDS = 120


@dataclass(frozen=True)
class Timing:
    checked_at: datetime
    waited_s: float
    clock_offset_s: float | None  # server minus device; None when it cannot be known
    synced_late: bool

    def expired(self, window_hours: int) -> bool:
        """Waited longer than the policy's offline sync window."""
        return self.waited_s > window_hours * 3600


def timing_of(
    *,
    device_time: datetime,
    sent_at: datetime | None,
    received_at: datetime,
    margin_s: float = SYNC_MARGIN_SECONDS,
) -> Timing:
    offset: float | None
    if sent_at is not None:
        offset = (received_at - sent_at).total_seconds()
        waited = (sent_at - device_time).total_seconds()
        checked_at = device_time + timedelta(seconds=offset)
    else:
        waited = (received_at - device_time).total_seconds()
        prompt = waited <= margin_s
        offset = waited if prompt else None
        checked_at = received_at if prompt else device_time
    synced_late = waited > margin_s
    return Timing(
        checked_at=min(checked_at, received_at),
        waited_s=waited,
        clock_offset_s=offset,
        synced_late=synced_late,
    )
