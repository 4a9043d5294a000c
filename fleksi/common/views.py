"""Error pages that Django calls itself (``handler500``)."""

from __future__ import annotations

import json
import sys
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from fleksi.common.dberrors import RETRY_AFTER_SECONDS, classify
from fleksi.common.errors import ServiceError


def server_error(request: HttpRequest) -> HttpResponse:
    """A database failure becomes a friendly page (409/503, JSON under ``/api/``); anything else
    is the plain 500 page. Rendered without context processors: the database may be down."""
    exc = sys.exc_info()[1]
    failure = classify(exc) if exc is not None else None
    status = failure.status if failure else 500
    code = failure.code if failure else "server_error"
    message = str(failure.message) if failure else _("Something went wrong on our side.")
    if request.path.startswith("/api/"):
        response = HttpResponse(
            json.dumps({"code": code, "message": message}),
            status=status,
            content_type="application/json",
        )
    else:
        response = HttpResponse(
            render_to_string("error.html", {"message": message, "status": status}),
            status=status,
        )
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def report_error(request: HttpRequest, exc: ServiceError, form: Any = None) -> None:
    """Show a service error: field errors on the form, the message on top."""
    errors = exc.params.get("errors") if exc.params else None
    if form is not None and errors:
        for field, texts in errors.items():
            for text in texts:
                form.add_error(field if field in form.fields else None, text)
    messages.error(request, exc.message)
