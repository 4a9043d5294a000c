"""A new request: choose the days (single days, a period or a weekly pattern), the kind and
the place, write the work plan; check the days first if you like, then submit. A request
returned for changes is revised with the same form, filled in from it, and sent again."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from fleksi.accounts.current import user_of
from fleksi.common.errors import ServiceError
from fleksi.common.views import report_error
from fleksi.org.selectors import employee_get
from fleksi.schedule import permissions as perms
from fleksi.schedule.domain.planning import PlanError
from fleksi.schedule.forms import PLAN_ERRORS, PLAN_ITEMS, SINGLE_DAYS, RequestForm
from fleksi.schedule.models import RequestDay, WfaRequest
from fleksi.schedule.selectors.planning import plan_days, plan_preview
from fleksi.schedule.services import request_submit
from fleksi.schedule.views.common import employee_id_of


@login_required
def request_new(request: HttpRequest) -> HttpResponse:
    return _request_form(request, None)


@login_required
def request_revise(request: HttpRequest, request_id: int) -> HttpResponse:
    """The returned request's form, filled in from it; sending it creates its revision."""
    user = user_of(request)
    original = perms.access_request(user, request_id)
    if not perms.may_cancel(user, original):
        raise PermissionDenied
    if hasattr(original, "revision"):
        messages.info(request, _("This request has already been revised and sent again."))
        return redirect("schedule:request_detail", request_id=original.revision.pk)
    if not original.days.filter(status=RequestDay.Status.RETURNED).exists():
        messages.error(
            request,
            _("Only a request with days returned for changes can be revised and sent again."),
        )
        return redirect("schedule:request_detail", request_id=original.pk)
    return _request_form(request, original)


def revision_initial(original: WfaRequest) -> dict[str, Any]:
    """The form's starting values from a returned request: its returned days still ahead,
    its kind, place, reason and work plan."""
    today = timezone.localdate()
    days = list(
        original.days.filter(status=RequestDay.Status.RETURNED, day__gte=today)
        .order_by("day")
        .values_list("day", flat=True)[:SINGLE_DAYS]
    )
    initial: dict[str, Any] = {
        "mode": "days",
        "kind": original.kind,
        "location_type": original.location_type,
        "office": original.office_id,
        "place": original.place_id,
        "reason": original.reason,
    }
    initial.update({f"day_{i}": d for i, d in enumerate(days, start=1)})
    for i, item in enumerate(original.plan_items.order_by("order")[:PLAN_ITEMS], start=1):
        initial[f"plan_{i}_description"] = item.description
        initial[f"plan_{i}_quantity"] = item.quantity
        initial[f"plan_{i}_unit"] = item.unit_of_measure
        initial[f"plan_{i}_due"] = item.due_date
    return initial


def _request_form(request: HttpRequest, revises: WfaRequest | None) -> HttpResponse:
    user = user_of(request)
    employee = employee_get(employee_id_of(request))
    form = RequestForm(
        request.POST or None,
        request.FILES or None,
        employee=employee,
        initial=revision_initial(revises) if revises is not None else None,
    )
    ctx: dict[str, Any] = {"form": form, "employee": employee, "revises": revises}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            planned = plan_days(form.spec(), employee.pk)
        except PlanError as exc:
            form.add_error(None, PLAN_ERRORS.get(exc.code, exc.code))
            return render(request, "schedule/request_form.html", ctx)
        ctx["skipped"] = planned.skipped
        if not planned.days:
            form.add_error(None, _("None of the chosen days is a working day."))
            return render(request, "schedule/request_form.html", ctx)
        location = data["location_type"]
        office = data["office"] if location == WfaRequest.Location.OFFICE else None
        place = data["place"] if location == WfaRequest.Location.APPROVED_PLACE else None
        if request.POST.get("action") == "preview":
            ctx["preview"] = plan_preview(
                employee=employee,
                days=planned.days,
                kind=data["kind"],
                location_type=location,
                desa_id=office.desa_id
                if office
                else place.desa_id
                if place
                else employee.domicile_id,
                duty_letter=bool(
                    data.get("duty_letter")
                    and data.get("duty_letter_number")
                    and data.get("duty_letter_date")
                ),
            )
            return render(request, "schedule/request_form.html", ctx)
        try:
            created = request_submit(
                actor=user,
                employee=employee,
                days=planned.days,
                kind=data["kind"],
                location_type=location,
                office=office,
                place=place,
                reason=data["reason"],
                evidence=data.get("evidence") or None,
                plan=data["plan"],
                revises=revises,
                duty_letter_number=data.get("duty_letter_number") or "",
                duty_letter_date=data.get("duty_letter_date"),
                duty_letter=data.get("duty_letter") or None,
            )
        except ServiceError as exc:
            report_error(request, exc, form)
        else:
            waiting = created.days.filter(status="pending").count()
            refused = created.days.filter(status="refused").count()
            if refused:
                messages.warning(
                    request,
                    _("Sent: %(w)d day(s) wait for approval; %(r)d day(s) refused by the rules.")
                    % {"w": waiting, "r": refused},
                )
            else:
                messages.success(
                    request, _("Sent: %(w)d day(s) wait for approval.") % {"w": waiting}
                )
            return redirect("schedule:request_detail", request_id=created.pk)
    return render(request, "schedule/request_form.html", ctx)
