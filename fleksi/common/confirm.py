"""Destructive actions ask first, with or without JavaScript (issue 16).

A view that cancels, rejects, recalls or revokes calls :func:`confirm_first` before it acts:
unless the POST carries ``confirm=1`` it answers with a page that asks the question, lists
what would change and posts the same fields again with ``confirm=1`` (a real step that works
without JavaScript). With JavaScript, ``fleksi/confirm.js`` asks in the page and adds
``confirm=1`` itself, so the person is asked once."""

from __future__ import annotations

from collections.abc import Sequence

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

CONFIRM_FIELD = "confirm"


def confirmed(request: HttpRequest) -> bool:
    return request.POST.get(CONFIRM_FIELD) == "1"


def confirm_first(
    request: HttpRequest,
    *,
    question: str,
    yes: str,
    back: str,
    details: Sequence[str] = (),
) -> HttpResponse | None:
    """``None`` when the person has confirmed; else the page that asks (status 200)."""
    if confirmed(request):
        return None
    fields = [
        (key, value)
        for key in request.POST
        if key not in ("csrfmiddlewaretoken", CONFIRM_FIELD)
        for value in request.POST.getlist(key)
    ]
    return render(
        request,
        "common/confirm.html",
        {
            "question": question,
            "yes": yes,
            "back": back,
            "details": details,
            "fields": fields,
            "action": request.get_full_path(),
        },
    )
