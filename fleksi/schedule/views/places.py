"""Approved places: my places and a proposal form; the head decides on proposals."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fleksi.accounts.current import user_of
from fleksi.common.errors import ServiceError
from fleksi.common.views import report_error
from fleksi.org.selectors import employee_get
from fleksi.schedule import permissions as perms
from fleksi.schedule.forms import PlaceDecisionForm, PlaceForm
from fleksi.schedule.models import WfaPlace
from fleksi.schedule.services.places import place_decide, place_propose

MAX_LISTED = 200


@login_required
def places(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    if user.employee_id is None and not perms.may_see_requests(user):
        raise Http404
    form = PlaceForm(request.POST or None)
    if request.method == "POST":
        if user.employee_id is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                place_propose(
                    actor=user, employee=employee_get(user.employee_id), **form.cleaned_data
                )
            except ServiceError as exc:
                report_error(request, exc, form)
            else:
                messages.success(
                    request,
                    _("The place was proposed; the official the Perbup names decides on it."),
                )
                return redirect("schedule:places")
    own = user.employee_id or 0
    mine = WfaPlace.objects.filter(employee_id=own).select_related("desa")
    others = (
        perms.places_visible_to(user)
        .exclude(employee_id=own)
        .select_related("employee", "employee__unit", "desa")
        .order_by("status", "-created_at")[:MAX_LISTED]
    )
    waiting = [p for p in others if p.status == WfaPlace.Status.PROPOSED]
    return render(
        request,
        "schedule/places.html",
        {
            "form": form if user.employee_id else None,
            "mine": mine,
            "waiting": [(p, perms.may_decide_place(user, p)) for p in waiting],
            "decided": [p for p in others if p.status != WfaPlace.Status.PROPOSED],
            "decision_form": PlaceDecisionForm(),
        },
    )


@login_required
@require_POST
def place_decision(request: HttpRequest, place_id: int) -> HttpResponse:
    user = user_of(request)
    place = perms.access_place(user, place_id)
    form = PlaceDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose approve or refuse."))
        return redirect("schedule:places")
    try:
        place_decide(
            actor=user,
            place=place,
            approve=form.cleaned_data["action"] == "approve",
            comment=form.cleaned_data["comment"],
        )
    except ServiceError as exc:
        if exc.status == 403:
            raise PermissionDenied from exc
        report_error(request, exc)
    else:
        messages.success(
            request, _("The place of %(name)s was decided.") % {"name": place.employee.name}
        )
    return redirect("schedule:places")
