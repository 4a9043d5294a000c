"""The week's grid of daily figures, and the file imports."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from fleksi.accounts.current import user_of
from fleksi.common.errors import ServiceError
from fleksi.common.importing.page import ImportPage
from fleksi.servicelevel import permissions as perms
from fleksi.servicelevel.forms import GRID_FIELDS, WeekForm
from fleksi.servicelevel.importing import LIMITS, service_file_import
from fleksi.servicelevel.messages import row_problem_message
from fleksi.servicelevel.models import PublicService, Source
from fleksi.servicelevel.selectors import week_figures
from fleksi.servicelevel.services import figures_upsert
from fleksi.servicelevel.views.common import date_param, monday_of, problem_rows, today


@login_required
def week(request: HttpRequest, unit_id: int) -> HttpResponse:
    """The service manager's grid: a week of figures for every service of the unit."""
    user = user_of(request)
    unit = perms.access_unit(user, unit_id, edit=True)
    now = today()
    monday = monday_of(min(date_param(request, "week", now), now))
    days = [monday + timedelta(days=i) for i in range(7) if monday + timedelta(days=i) <= now]
    services = list(PublicService.objects.filter(unit=unit, is_active=True).order_by("name"))
    stored = week_figures(services, monday)
    initial = {
        f"{WeekForm.key(sid, day)}_{name}": values[name]
        for (sid, day), values in stored.items()
        for name in GRID_FIELDS
    }
    data = request.POST if request.method == "POST" else None
    form = WeekForm(data, initial=initial, services=services, days=days)
    if request.method == "POST" and form.is_valid():
        try:
            report = figures_upsert(actor=user, entries=form.entries(), source=Source.FORM)
        except ServiceError as exc:
            form.add_error(None, exc.message)
        else:
            if report.problems:
                for _line, column, text in problem_rows(report.problems):
                    form.add_error(None, f"{column}: {text}")
            else:
                messages.success(
                    request,
                    _("Saved: %(new)d days added, %(changed)d changed.")
                    % {"new": report.created, "changed": report.updated},
                )
                return redirect(
                    f"{reverse('servicelevel:week', args=[unit.pk])}?week={monday.isoformat()}"
                )
    return render(
        request,
        "servicelevel/week.html",
        {
            "unit": unit,
            "form": form,
            "monday": monday,
            "days": days,
            "previous": monday - timedelta(days=7),
            "next": monday + timedelta(days=7) if monday + timedelta(days=7) <= now else None,
        },
    )


TITLES = {
    "figures": gettext_lazy("Import daily figures"),
    "complaints": gettext_lazy("Import complaints (SP4N-LAPOR!)"),
    "surveys": gettext_lazy("Import IKM surveys"),
}


IMPORT_PAGE = ImportPage(
    template="servicelevel/import.html",
    import_file=service_file_import,
    describe=row_problem_message,
    counts=(
        ("rows", gettext_lazy("Rows")),
        ("created", gettext_lazy("Added")),
        ("updated", gettext_lazy("Changed")),
        ("unchanged", gettext_lazy("Unchanged")),
    ),
    limits=LIMITS,
    help_text=gettext_lazy("CSV (UTF-8) or XLSX, header on line 1"),
)


def file_import(request: HttpRequest, kind: str) -> HttpResponse:
    user = user_of(request)
    perms.require_edit_any(user)
    if kind not in TITLES:
        raise Http404
    context = {"kind": kind, "title": TITLES[kind]}
    return IMPORT_PAGE.render(request, context=context, kind=kind, actor=user)


@login_required
def figures_import(request: HttpRequest) -> HttpResponse:
    return file_import(request, "figures")


@login_required
def complaints_import(request: HttpRequest) -> HttpResponse:
    return file_import(request, "complaints")


@login_required
def surveys_import(request: HttpRequest) -> HttpResponse:
    return file_import(request, "surveys")
