"""Pages of the monthly duty rosters (phone first): the rosters one may see, one roster's
month (each person's shifts), for the roster's managers the import of the "jadwal dinas"
and publishing, and the swaps of shifts: a person on a published roster asks to exchange a
day with a colleague, the roster's manager approves (the shifts are exchanged) or rejects."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.timezone import localdate
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from fleksi.accounts.current import user_of
from fleksi.accounts.models import User
from fleksi.accounts.permissions import scope_for
from fleksi.common.domain.months import parse_month
from fleksi.common.errors import ServiceError
from fleksi.common.formats import day_text
from fleksi.common.importing.messages import rows_for_page
from fleksi.org.models import Employee
from fleksi.worktime.importing import MESSAGES, duty_roster_import
from fleksi.worktime.models import DutyRoster, DutyShift, DutySwap
from fleksi.worktime.permissions import (
    access_roster,
    access_swap,
    access_unit_to_plan,
    may_manage_unit,
    rosters_visible_to,
    swaps_visible_to,
    units_to_plan,
)
from fleksi.worktime.services import (
    duty_roster_publish,
    duty_swap_decide,
    duty_swap_request,
    month_days,
    roster_pattern,
)


def _list(request: HttpRequest, extra: dict[str, Any] | None = None) -> HttpResponse:
    user = user_of(request)
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
    user = user_of(request)
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
    user = user_of(request)
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
    user = user_of(request)
    roster = access_roster(user, roster_id, manage=True)
    try:
        duty_roster_publish(actor=user, roster=roster)
    except ServiceError as exc:
        messages.error(request, _errors_by_day(exc))
    else:
        messages.success(request, _("The duty roster is published: it is now everyone's schedule."))
    return redirect("worktime:roster", roster_id=roster.pk)


# --- swaps of shifts --------------------------------------------------------------------


def _shift_labels(roster: DutyRoster) -> dict[str, str]:
    """Shift code -> "P (07.00–14.00)"; an empty code is a day off."""
    labels = {"": _("Day off")}
    try:
        pattern = roster_pattern(roster.month, roster.pattern_code)
    except ServiceError:
        return labels
    for code, shift in pattern.shifts.items():
        labels[code] = f"{code} ({shift.start:%H.%M}–{shift.end:%H.%M})"
    return labels


def _swap_context(user: User, roster: DutyRoster, error: str = "") -> dict[str, Any]:
    labels = _shift_labels(roster)
    codes: dict[tuple[int, date], str] = {}
    names: dict[int, str] = {}
    for e, name, day, code in DutyShift.objects.filter(roster=roster).values_list(
        "employee_id", "employee__name", "day", "shift_code"
    ):
        codes[(e, day)] = code
        names[e] = name
    mine = scope_for(user).employee_id
    manage = may_manage_unit(user, roster.unit)
    days: list[tuple[str, str]] = []
    if roster.status == DutyRoster.Status.PUBLISHED and mine in names:
        today = localdate()
        days = [
            (d.isoformat(), f"{date_format(d, 'l, j F')} — {labels.get(codes[(mine, d)], '?')}")
            for d in month_days(roster.month)
            if d >= today and (mine, d) in codes
        ]
    swaps = [
        {
            "swap": sw,
            "mine": labels.get(codes.get((sw.requester_id, sw.day), ""), "?"),
            "theirs": labels.get(codes.get((sw.other_id, sw.day), ""), "?"),
            "decide": manage and sw.status == DutySwap.Status.PENDING,
        }
        for sw in swaps_visible_to(user, roster).order_by("-created_at")[:200]
    ]
    colleagues = sorted(((e, n) for e, n in names.items() if e != mine), key=lambda i: i[1])
    return {
        "roster": roster,
        "swaps": swaps,
        "manage": manage,
        "days": days,
        "colleagues": colleagues if days else [],
        "error": error,
    }


def _swap_ask(request: HttpRequest, user: User, roster: DutyRoster) -> str:
    """Ask for the swap the form describes; "" when it was sent, else what is wrong."""
    try:
        day = date.fromisoformat(request.POST.get("day", ""))
        other = Employee.objects.get(pk=int(request.POST.get("other", "")))
    except (ValueError, Employee.DoesNotExist):
        return _("Choose a day and a colleague of this roster.")
    if user.employee_id is None:
        return _("Only employees swap shifts.")
    try:
        duty_swap_request(
            actor=user,
            requester=Employee.objects.get(pk=user.employee_id),
            roster=roster,
            day=day,
            other=other,
            reason=request.POST.get("reason", "").strip(),
        )
    except ServiceError as exc:
        return str(exc.message)
    return ""


@login_required
@require_http_methods(["GET", "POST"])
def roster_swaps(request: HttpRequest, roster_id: int) -> HttpResponse:
    """The swaps of a roster; a person on the published roster asks for one here."""
    user = user_of(request)
    roster = access_roster(user, roster_id)
    if request.method == "POST":
        error = _swap_ask(request, user, roster)
        if not error:
            messages.success(request, _("Your swap request was sent to the roster's manager."))
            return redirect("worktime:roster_swaps", roster_id=roster.pk)
        return render(
            request, "worktime/swaps.html", _swap_context(user, roster, error), status=400
        )
    return render(request, "worktime/swaps.html", _swap_context(user, roster))


def _errors_by_day(exc: ServiceError) -> str:
    """A service error's per-day details as a sentence (the API keeps ISO days as keys)."""
    details = exc.params.get("errors") or {}
    short = "; ".join(
        f"{day_text(date.fromisoformat(day))}: {' '.join(v)}"
        for day, v in list(details.items())[:5]
    )
    return f"{exc.message} {short}".strip()


@login_required
@require_POST
def swap_decide(request: HttpRequest, swap_id: int) -> HttpResponse:
    """The roster's manager approves (the two shifts are exchanged) or rejects a swap."""
    user = user_of(request)
    swap = access_swap(user, swap_id)
    decision = request.POST.get("decision")
    if decision not in {"approve", "reject"}:
        messages.error(request, _("Choose to approve or to reject."))
        return redirect("worktime:roster_swaps", roster_id=swap.roster_id)
    try:
        duty_swap_decide(actor=user, swap=swap, approve=decision == "approve")
    except ServiceError as exc:
        messages.error(request, _errors_by_day(exc))
    else:
        messages.success(
            request,
            _("The swap is approved: the two shifts are exchanged.")
            if decision == "approve"
            else _("The swap is rejected."),
        )
    return redirect("worktime:roster_swaps", roster_id=swap.roster_id)
