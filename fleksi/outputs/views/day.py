"""The employee's day: the plan (a WFA day's comes from the approved request), reporting
each output with its evidence, and revising a returned report."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fleksi.accounts.current import user_of
from fleksi.common.errors import ServiceError
from fleksi.common.views import report_error
from fleksi.eligibility.models import WfaSuspension
from fleksi.org.models import Employee
from fleksi.outputs import services
from fleksi.outputs.forms import PlanForm, ReportForm
from fleksi.outputs.messages import revocation_reason
from fleksi.outputs.models import OutputReport, PlannedOutput
from fleksi.outputs.permissions import access_report, own_employee
from fleksi.outputs.selectors.deadlines import report_due_on
from fleksi.outputs.selectors.inbox import inbox_for
from fleksi.outputs.selectors.plans import day_plan, open_items, rhk_choices, wfa_request_on
from fleksi.outputs.selectors.unreported import unreported_days_in
from fleksi.outputs.views.common import parse_day
from fleksi.schedule.models import WorkPlanItem


def _day_url(day: date) -> str:
    return f"{reverse('outputs:day')}?day={day.isoformat()}"


@login_required
def day(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    employee = own_employee(user)
    today = timezone.localdate()
    the_day = parse_day(request.GET.get("day"), today)
    plan = day_plan(employee, the_day)
    me = Employee.objects.filter(pk=employee.pk)
    unreported = unreported_days_in(me, start=today - timedelta(days=92), end=today, today=today)
    suspension = WfaSuspension.objects.filter(
        employee=employee, end__gte=today, reinstated_at__isnull=True
    ).first()
    if suspension is not None:
        suspension.reason_text = revocation_reason(suspension.trace)  # type: ignore[attr-defined]
    return render(
        request,
        "outputs/day.html",
        {
            "employee": employee,
            "plan": plan,
            "day": the_day,
            "today": today,
            "previous": the_day - timedelta(days=1),
            "next": the_day + timedelta(days=1),
            "due_on": report_due_on(the_day),
            "unreported": [d for _e, d in unreported],
            "suspension": suspension,
            "form": PlanForm(rhks=rhk_choices(employee, the_day.year)),
            "inbox_count": inbox_for(user).count(),
        },
    )


@login_required
@require_POST
def plan_add(request: HttpRequest, day: str) -> HttpResponse:
    user = user_of(request)
    employee = own_employee(user)
    the_day = parse_day(day, timezone.localdate())
    form = PlanForm(request.POST, rhks=rhk_choices(employee, the_day.year))
    if form.is_valid():
        try:
            services.planned_output_create(
                actor=user, employee=employee, day=the_day, **form.cleaned_data
            )
            messages.success(request, _("Planned output added."))
        except ServiceError as exc:
            report_error(request, exc)
    else:
        messages.error(request, _("The planned output is not complete."))
    return redirect(_day_url(the_day))


@login_required
@require_POST
def plan_delete(request: HttpRequest, planned_id: int) -> HttpResponse:
    user = user_of(request)
    employee = own_employee(user)
    planned = PlannedOutput.objects.filter(pk=planned_id, employee=employee).first()
    if planned is None:
        raise Http404
    try:
        services.planned_output_delete(actor=user, planned=planned)
        messages.success(request, _("Planned output removed."))
    except ServiceError as exc:
        report_error(request, exc)
    return redirect(_day_url(planned.day))


def _target(
    request: HttpRequest, employee: Employee, the_day: date
) -> tuple[PlannedOutput | None, WorkPlanItem | None]:
    planned_id, item_id = request.GET.get("planned"), request.GET.get("item")
    if planned_id:
        planned = PlannedOutput.objects.filter(
            pk=planned_id, employee=employee, day=the_day
        ).first()
        if planned is None:
            raise Http404
        return planned, None
    if item_id:
        request_id = wfa_request_on(employee, the_day)
        on_day = {i.id for i in open_items([request_id] if request_id else []) if i.day == the_day}
        if not item_id.isdigit() or int(item_id) not in on_day:
            raise Http404
        return None, WorkPlanItem.objects.select_related("request").get(pk=int(item_id))
    return None, None


@login_required
def report_new(request: HttpRequest, day: str) -> HttpResponse:
    user = user_of(request)
    employee = own_employee(user)
    the_day = parse_day(day, timezone.localdate())
    planned, item = _target(request, employee, the_day)
    free = planned is None and item is None
    rhks = rhk_choices(employee, the_day.year)
    initial = {"rhk": planned.rhk_id} if planned is not None else {}
    form = ReportForm(
        request.POST or None, request.FILES or None, rhks=rhks, free=free, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report = services.report_submit(
                actor=user,
                employee=employee,
                day=the_day,
                planned=planned,
                item=item,
                quantity=data["quantity"],
                description=data["description"],
                unit=data.get("unit", ""),
                rhk=data["rhk"],
                evidence=data["evidence"],
                evidence_url=data["evidence_url"],
            )
            messages.success(
                request,
                _("Output reported.")
                + (
                    " "
                    + _("It was late: the deadline was %(d)s.") % {"d": report.due_on.isoformat()}
                    if report.late
                    else ""
                ),
            )
            return redirect(_day_url(the_day))
        except ServiceError as exc:
            report_error(request, exc, form)
    return render(
        request,
        "outputs/report_form.html",
        {
            "form": form,
            "day": the_day,
            "planned": planned,
            "item": item,
            "report": None,
            "due_on": report_due_on(the_day),
        },
    )


@login_required
def report_edit(request: HttpRequest, report_id: int) -> HttpResponse:
    user = user_of(request)
    report = access_report(user, report_id)
    if report.employee_id != user.employee_id:
        raise PermissionDenied
    if report.status not in (OutputReport.Status.SUBMITTED, OutputReport.Status.RETURNED):
        messages.error(request, _("An accepted or rejected report cannot change."))
        return redirect("outputs:report_detail", report.pk)
    rhks = rhk_choices(report.employee, report.day.year)
    form = ReportForm(
        request.POST or None,
        request.FILES or None,
        rhks=rhks,
        initial={
            "quantity": report.quantity,
            "description": report.description,
            "rhk": report.rhk_id,
            "evidence_url": report.evidence_url,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.report_revise(
                actor=user,
                report=report,
                quantity=data["quantity"],
                description=data["description"],
                rhk=data["rhk"],
                evidence=data["evidence"],
                evidence_url=data["evidence_url"],
            )
            messages.success(request, _("Report revised; it goes back to your supervisor."))
            return redirect("outputs:report_detail", report.pk)
        except ServiceError as exc:
            report_error(request, exc, form)
    return render(
        request,
        "outputs/report_form.html",
        {
            "form": form,
            "day": report.day,
            "planned": report.planned_output,
            "item": None,
            "report": report,
            "due_on": report.due_on,
        },
    )
