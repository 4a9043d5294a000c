"""My WFA, the requests in the user's scope, one request, cancelling and its evidence."""

from __future__ import annotations

import mimetypes

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fleksi.accounts.current import user_of
from fleksi.common.confirm import confirm_first
from fleksi.common.errors import ServiceError
from fleksi.common.formats import day_text
from fleksi.common.pagination import paginate
from fleksi.common.views import report_error
from fleksi.schedule import permissions as perms
from fleksi.schedule.forms import DecisionForm
from fleksi.schedule.models import WfaPlace, WfaRequest
from fleksi.schedule.selectors.inbox import step_coverage
from fleksi.schedule.selectors.permissions import may_act_on_step, may_decide_for
from fleksi.schedule.selectors.requests import request_view, requests_with_days
from fleksi.schedule.services import request_cancel
from fleksi.schedule.views.common import employee_id_of, posted_days


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    employee_id = employee_id_of(request)
    qs = requests_with_days(WfaRequest.objects.filter(employee_id=employee_id))
    return render(
        request,
        "schedule/mine.html",
        {
            "page": paginate(qs.order_by("-submitted_at"), request.GET, per_page=20),
            "places": WfaPlace.objects.filter(employee_id=employee_id).count(),
        },
    )


@login_required
def request_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    if not perms.may_see_requests(user):
        raise Http404
    qs = perms.requests_visible_to(user)
    status = request.GET.get("status", "")
    if status in WfaRequest.Status.values:
        qs = qs.filter(status=status)
    text = request.GET.get("q", "").strip()[:100]
    if text:
        qs = (
            qs.filter(employee__nip=text)
            if text.isdigit()
            else qs.filter(employee__name__icontains=text)
        )
    return render(
        request,
        "schedule/request_list.html",
        {
            "page": paginate(requests_with_days(qs).order_by("-submitted_at"), request.GET),
            "statuses": WfaRequest.Status.choices,
            "status": status,
            "q": text,
        },
    )


@login_required
def request_detail(request: HttpRequest, request_id: int) -> HttpResponse:
    user = user_of(request)
    wfa = perms.access_request(user, request_id)
    view = request_view(wfa)
    step = view.pending_step
    may_decide = step is not None and may_act_on_step(user, step)
    waiting = [d.row.day for d in view.days if d.row.status == "pending"]
    revision = WfaRequest.objects.filter(revises=wfa).only("pk", "status").first()
    personal = perms.may_see_evidence(user, wfa)
    return render(
        request,
        "schedule/request_detail.html",
        {
            "r": wfa,
            "view": view,
            "is_own": perms.may_cancel(user, wfa),
            "may_decide": may_decide,
            "coverage": step_coverage(step, waiting) if may_decide and step and waiting else [],
            "decision_form": DecisionForm(days=waiting) if may_decide else None,
            "may_recall": bool(view.recallable) and may_decide_for(user, wfa),
            "may_personal": personal,
            "may_details": perms.may_see_details(user, wfa),
            "may_evidence": bool(wfa.evidence) and personal,
            "may_revise": perms.may_cancel(user, wfa)
            and revision is None
            and any(d.row.status == "returned" for d in view.days),
            "revision": revision,
        },
    )


@login_required
@require_POST
def request_cancel_view(request: HttpRequest, request_id: int) -> HttpResponse:
    user = user_of(request)
    wfa = perms.access_request(user, request_id)
    if not perms.may_cancel(user, wfa):
        raise PermissionDenied
    days = posted_days(request)
    # Cancelling is destructive: every remaining day only on the explicit "whole request"
    # button; the other button with nothing ticked cancels nothing and says why.
    if days is None and request.POST.get("scope") != "all":
        messages.error(
            request,
            _(
                "Nothing was cancelled: tick the days to cancel, or choose "
                "“Cancel the whole request”."
            ),
        )
        return redirect("schedule:request_detail", request_id=wfa.pk)
    if request.POST.get("scope") == "all":
        days = None
        ask = confirm_first(
            request,
            question=_("Cancel every remaining day of this request?"),
            yes=_("Yes, cancel every day"),
            back=reverse("schedule:request_detail", args=[wfa.pk]),
            details=[day_text(d) for d in request_view(wfa).cancellable],
        )
        if ask is not None:
            return ask
    try:
        n = request_cancel(actor=user, request=wfa, days=days)
    except ServiceError as exc:
        report_error(request, exc)
    else:
        messages.success(request, _("%(n)d day(s) cancelled.") % {"n": n})
    return redirect("schedule:request_detail", request_id=wfa.pk)


@login_required
def request_evidence(request: HttpRequest, request_id: int) -> FileResponse:
    user = user_of(request)
    wfa = perms.access_request(user, request_id)
    if not wfa.evidence:
        raise Http404
    if not perms.may_see_evidence(user, wfa):
        raise PermissionDenied
    name = wfa.evidence_name or "bukti"
    response = FileResponse(
        wfa.evidence.open("rb"),
        as_attachment=True,
        filename=name,
        content_type=mimetypes.guess_type(name)[0] or "application/octet-stream",
    )
    response["Cache-Control"] = "private, no-store"
    return response
