"""The services of the public-service units, a service's figures, and the settings."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from fleksi.accounts.current import user_of
from fleksi.common.errors import ServiceError
from fleksi.common.pagination import paginate
from fleksi.servicelevel import permissions as perms
from fleksi.servicelevel.forms import ConfigForm, ServiceForm
from fleksi.servicelevel.messages import GRADE_LABELS, METRIC_LABELS, OUTCOME_LABELS, metric_value
from fleksi.servicelevel.models import Complaint, PublicService
from fleksi.servicelevel.models.safeguard import ACTIVE_STATUSES
from fleksi.servicelevel.selectors import (
    config_get,
    grade_scale,
    service_picture,
    service_trend,
    thresholds_on,
    wfa_start,
)
from fleksi.servicelevel.services import config_update, service_create, service_update
from fleksi.servicelevel.views.common import field_errors, today


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """The public-service units the user sees, with their services and active alerts."""
    user = user_of(request)
    perms.require_use(user)
    units = (
        perms.units_visible(user)
        .select_related("root")
        .annotate(
            n_services=Count(
                "public_services", filter=Q(public_services__is_active=True), distinct=True
            ),
            n_alerts=Count(
                "public_services__alerts",
                filter=Q(public_services__alerts__status__in=ACTIVE_STATUSES),
                distinct=True,
            ),
        )
        .order_by("path")
    )
    if request.GET.get("all") != "1":
        units = units.filter(n_services__gt=0)
    _version, params, _t = thresholds_on(today())
    return render(
        request,
        "servicelevel/index.html",
        {
            "page": paginate(units, request.GET),
            "show_all": request.GET.get("all") == "1",
            "may_edit": perms.may_edit_any(user),
            "may_configure": perms.may_configure(user),
            "wfa": wfa_start(),
            "params": params,
        },
    )


@login_required
def unit_services(request: HttpRequest, unit_id: int) -> HttpResponse:
    user = user_of(request)
    unit = perms.access_unit(user, unit_id)
    services = (
        PublicService.objects.filter(unit=unit)
        .annotate(n_alerts=Count("alerts", filter=Q(alerts__status__in=ACTIVE_STATUSES)))
        .order_by("-is_active", "name")
    )
    return render(
        request,
        "servicelevel/unit.html",
        {"unit": unit, "services": services, "may_edit": perms.may_edit_unit(user, unit)},
    )


def _save_service(request: HttpRequest, form: ServiceForm, **target: Any) -> HttpResponse | None:
    if request.method != "POST" or not form.is_valid():
        return None
    user, data = user_of(request), form.cleaned_data
    try:
        if "service" in target:
            service = service_update(actor=user, service=target["service"], **data)
        else:
            data.pop("is_active", None)
            service = service_create(actor=user, unit=target["unit"], **data)
    except ServiceError as exc:
        field_errors(form, exc)
        return None
    messages.success(request, _("The service was saved."))
    return redirect("servicelevel:service", service.pk)


@login_required
def service_new(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = perms.access_unit(user_of(request), unit_id, edit=True)
    form = ServiceForm(request.POST or None)
    return _save_service(request, form, unit=unit) or render(
        request, "servicelevel/service_form.html", {"form": form, "unit": unit, "service": None}
    )


@login_required
def service_edit(request: HttpRequest, service_id: int) -> HttpResponse:
    service = perms.access_service(user_of(request), service_id, edit=True)
    initial = {f: getattr(service, f) for f in ServiceForm.base_fields}
    form = ServiceForm(request.POST or None, initial=initial)
    return _save_service(request, form, service=service) or render(
        request,
        "servicelevel/service_form.html",
        {"form": form, "unit": service.unit, "service": service},
    )


@login_required
def service_detail(request: HttpRequest, service_id: int) -> HttpResponse:
    """A service's standard, its trend, what the safeguard sees, complaints and surveys."""
    user = user_of(request)
    service = perms.access_service(user, service_id)
    day = today()
    trend = service_trend(service, end=day)
    windows, outcomes = service_picture(service, day=day)
    rows = [
        {
            "label": METRIC_LABELS[o.metric],
            "baseline": metric_value(o.metric, o.baseline, service.processing_unit),
            "recent": metric_value(o.metric, o.recent, service.processing_unit),
            "n": (o.baseline_n, o.recent_n),
            "change": float(o.degradation_pct) if o.degradation_pct is not None else None,
            "outcome": o.outcome,
            "outcome_label": OUTCOME_LABELS[o.outcome],
        }
        for o in outcomes
    ]
    return render(
        request,
        "servicelevel/service.html",
        {
            "service": service,
            "trend": trend,
            "windows": windows,
            "rows": rows,
            "threshold": thresholds_on(day)[2].degradation_pct,
            "alerts": perms.alerts_visible(user).filter(service=service)[:20],
            "surveys": service.surveys.order_by("-period_end")[:8],
            "complaints": [
                (Complaint.Status(status).label, n)
                for status, n in service.complaints.order_by()
                .values_list("status")
                .annotate(n=Count("id"))
            ],
            "grades": GRADE_LABELS,
            "may_edit": perms.may_edit_unit(user, service.unit),
        },
    )


@login_required
def settings_view(request: HttpRequest) -> HttpResponse:
    """BKPSDM: the WFA start of the safeguard and the IKM grade boundaries."""
    user = user_of(request)
    perms.require_configure(user)
    config = config_get()
    form = ConfigForm(
        request.POST or None,
        initial={
            f: getattr(config, f)
            for f in ("wfa_start", "ikm_a_min", "ikm_b_min", "ikm_c_min", "ikm_basis")
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            config_update(actor=user, **form.cleaned_data)
        except ServiceError as exc:
            field_errors(form, exc)
        else:
            messages.success(request, _("The settings were saved."))
            return redirect("servicelevel:settings")
    return render(
        request,
        "servicelevel/settings.html",
        {
            "form": form,
            "wfa": wfa_start(config),
            "bands": [(g, GRADE_LABELS[g], lo, hi) for g, lo, hi in grade_scale(config).bands()],
        },
    )
