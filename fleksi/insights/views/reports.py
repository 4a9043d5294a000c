"""The evaluation reports: the list (regency-wide roles), "generate now" (Sekda, BKPSDM) and
the download of a file (access-checked; files live in private storage)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from fleksi.accounts.current import user_of
from fleksi.common.domain.months import month_key, parse_month, previous_month
from fleksi.common.errors import ServiceError
from fleksi.common.pagination import paginate
from fleksi.common.replica import reads_from_replica
from fleksi.insights import permissions as perms
from fleksi.insights.forms import ReportForm
from fleksi.insights.services.reports import report_request

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@login_required
@require_GET
@reads_from_replica
def reports(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    if not perms.may_see_reports(user):
        raise Http404
    form = ReportForm(
        initial={"kind": "monthly", "month": month_key(previous_month(timezone.localdate()))}
    )
    return render(
        request,
        "insights/reports.html",
        {
            "page": paginate(
                perms.reports_visible(user).select_related("created_by__employee"),
                request.GET,
                per_page=25,
            ),
            "form": form,
            "may_generate": perms.may_generate_reports(user),
        },
    )


@login_required
@require_POST
def report_new(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    perms.require_generate(user)
    form = ReportForm(request.POST)
    month = parse_month(request.POST.get("month"))
    if not form.is_valid() or month is None:
        messages.error(request, _("Choose a kind and a month."))
        return redirect("insights:reports")
    try:
        report = report_request(actor=user, kind=form.cleaned_data["kind"], start=month)
    except ServiceError as exc:
        if exc.status == 403:
            raise PermissionDenied from exc
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("The report of %(period)s is being generated; it appears here when it is ready.")
            % {"period": report.period_start.strftime("%Y-%m")},
        )
    return redirect("insights:reports")


@login_required
@require_GET
@reads_from_replica
def report_file(request: HttpRequest, report_id: int, fmt: str) -> FileResponse:
    user = user_of(request)
    report = perms.access_report(user, report_id)
    if fmt not in CONTENT_TYPES:
        raise Http404
    stored = report.pdf if fmt == "pdf" else report.xlsx
    if report.status != report.Status.DONE or not stored:
        raise Http404
    name = f"evaluasi-wfa-{report.kind}-{report.period_start:%Y-%m}.{fmt}"
    response = FileResponse(stored.open("rb"), as_attachment=True, filename=name)
    response["Content-Type"] = CONTENT_TYPES[fmt]
    response["X-Content-SHA256"] = report.pdf_sha256 if fmt == "pdf" else report.xlsx_sha256
    return response
