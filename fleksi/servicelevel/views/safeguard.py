"""The safeguard: alerts with baseline against recent values, their trace, and what to do."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fleksi.accounts.current import user_of
from fleksi.common.errors import ServiceError
from fleksi.common.pagination import paginate
from fleksi.servicelevel import permissions as perms
from fleksi.servicelevel.forms import NoteForm
from fleksi.servicelevel.messages import METRIC_LABELS, OUTCOME_LABELS, metric_value
from fleksi.servicelevel.models import SafeguardAlert
from fleksi.servicelevel.models.safeguard import ACTIVE_STATUSES
from fleksi.servicelevel.selectors import thresholds_on, wfa_start
from fleksi.servicelevel.services import alert_acknowledge, alert_close, alert_to_draft
from fleksi.servicelevel.views.common import today


def _row(alert: SafeguardAlert) -> dict[str, object]:
    unit = alert.service.processing_unit
    return {
        "alert": alert,
        "label": METRIC_LABELS[alert.metric],
        "baseline": metric_value(alert.metric, alert.baseline_value, unit),
        "recent": metric_value(alert.metric, alert.recent_value, unit),
    }


@login_required
def safeguard(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    perms.require_use(user)
    qs = perms.alerts_visible(user).select_related("service", "service__unit", "draft_version")
    show = request.GET.get("show", "active")
    if show != "all":
        qs = qs.filter(status__in=ACTIVE_STATUSES)
    page = paginate(qs.order_by("-fired_at", "-id"), request.GET)
    version, params, _t = thresholds_on(today())
    return render(
        request,
        "servicelevel/safeguard.html",
        {
            "page": page,
            "rows": [_row(a) for a in page.page.object_list],
            "show": show,
            "version": version,
            "params": params,
            "wfa": wfa_start(),
        },
    )


@login_required
def alert_detail(request: HttpRequest, alert_id: int) -> HttpResponse:
    user = user_of(request)
    alert = perms.access_alert(user, alert_id)
    unit = alert.service.processing_unit
    metrics = [
        {
            **m,
            "label": METRIC_LABELS.get(m["metric"], m["metric"]),
            "baseline_text": metric_value(m["metric"], m["baseline"], unit),
            "recent_text": metric_value(m["metric"], m["recent"], unit),
            "outcome_label": OUTCOME_LABELS.get(m["outcome"], m["outcome"]),
        }
        for m in alert.trace.get("metrics", [])
    ]
    return render(
        request,
        "servicelevel/alert.html",
        {
            **_row(alert),
            "metrics": metrics,
            "trace": alert.trace,
            "may_respond": perms.may_respond(user, alert.service.unit),
            "may_draft": perms.may_draft(user),
            "form": NoteForm(),
        },
    )


def _act(request: HttpRequest, alert_id: int, action: str) -> HttpResponse:
    user = user_of(request)
    alert = perms.access_alert(user, alert_id, action="draft" if action == "draft" else "respond")
    form = NoteForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        if action == "acknowledge":
            alert_acknowledge(actor=user, alert=alert, note=note)
            messages.success(request, _("The alert is acknowledged."))
        elif action == "close":
            alert_close(actor=user, alert=alert, note=note)
            messages.success(request, _("The alert is closed."))
        else:
            draft = alert_to_draft(actor=user, alert=alert)
            messages.success(
                request,
                _("Draft policy change “%(number)s” created: open it in the simulation.")
                % {"number": draft.regulation_number},
            )
    except ServiceError as exc:
        messages.error(request, exc.message)
    return redirect("servicelevel:alert", alert.pk)


@login_required
@require_POST
def alert_acknowledge_view(request: HttpRequest, alert_id: int) -> HttpResponse:
    return _act(request, alert_id, "acknowledge")


@login_required
@require_POST
def alert_close_view(request: HttpRequest, alert_id: int) -> HttpResponse:
    return _act(request, alert_id, "close")


@login_required
@require_POST
def alert_draft_view(request: HttpRequest, alert_id: int) -> HttpResponse:
    return _act(request, alert_id, "draft")
