"""A report with its verification, the evidence download, the verification inbox and its
bulk accept."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fleksi.accounts.current import user_of
from fleksi.common.confirm import confirm_first
from fleksi.common.errors import ServiceError
from fleksi.common.pagination import paginate
from fleksi.common.views import report_error
from fleksi.outputs import services
from fleksi.outputs.domain.evidence import CONTENT_TYPES
from fleksi.outputs.forms import BulkAcceptForm, VerifyForm
from fleksi.outputs.permissions import (
    access_evidence,
    access_report,
    access_verification,
    may_see_evidence,
    may_verify,
    own_employee,
    pending_verification,
)
from fleksi.outputs.selectors.inbox import inbox_for


@login_required
def report_detail(request: HttpRequest, report_id: int) -> HttpResponse:
    user = user_of(request)
    report = access_report(user, report_id)
    pending = pending_verification(report)
    return render(
        request,
        "outputs/report_detail.html",
        {
            "report": report,
            "pending": pending,
            "history": report.verifications.select_related("verifier", "acted_by").order_by("id"),
            "may_verify": may_verify(user, report, pending),
            "may_evidence": may_see_evidence(user, report),
            "own": report.employee_id == user.employee_id,
            "form": VerifyForm(),
        },
    )


@login_required
def evidence(request: HttpRequest, report_id: int) -> FileResponse:
    """The evidence file, only to those who may see the report (never by a public URL)."""
    report = access_evidence(user_of(request), report_id)
    response = FileResponse(
        report.evidence.open("rb"),
        as_attachment=True,
        filename=report.evidence_name or "bukti",
        content_type=CONTENT_TYPES.get(report.evidence_type, "application/octet-stream"),
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def verify(request: HttpRequest, report_id: int) -> HttpResponse:
    user = user_of(request)
    report, _pending = access_verification(user, report_id)
    form = VerifyForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        if data["decision"] == "rejected":
            ask = confirm_first(
                request,
                question=_("Reject this output report? It then counts 0 until accepted."),
                yes=_("Yes, reject"),
                back=reverse("outputs:report_detail", args=[report.pk]),
            )
            if ask is not None:
                return ask
        try:
            services.report_verify(
                actor=user,
                report=report,
                decision=data["decision"],
                quality=data["quality"],
                comment=data["comment"],
            )
            messages.success(request, _("Decision recorded."))
            return redirect("outputs:inbox")
        except ServiceError as exc:
            report_error(request, exc)
    else:
        messages.error(request, _("The decision is not complete."))
    return redirect("outputs:report_detail", report.pk)


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    own_employee(user)
    return render(
        request,
        "outputs/inbox.html",
        {"page": paginate(inbox_for(user), request.GET, per_page=50), "form": BulkAcceptForm()},
    )


@login_required
@require_POST
def inbox_accept(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    ids = [int(x) for x in request.POST.getlist("report") if x.isdigit()]
    for report_id in ids:  # 404 out of sight, 403 not the user's to verify
        access_verification(user, report_id)
    form = BulkAcceptForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a quality score from 0 to 100."))
        return redirect("outputs:inbox")
    try:
        n = services.reports_accept(
            actor=user,
            report_ids=ids,
            quality=form.cleaned_data["quality"],
            comment=form.cleaned_data["comment"],
        )
        messages.success(request, _("%(n)d reports accepted.") % {"n": n})
    except ServiceError as exc:
        report_error(request, exc)
    return redirect("outputs:inbox")
