"""An employee's month (measures, reports, dialogue, suspensions), the monthly rating with
how its suggestion was reached, dialogue notes and reinstatement."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fleksi.accounts.current import user_of
from fleksi.common.domain.months import (
    month_end,
    month_key,
    month_start,
    next_month,
    parse_month,
    previous_month,
)
from fleksi.common.errors import ServiceError
from fleksi.common.views import report_error
from fleksi.eligibility.models import WfaSuspension
from fleksi.org.models import Employee
from fleksi.outputs import services
from fleksi.outputs.domain import rating as r
from fleksi.outputs.domain.measures import MODES
from fleksi.outputs.forms import DialogueForm, RatingForm, ReasonForm
from fleksi.outputs.messages import (
    CHECK_LABELS,
    LEVEL_LABELS,
    MODE_LABELS,
    PREDIKAT_LABELS,
    STEP_LABELS,
    revocation_reason,
)
from fleksi.outputs.models import DialogueNote, MonthlyRating, Skp
from fleksi.outputs.permissions import (
    access_measures_employee,
    access_suspension,
    access_work_employee,
    leads,
    may_see_work,
)
from fleksi.outputs.selectors.measures import period_facts
from fleksi.outputs.services.ratings import suggestion_of


def _with_reasons(suspensions: Any) -> list[WfaSuspension]:
    """Each suspension with its reason in the reader's language (from its trace)."""
    out = list(suspensions)
    for s in out:
        s.reason_text = revocation_reason(s.trace)
    return out


@login_required
def person(request: HttpRequest, employee_id: int) -> HttpResponse:
    user = user_of(request)
    employee = access_measures_employee(user, employee_id)
    month = parse_month(request.GET.get("month")) or month_start(timezone.localdate())
    facts = period_facts(Employee.objects.filter(pk=employee.pk), start=month, end=month_end(month))
    measures = facts.measures()[employee.pk]
    work = may_see_work(user, employee)
    return render(
        request,
        "outputs/person.html",
        {
            "employee": employee,
            "month": month,
            "month_key": month_key(month),
            "previous": month_key(previous_month(month)),
            "next": month_key(next_month(month)),
            "measures": measures,
            "modes": [(MODE_LABELS[m], measures.by_mode[m]) for m in MODES],
            "work": work,
            "rows": facts.rows if work else [],
            "notes": DialogueNote.objects.filter(employee=employee, month=month).select_related(
                "author"
            )
            if work
            else [],
            "suspensions": _with_reasons(WfaSuspension.objects.filter(employee=employee))
            if work
            else [],
            "check_labels": CHECK_LABELS,
            "rating": MonthlyRating.objects.filter(employee=employee, month=month).first()
            if work
            else None,
            "skp": Skp.objects.filter(employee=employee, year=month.year).first() if work else None,
            "may_write": work and (user.employee_id == employee.pk or leads(user, employee)),
            "leads": leads(user, employee),
            "dialogue_form": DialogueForm(),
        },
    )


@login_required
@require_POST
def dialogue_add(request: HttpRequest, employee_id: int) -> HttpResponse:
    user = user_of(request)
    employee = access_work_employee(user, employee_id)
    if user.employee_id != employee.pk and not leads(user, employee):
        raise PermissionDenied
    month = parse_month(request.POST.get("month")) or month_start(timezone.localdate())
    form = DialogueForm(request.POST)
    if form.is_valid():
        try:
            services.dialogue_note_add(
                actor=user, employee=employee, month=month, text=form.cleaned_data["text"]
            )
            messages.success(request, _("Note added."))
        except ServiceError as exc:
            report_error(request, exc)
    else:
        messages.error(request, _("Write the note."))
    return redirect(f"/outputs/people/{employee.pk}/?month={month_key(month)}")


def _month(text: str) -> date:
    month = parse_month(text)
    if month is None:
        raise Http404
    return month


def _quadrant(results: str | None) -> list[tuple[str, bool, list[tuple[str, str]]]]:
    return [
        (
            str(LEVEL_LABELS[row]),
            row == results,
            [
                (str(LEVEL_LABELS[col]), str(PREDIKAT_LABELS[r.QUADRANT[(row, col)]]))
                for col in r.LEVELS
            ],
        )
        for row in r.LEVELS
    ]


@login_required
def rating(request: HttpRequest, employee_id: int, month: str) -> HttpResponse:
    user = user_of(request)
    employee = access_work_employee(user, employee_id)
    the_month = _month(month)
    may_rate = leads(user, employee)
    if request.method == "POST" and not may_rate:
        raise PermissionDenied
    facts = period_facts(
        Employee.objects.filter(pk=employee.pk), start=the_month, end=month_end(the_month)
    )
    tally = facts.measures()[employee.pk].total
    suggestion = suggestion_of(tally, the_month)
    existing = MonthlyRating.objects.filter(employee=employee, month=the_month).first()
    initial = (
        {
            "behaviour": existing.behaviour,
            "predikat": existing.predikat,
            "results": existing.results,
            "reason": existing.changed_reason,
            **{f"note_{k}": v for k, v in existing.behaviour_notes.items()},
        }
        if existing
        else {"behaviour": r.AS_EXPECTED}
    )
    form = RatingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.rating_save(
                actor=user,
                employee=employee,
                month=the_month,
                behaviour=data["behaviour"],
                predikat=data["predikat"],
                results=data["results"],
                reason=data["reason"],
                behaviour_notes=form.notes(),
            )
            messages.success(request, _("Rating saved."))
            return redirect("outputs:rating", employee.pk, month)
        except ServiceError as exc:
            report_error(request, exc, form)
    return render(
        request,
        "outputs/rating.html",
        {
            "employee": employee,
            "month": the_month,
            "month_key": month,
            "tally": tally,
            "suggestion": suggestion,
            "steps": [(STEP_LABELS[s.code], s) for s in suggestion.steps],
            "suggested_label": LEVEL_LABELS.get(suggestion.level or "", ""),
            "quadrant": _quadrant(suggestion.level),
            "columns": [LEVEL_LABELS[c] for c in r.LEVELS],
            "rating": existing,
            "may_rate": may_rate,
            "form": form,
            "thresholds": {
                "above_achievement": r.ABOVE_MIN_ACHIEVEMENT,
                "above_quality": r.ABOVE_MIN_QUALITY,
                "above_on_time": r.ABOVE_MIN_ON_TIME,
                "as_achievement": r.AS_MIN_ACHIEVEMENT,
                "as_quality": r.AS_MIN_QUALITY,
            },
        },
    )


@login_required
def reinstate(request: HttpRequest, suspension_id: int) -> HttpResponse:
    user = user_of(request)
    suspension = access_suspension(user, suspension_id, reinstate=True)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.suspension_reinstate(
                actor=user, suspension=suspension, reason=form.cleaned_data["reason"]
            )
            messages.success(request, _("WFA reinstated."))
            return redirect("outputs:person", suspension.employee_id)
        except ServiceError as exc:
            report_error(request, exc, form)
    return render(
        request,
        "outputs/reinstate.html",
        {"suspension": suspension, "form": form, "check_labels": CHECK_LABELS},
    )
