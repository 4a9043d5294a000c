"""Roster pages: my preferences, the rosters of my units (generate, watch the solve, edit
cells, publish)."""

from __future__ import annotations

from datetime import date

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
from fleksi.common.domain.months import add_months, month_end, month_start, parse_month
from fleksi.common.errors import ServiceError
from fleksi.org.selectors import employee_get
from fleksi.policy.selectors import work_calendar
from fleksi.roster import permissions as perms
from fleksi.roster.forms import GenerateForm, PreferenceForm
from fleksi.roster.messages import progress_text
from fleksi.roster.models import Roster
from fleksi.roster.selectors.pages import preference_get, roster_page
from fleksi.roster.services import preference_save, roster_cell_set, roster_generate, roster_publish
from fleksi.roster.services.common import MONTHS_AHEAD

REFRESH_SECONDS = 3
LISTED = 50


def _months() -> list[date]:
    this = month_start(timezone.localdate())
    return [add_months(this, k) for k in range(MONTHS_AHEAD + 1)]


def _fail(request: HttpRequest, exc: ServiceError) -> None:
    if exc.status == 403:
        raise PermissionDenied from exc
    if exc.status == 404:
        raise Http404 from exc
    messages.error(request, exc.message)
    for refusal in exc.params.get("refusals", [])[:30]:
        who = refusal.get("employee", "")
        day = refusal.get("day", "")
        messages.error(request, f"{who} {day}: {'; '.join(refusal.get('reasons', []))}")


@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    if user.employee_id is None:
        raise Http404
    employee = employee_get(user.employee_id)
    months = _months()
    month = parse_month(request.GET.get("month")) or months[1]
    if month not in months:
        month = months[1]
    days = work_calendar(month, month_end(month)).working_days(month, month_end(month))
    chosen, note = preference_get(employee, month)
    form = PreferenceForm(
        request.POST if request.method == "POST" else None,
        days=days,
        initial_days=chosen,
        initial={"note": note},
    )
    if request.method == "POST" and form.is_valid():
        try:
            preference_save(
                actor=user,
                employee=employee,
                month=month,
                days=form.chosen(),
                note=form.cleaned_data["note"],
            )
        except ServiceError as exc:
            _fail(request, exc)
        else:
            messages.success(request, _("Your preferences were saved."))
            return redirect(f"{reverse('roster:preferences')}?month={month:%Y-%m}")
    weeks: dict[int, list[object]] = {}
    for found in form.cells():
        weeks.setdefault(found[0].isocalendar()[1], []).append(found)
    return render(
        request,
        "roster/preferences.html",
        {"form": form, "month": month, "months": months, "weeks": list(weeks.items())},
    )


@login_required
def index(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    if not perms.may_read_rosters(user):
        raise Http404
    units = list(
        perms.roster_units_managed_by(user).order_by("path").values_list("id", "name")[:300]
    )
    months = _months()
    form = (
        GenerateForm(units=units, months=months, initial={"month": f"{months[1]:%Y-%m}"})
        if units
        else None
    )
    listed = (
        perms.rosters_visible_to(user)
        .select_related("unit", "created_by__employee")
        .exclude(status=Roster.Status.SUPERSEDED)
        .order_by("-month", "unit__path", "-created_at")[:LISTED]
    )
    return render(request, "roster/index.html", {"form": form, "rosters": listed})


@login_required
@require_POST
def generate(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    raw = request.POST.get("unit", "")
    if not raw.isdigit():
        raise Http404
    unit = perms.access_roster_unit(user, int(raw))
    month = parse_month(request.POST.get("month"))
    if month is None:
        messages.error(request, _("Choose a month."))
        return redirect("roster:index")
    try:
        roster = roster_generate(
            actor=user, unit=unit, month=month, relax_shortfalls=bool(request.POST.get("relax"))
        )
    except ServiceError as exc:
        _fail(request, exc)
        return redirect("roster:index")
    return redirect("roster:detail", roster_id=roster.pk)


@login_required
def detail(request: HttpRequest, roster_id: int) -> HttpResponse:
    user = user_of(request)
    roster = perms.access_roster(user, roster_id)
    editor = perms.may_manage(user, roster.unit)
    raw_page = request.GET.get("page", "1")
    found = roster_page(
        roster,
        editor=editor,
        page=int(raw_page) if raw_page.isdigit() else 1,
        reasons_of=perms.reasons_readable_in(user, roster),
    )
    current = (
        Roster.objects.filter(unit=roster.unit, month=roster.month)
        .exclude(pk=roster.pk)
        .exclude(status=Roster.Status.SUPERSEDED)
        .order_by("-created_at")
        .first()
    )
    return render(
        request,
        "roster/detail.html",
        {
            "p": found,
            "roster": roster,
            "editor": editor,
            "progress": progress_text(roster.progress, roster.time_limit_s),
            "refresh": REFRESH_SECONDS if roster.working else None,
            "current": current,
            "summary": roster.result,
        },
    )


@login_required
@require_POST
def cell(request: HttpRequest, roster_id: int) -> HttpResponse:
    user = user_of(request)
    roster = perms.access_roster(user, roster_id)
    raw_emp, raw_day, placement = [*request.POST.get("cell", "").split(":", 2), "", ""][:3]
    try:
        day: date | None = date.fromisoformat(raw_day)
    except ValueError:
        day = None
    page = request.POST.get("page", "1")
    back = f"{reverse('roster:detail', args=[roster.pk])}?page={page if page.isdigit() else 1}"
    if not raw_emp.isdigit() or day is None:
        messages.error(request, _("Choose a cell."))
        return redirect(back)
    try:
        roster_cell_set(
            actor=user, roster=roster, employee_id=int(raw_emp), day=day, placement=placement
        )
    except ServiceError as exc:
        _fail(request, exc)
    else:
        messages.success(request, _("The cell was changed."))
    return redirect(back)


@login_required
@require_POST
def publish(request: HttpRequest, roster_id: int) -> HttpResponse:
    user = user_of(request)
    roster = perms.access_roster(user, roster_id)
    try:
        roster_publish(actor=user, roster=roster)
    except ServiceError as exc:
        _fail(request, exc)
    else:
        messages.success(
            request, _("The roster was published: its WFA days are approved requests now.")
        )
    return redirect("roster:detail", roster_id=roster.pk)
