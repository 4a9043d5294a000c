"""The documents of a policy version: generate the draft Perbup (DOCX or PDF, A4 or F4) or
the comparison with another version, and download what was generated, with its SHA-256."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from fleksi.accounts.current import user_of
from fleksi.accounts.models import User
from fleksi.common.domain.months import add_months
from fleksi.common.errors import ServiceError
from fleksi.common.views import report_error
from fleksi.documents import permissions as perms
from fleksi.documents.forms import DiffForm, DocumentForm, KeputusanForm, MonitoringForm
from fleksi.documents.selectors import documents_of_version
from fleksi.documents.services import (
    document_application_form,
    document_keputusan,
    document_monitoring_report,
    document_perbup_diff,
    document_perbup_draft,
)
from fleksi.policy.models import PolicyVersion
from fleksi.policy.permissions import may_see_drafts
from fleksi.policy.selectors import versions_visible

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _others(user: User, version: PolicyVersion) -> list[tuple[int, str]]:
    return [
        (v.pk, f"{v.regulation_number} ({v.get_status_display()})")
        for v in versions_visible(drafts=may_see_drafts(user)).exclude(pk=version.pk)
    ]


@login_required
@require_GET
def version_documents(request: HttpRequest, version_id: int) -> HttpResponse:
    user = user_of(request)
    version = perms.perbup_version(user, version_id)
    others = _others(user, version)
    initial = {"base": version.based_on_id} if version.based_on_id else None
    return render(
        request,
        "documents/version_documents.html",
        {
            "version": version,
            "documents": documents_of_version(version),
            "may_generate": perms.may_generate_perbup(user),
            "form": DocumentForm(initial={"fmt": "docx", "paper": "f4"}),
            "diff_form": DiffForm(initial=initial, versions=others) if others else None,
        },
    )


@login_required
@require_POST
def perbup_draft(request: HttpRequest, version_id: int) -> HttpResponse:
    user = user_of(request)
    version = perms.perbup_version(user, version_id, generate=True)
    form = DocumentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the format and the paper."))
        return redirect("documents:version", version.pk)
    try:
        document = document_perbup_draft(
            actor=user, version=version, fmt=form.cleaned_data["fmt"],
            paper=form.cleaned_data["paper"],
        )  # fmt: skip
    except ServiceError as exc:
        report_error(request, exc)
        return redirect("documents:version", version.pk)
    messages.success(request, _("The draft Perbup is ready: %(name)s.") % {"name": document.name})
    return redirect("documents:version", version.pk)


@login_required
@require_POST
def perbup_diff(request: HttpRequest, version_id: int) -> HttpResponse:
    user = user_of(request)
    version = perms.perbup_version(user, version_id, generate=True)
    form = DiffForm(request.POST, versions=_others(user, version))
    if not form.is_valid():
        messages.error(request, _("Choose the version to compare with, the format and the paper."))
        return redirect("documents:version", version.pk)
    base = perms.perbup_version(user, form.cleaned_data["base"])
    try:
        document = document_perbup_diff(
            actor=user, base=base, version=version, fmt=form.cleaned_data["fmt"],
            paper=form.cleaned_data["paper"],
        )  # fmt: skip
    except ServiceError as exc:
        report_error(request, exc)
        return redirect("documents:version", version.pk)
    messages.success(request, _("The comparison is ready: %(name)s.") % {"name": document.name})
    return redirect("documents:version", version.pk)


@login_required
@require_GET
def document_file(request: HttpRequest, document_id: int) -> FileResponse:
    document = perms.access_document(user_of(request), document_id)
    response = FileResponse(document.file.open("rb"), as_attachment=True, filename=document.name)
    response["Content-Type"] = CONTENT_TYPES[document.fmt]
    response["X-Content-SHA256"] = document.sha256
    return response


@login_required
@require_POST
def request_form(request: HttpRequest, request_id: int) -> HttpResponse:
    """Print the application form of a WFA request (the employee and their chain)."""
    user = user_of(request)
    wfa = perms.form_request(user, request_id)
    form = DocumentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the format and the paper."))
        return redirect("schedule:request_detail", wfa.pk)
    document = document_application_form(
        actor=user, request=wfa, fmt=form.cleaned_data["fmt"], paper=form.cleaned_data["paper"]
    )
    return redirect("documents:file", document.pk)


def _unit_choices(user: User) -> list[tuple[int, str]]:
    return [(u.pk, u.name) for u in perms.headed_units(user)]


@login_required
@require_GET
def keputusan(request: HttpRequest) -> HttpResponse:
    """The unit head's keputusan: who works flexibly by location in a period."""
    user = user_of(request)
    units = _unit_choices(user)
    if not units:
        raise Http404
    today = timezone.localdate()
    start = today.replace(day=1)
    end = add_months(start, 1) - timedelta(days=1)
    chosen = request.GET.get("unit", "")
    initial = {"fmt": "docx", "paper": "f4", "start": start, "end": end}
    if chosen.isdigit() and int(chosen) in dict(units):
        initial["unit"] = int(chosen)
    return render(
        request,
        "documents/keputusan.html",
        {
            "form": KeputusanForm(initial=initial, units=units),
            "documents": perms.keputusan_visible(user).select_related("created_by", "unit")[:50],
        },
    )


@login_required
@require_POST
def keputusan_new(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    units = _unit_choices(user)
    if not units:
        raise Http404
    form = KeputusanForm(request.POST, units=units)
    if not form.is_valid():
        messages.error(request, _("Choose the unit, the period, the format and the paper."))
        return redirect("documents:keputusan")
    data = form.cleaned_data
    unit = perms.keputusan_unit(user, data["unit"])
    try:
        document = document_keputusan(
            actor=user, unit=unit, start=data["start"], end=data["end"], fmt=data["fmt"],
            paper=data["paper"],
        )  # fmt: skip
    except ServiceError as exc:
        report_error(request, exc)
        return redirect("documents:keputusan")
    messages.success(request, _("The keputusan is ready: %(name)s.") % {"name": document.name})
    return redirect("documents:keputusan")


@login_required
@require_GET
def monitoring(request: HttpRequest) -> HttpResponse:
    """The Pasal 35 monitoring report for the Bupati and KemenPANRB."""
    user = user_of(request)
    perms.require_monitoring(user)
    last = add_months(timezone.localdate().replace(day=1), -1)
    return render(
        request,
        "documents/monitoring.html",
        {
            "form": MonitoringForm(initial={"month": f"{last:%Y-%m}", "fmt": "pdf", "paper": "a4"}),
            "may_generate": perms.may_generate_reports(user),
            "documents": perms.monitoring_visible(user).select_related("created_by")[:50],
        },
    )


@login_required
@require_POST
def monitoring_new(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    perms.require_monitoring(user, generate=True)
    form = MonitoringForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the month, the format and the paper."))
        return redirect("documents:monitoring")
    data = form.cleaned_data
    try:
        document = document_monitoring_report(
            actor=user, month=data["month"], fmt=data["fmt"], paper=data["paper"]
        )
    except ServiceError as exc:
        report_error(request, exc)
        return redirect("documents:monitoring")
    messages.success(request, _("The report is ready: %(name)s.") % {"name": document.name})
    return redirect("documents:monitoring")
