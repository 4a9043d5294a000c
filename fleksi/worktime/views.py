"""Pages of the monthly duty rosters (phone first): the rosters one may see, one roster's
month (each person's shifts), and for the roster's managers the import of the "jadwal dinas"
and publishing. Swaps go through the API (``/api/v1/worktime``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from fleksi.accounts.models import User
from fleksi.accounts.permissions import scope_for
from fleksi.common.domain.months import parse_month
from fleksi.common.errors import ServiceError
from fleksi.common.formats import day_text
from fleksi.common.importing.messages import rows_for_page
from fleksi.worktime.importing import MESSAGES, duty_roster_import
from fleksi.worktime.models import DutyShift
from fleksi.worktime.permissions import (
    access_roster,
    access_unit_to_plan,
    may_manage_unit,
    rosters_visible_to,
    units_to_plan,
)
from fleksi.worktime.services import duty_roster_publish, month_days


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _list(request: HttpRequest, extra: dict[str, Any] | None = None) -> HttpResponse:
    user = _user(request)
    context = {
        "rosters": rosters_visible_to(user).order_by("-month", "unit__name")[:100],
        "units": units_to_plan(user)[:500],
        **(extra or {}),
    }
    return render(request, "worktime/rosters.html", context)


@login_required
@require_GET
def roster_list(request: HttpRequest) -> HttpResponse:
    return _list(request)


@login_required
@require_POST
def roster_import(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    try:
        unit = access_unit_to_plan(user, int(request.POST.get("unit", "0") or 0))
    except ValueError:
        unit = None
    month = parse_month(request.POST.get("month"))
    if unit is None or month is None:
        messages.error(request, _("Choose a unit and a month."))
        return redirect("worktime:rosters")
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose the file of the duty roster."))
        return redirect("worktime:rosters")
    report = duty_roster_import(
        actor=user,
        unit=unit,
        month=month,
        pattern_code=request.POST.get("pattern", "").strip(),
        name=upload.name or "",
        data=upload.read(),
    )
    if report.applied:
        messages.success(request, _("The duty roster was saved as a draft."))
        return redirect("worktime:rosters")
    return _list(request, {"problems": rows_for_page(report.problems, MESSAGES, limit=200)})


@login_required
@require_GET
def roster_detail(request: HttpRequest, roster_id: int) -> HttpResponse:
    user = _user(request)
    roster = access_roster(user, roster_id)
    days = month_days(roster.month)
    grid: dict[int, dict[str, Any]] = {}
    for e, name, day, code in (
        DutyShift.objects.filter(roster=roster)
        .order_by("employee__name", "day")
        .values_list("employee_id", "employee__name", "day", "shift_code")
    ):
        row = grid.setdefault(e, {"name": name, "shifts": {}, "mine": False})
        row["shifts"][day] = code
    mine = scope_for(user).employee_id
    if mine in grid:
        grid[mine]["mine"] = True
    rows = [
        {**r, "cells": [r["shifts"].get(d, "") for d in days]}
        for r in sorted(grid.values(), key=lambda r: (not r["mine"], r["name"]))
    ]
    return render(
        request,
        "worktime/roster.html",
        {
            "roster": roster,
            "days": days,
            "rows": rows,
            "manage": may_manage_unit(user, roster.unit),
        },
    )


@login_required
@require_POST
def roster_publish(request: HttpRequest, roster_id: int) -> HttpResponse:
    user = _user(request)
    roster = access_roster(user, roster_id, manage=True)
    try:
        duty_roster_publish(actor=user, roster=roster)
    except ServiceError as exc:
        details = exc.params.get("errors") or {}
        # The API keeps ISO days as keys; a sentence names the day in words.
        short = "; ".join(
            f"{day_text(date.fromisoformat(day))}: {' '.join(v)}"
            for day, v in list(details.items())[:5]
        )
        messages.error(request, f"{exc.message} {short}".strip())
    else:
        messages.success(request, _("The duty roster is published: it is now everyone's schedule."))
    return redirect("worktime:roster", roster_id=roster.pk)
