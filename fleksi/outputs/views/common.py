from __future__ import annotations

from datetime import date

from django.http import Http404


def parse_day(text: str | None, default: date) -> date:
    if not text:
        return default
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise Http404 from None
