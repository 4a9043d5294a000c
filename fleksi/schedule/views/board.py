"""The unit board (who is where, per day or week, against each unit's minimum) and the
absences that lower the on-site count."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fleksi.accounts.current import user_of
from fleksi.accounts.permissions import scope_for
from fleksi.common.errors import ServiceError
from fleksi.common.views import report_error
from fleksi.org.models import Employee, Unit
from fleksi.schedule import permissions as perms
from fleksi.schedule.forms import AbsenceForm
from fleksi.schedule.models import Absence
from fleksi.schedule.selectors.board import unit_board
from fleksi.schedule.services.absences import absence_create, absence_delete
from fleksi.schedule.views.common import day_param


def _unit(request: HttpRequest) -> Unit | None:
    user = user_of(request)
    if not perms.may_see_board(user):
        raise Http404
    raw = request.GET.get("unit", "")
    if raw.isdigit():
        return perms.access_board_unit(user, int(raw))
    return perms.default_board_unit(user)


@login_required
def board(request: HttpRequest) -> HttpResponse:
    unit = _unit(request)
    if unit is None:
        top = Unit.objects.filter(parent__isnull=True, is_active=True).order_by("name")
        return render(request, "schedule/board_pick.html", {"units": top})
    day = day_param(request.GET.get("day"), timezone.localdate() + timedelta(days=1))
    week = request.GET.get("view") == "week"
    if week:
        monday = day - timedelta(days=day.weekday())
        days = [monday + timedelta(days=i) for i in range(5)]
        step = timedelta(days=7)
    else:
        days, step = [day], timedelta(days=1)
    found = unit_board(unit, days)
    return render(
        request,
        "schedule/board.html",
        {
            "b": found,
            "heads": list(zip(found.days, found.working, strict=True)),
            "unit": unit,
            "day": day,
            "week": week,
            "previous": days[0] - step,
            "next": days[0] + step,
            "children": Unit.objects.filter(parent=unit, is_active=True).order_by("name"),
            "may_record": perms.may_record_absences_in(user_of(request), unit),
            # The head's keputusan listing who works flexibly (app documents).
            "may_keputusan": scope_for(user_of(request)).heads(unit.path),
        },
    )


@login_required
def absences(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    unit = _unit(request)
    if unit is None:
        return redirect("schedule:board")
    may_record = perms.may_record_absences_in(user, unit)
    form = AbsenceForm(request.POST or None)
    if request.method == "POST":
        if not may_record:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            employee = (
                Employee.objects.select_related("unit")
                .filter(nip=data["nip"].strip(), unit__path__startswith=unit.path, is_active=True)
                .first()
            )
            if employee is None:
                form.add_error("nip", _("No active employee of this unit has that NIP."))
            else:
                try:
                    absence_create(
                        actor=user,
                        employee=employee,
                        kind=data["kind"],
                        start=data["start"],
                        end=data["end"],
                        note=data["note"],
                    )
                except ServiceError as exc:
                    if exc.status == 403:
                        raise PermissionDenied from exc
                    report_error(request, exc, form)
                else:
                    messages.success(
                        request,
                        _("The absence of %(name)s was recorded.") % {"name": employee.name},
                    )
                    return redirect(f"{reverse('schedule:absences')}?unit={unit.pk}")
    today = timezone.localdate()
    listed = (
        Absence.objects.filter(employee__unit__path__startswith=unit.path, end__gte=today)
        .select_related("employee", "employee__unit")
        .order_by("start", "employee__name")[:300]
    )
    return render(
        request,
        "schedule/absences.html",
        {"unit": unit, "absences": listed, "form": form, "may_record": may_record},
    )


@login_required
@require_POST
def absence_remove(request: HttpRequest, absence_id: int) -> HttpResponse:
    user = user_of(request)
    absence = perms.access_absence(user, absence_id)
    unit_id = absence.employee.unit_id
    try:
        absence_delete(actor=user, absence=absence)
    except ServiceError as exc:
        if exc.status == 403:
            raise PermissionDenied from exc
        report_error(request, exc)
    else:
        messages.success(request, _("The absence was removed."))
    return redirect(f"{reverse('schedule:absences')}?unit={unit_id}")
