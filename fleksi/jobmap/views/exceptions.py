"""Per-employee exceptions of a unit subtree: list, grant, end early."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fleksi.accounts.current import user_of
from fleksi.common.errors import ServiceError
from fleksi.common.pagination import paginate
from fleksi.common.views import report_error
from fleksi.jobmap import permissions as perms
from fleksi.jobmap import services
from fleksi.jobmap.forms import ExceptionEndForm, ExceptionGrantForm
from fleksi.org.models import Employee


@login_required
def exception_list(request: HttpRequest, unit_id: int) -> HttpResponse:
    user = user_of(request)
    unit = perms.access_mapping_unit(user, unit_id)
    shown, withheld = perms.exceptions_shown(user, unit)
    return render(
        request,
        "jobmap/exceptions.html",
        {
            "unit": unit,
            "page": paginate(shown, request.GET, per_page=50),
            "withheld": withheld,
            "today": timezone.localdate(),
            "may_change": perms.may_approve(user),
            "end_form": ExceptionEndForm(initial={"last_day": timezone.localdate()}),
        },
    )


@login_required
def exception_grant(request: HttpRequest, unit_id: int) -> HttpResponse:
    user = user_of(request)
    unit = perms.access_mapping_unit(user, unit_id)
    perms.require_approver(user)
    form = ExceptionGrantForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        nip = data.pop("nip").strip()
        employee = Employee.objects.filter(
            nip=nip, unit__path__startswith=unit.path, is_active=True
        ).first()
        if employee is None:
            form.add_error("nip", _("No active employee of this unit has that NIP."))
        else:
            try:
                services.exception_grant(actor=user, employee=employee, **data)
            except ServiceError as exc:
                report_error(request, exc, form)
            else:
                messages.success(
                    request, _("The exception for %(name)s was granted.") % {"name": employee.name}
                )
                return redirect("jobmap:exceptions", unit_id=unit.pk)
    return render(request, "jobmap/exception_form.html", {"unit": unit, "form": form})


@login_required
@require_POST
def exception_end(request: HttpRequest, exception_id: int) -> HttpResponse:
    user = user_of(request)
    exc = perms.access_exception(user, exception_id, change=True)
    form = ExceptionEndForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the last day of the exception."))
    else:
        try:
            services.exception_end(
                actor=user, exception=exc, last_day=form.cleaned_data["last_day"]
            )
        except ServiceError as error:
            report_error(request, error)
        else:
            messages.success(request, _("The exception was ended."))
    return redirect("jobmap:exceptions", unit_id=exc.employee.unit_id)
