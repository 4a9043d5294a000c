"""A minimal iCalendar (RFC 5545) writer for all-day events: enough for a person's WFA days
in any calendar application. Lines end in CRLF, text is escaped (§3.3.11) and long lines
are folded at 75 octets (§3.1) without splitting a UTF-8 character."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

MAX_OCTETS = 75


@dataclass(frozen=True)
class AllDayEvent:
    uid: str
    day: date
    summary: str
    description: str = ""
    location: str = ""
    stamp: datetime | None = None  # when the event last changed (UTC); default: now


def escape_text(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line into chunks of at most 75 octets (continuations start with a
    space, which counts towards their 75)."""
    out: list[str] = []
    current = ""
    size = 0
    limit = MAX_OCTETS
    for char in line:
        n = len(char.encode("utf-8"))
        if size + n > limit:
            out.append(current)
            current, size, limit = " ", 1, MAX_OCTETS
        current += char
        size += n
    out.append(current)
    return "\r\n".join(out)


def _stamp(value: datetime | None) -> str:
    moment = (value or datetime.now(UTC)).astimezone(UTC)
    return moment.strftime("%Y%m%dT%H%M%SZ")


def calendar_text(
    events: Iterable[AllDayEvent], *, name: str, product: str = "-//Fleksi//WFA//ID"
) -> str:
    """The whole calendar as text (``text/calendar; charset=utf-8``)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{product}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"DTSTAMP:{_stamp(event.stamp)}",
            f"DTSTART;VALUE=DATE:{event.day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{event.day + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{escape_text(event.summary)}",
        ]
        if event.location:
            lines.append(f"LOCATION:{escape_text(event.location)}")
        if event.description:
            lines.append(f"DESCRIPTION:{escape_text(event.description)}")
        lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
