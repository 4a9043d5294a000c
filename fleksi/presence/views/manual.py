"""The manual fallback: ask for a check-in, and the supervisor's decision."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from fleksi.accounts.current import user_of
from fleksi.common.errors import ServiceError
from fleksi.org.selectors import employee_get
from fleksi.presence.forms import DecideForm, ManualRequestForm
from fleksi.presence.permissions import access_manual_request, checkin_employee_id
from fleksi.presence.selectors.checkins import manual_requests_of, manual_requests_to_decide
from fleksi.presence.selectors.facts import day_rules
from fleksi.presence.services import manual_request_create, manual_request_decide


@login_required
def manual_list(request: HttpRequest) -> HttpResponse:
    employee_id = checkin_employee_id(user_of(request))
    if employee_id is None:
        raise Http404
    return render(
        request,
        "presence/manual_list.html",
        {
            "mine": manual_requests_of(employee_id)[:50],
            "to_decide": manual_requests_to_decide(employee_id),
            "decide_form": DecideForm(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def manual_new(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    employee_id = checkin_employee_id(user)
    if employee_id is None:
        raise Http404
    today = timezone.localdate()
    per_day = day_rules(today).params.checkins_per_day
    form = ManualRequestForm(
        request.POST or None, per_day=per_day, initial={"day": today, "mode": "onsite"}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            manual_request_create(
                actor=user,
                employee=employee_get(employee_id),
                day=data["day"],
                slot=data["slot"],
                mode=data["mode"],
                at=data["time"],
                reason=data["reason"],
            )
        except ServiceError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Your request was sent to your supervisor."))
            return redirect("presence:manual_list")
    return render(request, "presence/manual_new.html", {"form": form})


@login_required
@require_POST
def manual_decide(request: HttpRequest, request_id: int) -> HttpResponse:
    user = user_of(request)
    req = access_manual_request(user, request_id, decide=True)
    form = DecideForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose to approve or reject."))
        return redirect("presence:manual_list")
    approve = form.cleaned_data["decision"] == "approve"
    try:
        manual_request_decide(
            actor=user, request=req, approve=approve, note=form.cleaned_data["note"]
        )
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request, _("The check-in was recorded.") if approve else _("The request was rejected.")
        )
    return redirect("presence:manual_list")
