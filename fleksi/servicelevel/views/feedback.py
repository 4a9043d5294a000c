"""Complaints and satisfaction surveys: lists, and a survey by form."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from fleksi.accounts.current import user_of
from fleksi.common.errors import ServiceError
from fleksi.common.pagination import paginate
from fleksi.servicelevel import permissions as perms
from fleksi.servicelevel.forms import SurveyForm
from fleksi.servicelevel.messages import GRADE_LABELS
from fleksi.servicelevel.models import Complaint
from fleksi.servicelevel.selectors import grade_scale
from fleksi.servicelevel.services import survey_save
from fleksi.servicelevel.views.common import date_param, field_errors


@login_required
def complaints(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    perms.require_use(user)
    qs = perms.complaints_visible(user).select_related("service", "unit")
    status = request.GET.get("status", "")
    if status in Complaint.Status.values:
        qs = qs.filter(status=status)
    unit_id = request.GET.get("unit", "")
    if unit_id.isdigit():
        qs = qs.filter(unit__path__startswith=perms.access_unit(user, int(unit_id)).path)
    start = date_param(request, "from", None)
    end = date_param(request, "to", None)
    if start:
        qs = qs.filter(received_on__gte=start)
    if end:
        qs = qs.filter(received_on__lte=end)
    counts = dict(qs.order_by().values_list("status").annotate(n=Count("id")))
    return render(
        request,
        "servicelevel/complaints.html",
        {
            "page": paginate(qs.order_by("-received_on", "-id"), request.GET),
            "counts": [(s, label, counts.get(s, 0)) for s, label in Complaint.Status.choices],
            "status": status,
            "start": start,
            "end": end,
            "may_edit": perms.may_edit_any(user),
        },
    )


@login_required
def surveys(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    perms.require_use(user)
    qs = perms.surveys_visible(user).select_related("service", "unit")
    return render(
        request,
        "servicelevel/surveys.html",
        {
            "page": paginate(qs.order_by("-period_end", "-id"), request.GET),
            "grades": GRADE_LABELS,
            "bands": grade_scale().bands(),
            "may_edit": perms.may_edit_any(user),
        },
    )


@login_required
def survey_new(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    perms.require_edit_any(user)
    form = SurveyForm(
        request.POST or None,
        services=perms.editable_services(user).select_related("unit").order_by("code"),
        units=perms.editable_units(user).order_by("path"),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            survey = survey_save(
                actor=user,
                unit=data["unit"],
                service=data["service"],
                period_start=data["period_start"],
                period_end=data["period_end"],
                respondents=data["respondents"],
                elements=form.elements(),
                scale=grade_scale(),
            )
        except ServiceError as exc:
            field_errors(form, exc)
        else:
            messages.success(
                request,
                _("Saved: IKM %(index)s, grade %(grade)s (%(label)s).")
                % {
                    "index": survey.index,
                    "grade": survey.grade,
                    "label": GRADE_LABELS[survey.grade],
                },
            )
            return redirect("servicelevel:surveys")
    return render(request, "servicelevel/survey_form.html", {"form": form})
