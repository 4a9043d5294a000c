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

**The time that counts cannot be backdated** (issue 13 §4, threat model in docs/presence.md).
A prompt (online) check-in takes the server's time of arrival. An offline copy's claim is
believed only within the bound its *evidence* gives: the last contact with the server (a time
the server signed) plus the phone's monotonic elapsed time from that contact to the press (a
clock that changing the device's date and time does not move), and at the other end the
arrival minus the monotonic time from the press to the sending. A claim inside the bound
(with ``TOLERANCE_SECONDS``) is ``proven``; a claim outside it is judged at the earliest time
the evidence allows (``outside``); a copy without usable evidence is judged at its arrival
(``unproven``). Both of the latter are flagged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

SYNC_MARGIN_SECONDS = 120
TOLERANCE_SECONDS = 120  # monotonic clocks that pause in deep sleep, the time on the wire

SERVER = "server"  # online: the server's time of arrival
PROVEN = "proven"  # offline, the claim lies inside the evidence's bound
OUTSIDE = "outside"  # offline, the claim lies outside it: judged at the bound
UNPROVEN = "unproven"  # offline without usable evidence: judged at the arrival
PROOFS = (SERVER, PROVEN, OUTSIDE, UNPROVEN)


@dataclass(frozen=True)
class Evidence:
    """What the phone recorded about an offline check-in, checked by the server."""

    contact_at: datetime  # the server's time at the last contact (from a signed token)
    since_contact_s: float  # monotonic seconds from that contact to the press
    since_press_s: float | None = None  # monotonic seconds from the press to the sending


@dataclass(frozen=True)
class Timing:
    checked_at: datetime
    waited_s: float
    clock_offset_s: float | None  # server minus device; None when it cannot be known
    synced_late: bool
    proof: str = SERVER
    claimed_at: datetime | None = None  # what the device said, on the server's clock
    earliest: datetime | None = None  # the evidence's lower bound

    def expired(self, window_hours: int) -> bool:
        """Waited longer than the policy's offline sync window."""
        return self.waited_s > window_hours * 3600


def timing_of(
    *,
    device_time: datetime,
    sent_at: datetime | None,
    received_at: datetime,
    margin_s: float = SYNC_MARGIN_SECONDS,
    evidence: Evidence | None = None,
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
    claimed = min(checked_at, received_at)
    if not synced_late:
        return Timing(received_at, waited, offset, False, SERVER, claimed)
    proof, at, earliest = _bounded(claimed, received_at, evidence)
    return Timing(at, waited, offset, True, proof, claimed, earliest)


def _bounded(
    claimed: datetime, received_at: datetime, evidence: Evidence | None
) -> tuple[str, datetime, datetime | None]:
    """The proof of an offline claim and the time that counts."""
    if evidence is None or evidence.contact_at > received_at or evidence.since_contact_s < 0:
        return UNPROVEN, received_at, None
    tolerance = timedelta(seconds=TOLERANCE_SECONDS)
    earliest = min(evidence.contact_at + timedelta(seconds=evidence.since_contact_s), received_at)
    latest = received_at - timedelta(seconds=max(0.0, evidence.since_press_s or 0.0))
    if earliest - tolerance <= claimed <= latest + tolerance:
        return PROVEN, claimed, earliest
    return OUTSIDE, earliest, earliest
