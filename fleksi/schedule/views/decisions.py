"""The approver's inbox, deciding one request or many, and recalling approved days."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fleksi.accounts.current import user_of
from fleksi.common.confirm import confirm_first
from fleksi.common.errors import Conflict, ServiceError
from fleksi.common.formats import day_text
from fleksi.common.views import report_error
from fleksi.org.models import Employee
from fleksi.schedule import permissions as perms
from fleksi.schedule.forms import BulkForm, RecallForm
from fleksi.schedule.selectors.inbox import inbox_items, inbox_steps
from fleksi.schedule.selectors.permissions import may_decide_for
from fleksi.schedule.selectors.requests import request_view
from fleksi.schedule.services import (
    request_approve,
    request_recall,
    request_reject,
    request_return,
)
from fleksi.schedule.services.bulk import BulkItem, requests_decide_bulk
from fleksi.schedule.views.common import employee_id_of, posted_days

PER_PAGE = 20


def _refusals(request: HttpRequest, exc: ServiceError) -> None:
    """A refusal by the rules: the message, then each day's reasons."""
    messages.error(request, exc.message)
    for refusal in exc.params.get("refusals", []):
        for reason in refusal.get("reasons", []):
            messages.error(request, f"{refusal.get('day')}: {reason}")


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    employee = Employee(pk=employee_id_of(request))
    page = Paginator(inbox_steps(employee), PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "schedule/inbox.html",
        {"page": page, "items": inbox_items(list(page.object_list)), "bulk": BulkForm()},
    )


@login_required
@require_POST
def inbox_bulk(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    employee = Employee(pk=employee_id_of(request))
    form = BulkForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose approve or reject."))
        return redirect("schedule:inbox")
    if form.cleaned_data["action"] == "reject":
        ask = confirm_first(
            request,
            question=_("Reject the ticked days? The employees are told at once."),
            yes=_("Yes, reject"),
            back=reverse("schedule:inbox"),
        )
        if ask is not None:
            return ask
    picks = form.picks(request.POST.getlist("pick"))
    steps = {s.pk: s for s in inbox_steps(employee).filter(pk__in=list(picks))}
    items = [BulkItem(steps[pk], tuple(days)) for pk, days in picks.items() if pk in steps]
    try:
        outcome = requests_decide_bulk(
            actor=user,
            items=items,
            action=form.cleaned_data["action"],
            comment=form.cleaned_data["comment"],
        )
    except ServiceError as exc:
        report_error(request, exc)
        return redirect("schedule:inbox")
    if outcome.decided:
        messages.success(
            request,
            _("%(d)d day(s) of %(r)d request(s) decided.")
            % {"d": outcome.days, "r": len(outcome.decided)},
        )
    for failure in outcome.failed:
        messages.error(request, f"{failure.employee} (#{failure.request_id}): {failure.message}")
        for refusal in failure.refusals:
            for reason in refusal.get("reasons", []):
                messages.error(request, f"{refusal.get('day')}: {reason}")
    return redirect("schedule:inbox")


@login_required
@require_POST
def step_decide(request: HttpRequest, step_id: int) -> HttpResponse:
    user = user_of(request)
    step = perms.access_step(user, step_id)
    action = request.POST.get("action", "")
    comment = request.POST.get("comment", "")[:2000]
    days = posted_days(request)
    back = request.POST.get("next") == "inbox"
    if action == "reject":
        ask = confirm_first(
            request,
            question=_("Reject the chosen days of this request? The employee is told at once."),
            yes=_("Yes, reject"),
            back=reverse("schedule:inbox")
            if back
            else reverse("schedule:request_detail", args=[step.request_id]),
            details=[day_text(d) for d in days or ()],
        )
        if ask is not None:
            return ask
    try:
        if action == "approve":
            done = request_approve(actor=user, step=step, days=days, comment=comment)
            messages.success(request, _("%(n)d day(s) approved.") % {"n": len(done)})
        elif action == "reject":
            done = request_reject(actor=user, step=step, days=days, comment=comment)
            messages.success(request, _("%(n)d day(s) rejected.") % {"n": len(done)})
        elif action == "return":
            request_return(actor=user, step=step, comment=comment)
            messages.success(request, _("Returned to the employee for changes."))
        else:
            messages.error(request, _("Choose approve, reject or return."))
    except Conflict as exc:
        if exc.code == "rules_refuse":
            _refusals(request, exc)
        else:
            report_error(request, exc)
    except ServiceError as exc:
        if exc.status == 403:
            raise PermissionDenied from exc
        report_error(request, exc)
    if back:
        return redirect("schedule:inbox")
    return redirect("schedule:request_detail", request_id=step.request_id)


@login_required
def recall(request: HttpRequest, request_id: int) -> HttpResponse:
    user = user_of(request)
    wfa = perms.access_request(user, request_id)
    if not may_decide_for(user, wfa):
        raise PermissionDenied
    view = request_view(wfa)
    form = RecallForm(request.POST or None, days=view.recallable)
    if request.method == "POST" and form.is_valid():
        ask = confirm_first(
            request,
            question=_("Recall these WFA days? The employee must work on site on them."),
            yes=_("Yes, recall"),
            back=reverse("schedule:request_detail", args=[wfa.pk]),
            details=[day_text(d) for d in form.cleaned_data["days"]],
        )
        if ask is not None:
            return ask
        try:
            n = request_recall(
                actor=user,
                request=wfa,
                days=form.cleaned_data["days"],
                reason=form.cleaned_data["reason"],
            )
        except ServiceError as exc:
            report_error(request, exc, form)
        else:
            messages.success(request, _("%(n)d day(s) recalled; the employee was told.") % {"n": n})
            return redirect("schedule:request_detail", request_id=wfa.pk)
    return render(request, "schedule/recall.html", {"r": wfa, "view": view, "form": form})
