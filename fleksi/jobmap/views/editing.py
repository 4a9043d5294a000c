"""Pages that change a position's duties and its assessment, and BKPSDM's decisions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fleksi.accounts.current import user_of
from fleksi.common.errors import ServiceError
from fleksi.common.views import report_error
from fleksi.jobmap import permissions as perms
from fleksi.jobmap import selectors, services
from fleksi.jobmap.forms import AssessmentForm, DecisionForm, DutyForm
from fleksi.jobmap.models import Assessment, Duty


def _duty_for_change(request: HttpRequest, duty_id: int) -> Duty:
    duty = get_object_or_404(Duty, pk=duty_id)
    perms.access_position(user_of(request), duty.position_id, change=True)
    return duty


@login_required
def duty_create(request: HttpRequest, position_id: int) -> HttpResponse:
    user = user_of(request)
    position = perms.access_position(user, position_id, change=True)
    form = DutyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.duty_create(actor=user, position=position, **form.cleaned_data)
        except ServiceError as exc:
            report_error(request, exc, form)
        else:
            messages.success(request, _("The duty was added."))
            return redirect("jobmap:position", position_id=position.pk)
    return render(
        request, "jobmap/duty_form.html", {"position": position, "form": form, "duty": None}
    )


@login_required
def duty_edit(request: HttpRequest, duty_id: int) -> HttpResponse:
    user = user_of(request)
    duty = _duty_for_change(request, duty_id)
    initial = {
        "description": duty.description,
        "output": duty.output,
        "time_share": duty.time_share,
    }
    form = DutyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.duty_update(actor=user, duty=duty, **form.cleaned_data)
        except ServiceError as exc:
            report_error(request, exc, form)
        else:
            messages.success(request, _("The duty was saved."))
            return redirect("jobmap:position", position_id=duty.position_id)
    return render(
        request, "jobmap/duty_form.html", {"position": duty.position, "form": form, "duty": duty}
    )


@login_required
@require_POST
def duty_delete(request: HttpRequest, duty_id: int) -> HttpResponse:
    duty = _duty_for_change(request, duty_id)
    try:
        services.duty_delete(actor=user_of(request), duty=duty)
    except ServiceError as exc:
        report_error(request, exc)
    else:
        messages.success(request, _("The duty was removed."))
    return redirect("jobmap:position", position_id=duty.position_id)


@login_required
@require_POST
def duty_move(request: HttpRequest, duty_id: int) -> HttpResponse:
    duty = _duty_for_change(request, duty_id)
    step = -1 if request.POST.get("direction") == "up" else 1
    try:
        services.duty_move(actor=user_of(request), duty=duty, step=step)
    except ServiceError as exc:
        report_error(request, exc)
    return redirect("jobmap:position", position_id=duty.position_id)


@login_required
def assessment_edit(request: HttpRequest, position_id: int) -> HttpResponse:
    """The assessment form: save as a draft, or save and propose to BKPSDM."""
    user = user_of(request)
    position = perms.access_position(user, position_id, change=True)
    duties = list(selectors.position_duties(position))
    criteria = selectors.criteria_in_force()
    latest = selectors.assessment_latest(position)
    if latest is not None and latest.status == Assessment.Status.PROPOSED:
        messages.info(request, _("The assessment is waiting for BKPSDM and cannot be changed."))
        return redirect("jobmap:position", position_id=position.pk)
    answers = selectors.answers_by_live_duty(latest) if latest is not None else {}
    form = AssessmentForm(request.POST or None, duties=duties, criteria=criteria, answers=answers)
    if request.method == "POST" and form.is_valid():
        try:
            services.assessment_save_draft(actor=user, position=position, answers=form.answers())
            if request.POST.get("action") == "propose":
                services.assessment_propose(actor=user, position=position)
                messages.success(request, _("The assessment was proposed to BKPSDM."))
                return redirect("jobmap:position", position_id=position.pk)
        except ServiceError as exc:
            form.duty_errors = (
                exc.params.get("errors", {}) if exc.code == "assessment_incomplete" else {}
            )
            report_error(request, exc)
        else:
            messages.success(request, _("The draft was saved."))
            return redirect("jobmap:assessment_edit", position_id=position.pk)
    return render(
        request,
        "jobmap/assessment_form.html",
        {
            "position": position,
            "form": form,
            "blocks": form.blocks(),
            "total": sum((d.time_share for d in duties), start=0),
            "latest": latest,
        },
    )


def _decision(request: HttpRequest, assessment_id: int, approve: bool) -> HttpResponse:
    user = user_of(request)
    assessment = perms.access_assessment(user, assessment_id, decide=True)
    form = DecisionForm(request.POST)
    comment = form.cleaned_data["comment"] if form.is_valid() else ""
    try:
        if approve:
            services.assessment_approve(actor=user, assessment=assessment, comment=comment)
            messages.success(
                request,
                _("Approved: the mapping of %(position)s is in force.")
                % {"position": assessment.position.name},
            )
        else:
            services.assessment_return(actor=user, assessment=assessment, comment=comment)
            messages.success(request, _("Returned to the unit with your comment."))
    except ServiceError as exc:
        report_error(request, exc)
        return redirect("jobmap:assessment_detail", assessment_id=assessment.pk)
    return redirect("jobmap:queue")


@login_required
@require_POST
def assessment_approve(request: HttpRequest, assessment_id: int) -> HttpResponse:
    return _decision(request, assessment_id, approve=True)


@login_required
@require_POST
def assessment_return(request: HttpRequest, assessment_id: int) -> HttpResponse:
    return _decision(request, assessment_id, approve=False)
