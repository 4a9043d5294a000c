from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest
from django.utils import timezone

from fleksi.accounts.models import User
from fleksi.common.errors import ServiceError

MAX_DAYS_BACK = 400
MAX_DAYS_AHEAD = 400


def user_of(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


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


def report_error(request: HttpRequest, exc: ServiceError, form: Any = None) -> None:
    """Show a service error: field errors on the form, the message on top."""
    errors = exc.params.get("errors") if exc.params else None
    if form is not None and errors:
        for field, texts in errors.items():
            for text in texts:
                form.add_error(field if field in form.fields else None, text)
    messages.error(request, exc.message)


def posted_days(request: HttpRequest, field: str = "days") -> list[date] | None:
    """The ISO dates ticked in a form (``None`` when none were ticked: all days)."""
    days: list[date] = []
    for value in request.POST.getlist(field)[:100]:
        try:
            days.append(date.fromisoformat(value))
        except ValueError:
            continue
    return days or None
