"""Shared parts of the service-level pages."""

from __future__ import annotations

from datetime import date, timedelta

from django.http import HttpRequest
from django.utils import timezone

from fleksi.common.errors import ServiceError
from fleksi.servicelevel.domain.cells import RowProblem
from fleksi.servicelevel.messages import row_problem_message

MAX_PROBLEMS_SHOWN = 500


def date_param[D: (date, None)](request: HttpRequest, name: str, default: D) -> date | D:
    try:
        return date.fromisoformat(request.GET.get(name, ""))
    except ValueError:
        return default


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def today() -> date:
    return timezone.localdate()


def problem_rows(problems: list[RowProblem]) -> list[tuple[int, str, str]]:
    return [(p.line, p.column, row_problem_message(p)) for p in problems[:MAX_PROBLEMS_SHOWN]]


def field_errors(form: object, exc: ServiceError) -> None:
    """Put a service's per-field errors on the form (else on the form as a whole)."""
    errors = exc.params.get("errors") or {}
    for name, messages in errors.items():
        for message in messages:
            form.add_error(name if name in form.fields else None, message)  # type: ignore[attr-defined]
    if not errors:
        form.add_error(None, exc.message)  # type: ignore[attr-defined]
