from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest

from fleksi.accounts.models import User
from fleksi.common.errors import ServiceError


def user_of(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def report_error(request: HttpRequest, exc: ServiceError, form: Any = None) -> None:
    """Show a service error: field errors on the form, the message on top."""
    errors = exc.params.get("errors") if exc.params else None
    if form is not None and errors:
        for field, texts in errors.items():
            for text in texts:
                form.add_error(field if field in form.fields else None, text)
    messages.error(request, exc.message)


def parse_day(text: str | None, default: date) -> date:
    if not text:
        return default
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise Http404 from None
