from __future__ import annotations

from datetime import date, timedelta

from django.http import Http404, HttpRequest
from django.utils import timezone

from fleksi.accounts.current import user_of

MAX_DAYS_BACK = 400
MAX_DAYS_AHEAD = 400


def employee_id_of(request: HttpRequest) -> int:
    """The signed-in employee (404 for accounts without an employee record)."""
    employee_id = user_of(request).employee_id
    if employee_id is None:
        raise Http404
    return employee_id


def day_param(value: str | None, default: date | None = None) -> date:
    today = timezone.localdate()
    try:
        day = date.fromisoformat(value or "")
    except ValueError:
        return default or today
    return min(
        max(day, today - timedelta(days=MAX_DAYS_BACK)), today + timedelta(days=MAX_DAYS_AHEAD)
    )


def posted_days(request: HttpRequest, field: str = "days") -> list[date] | None:
    """The ISO dates ticked in a form (``None`` when none were ticked: all days)."""
    days: list[date] = []
    for value in request.POST.getlist(field)[:100]:
        try:
            days.append(date.fromisoformat(value))
        except ValueError:
            continue
    return days or None
