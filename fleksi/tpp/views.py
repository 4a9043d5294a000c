"""The month's TPP: one's own with its trace, a person's, a unit's list, the exports for
BPKAD and the simulation of a change of the TPP rules."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from fleksi.accounts.current import user_of
from fleksi.accounts.permissions import scope_for
from fleksi.common.domain.months import parse_month
from fleksi.common.domain.tables import Sheet
from fleksi.common.exports import csv_response, xlsx_response
from fleksi.org.models import Employee, Unit
from fleksi.policy.domain.params import basis_of
from fleksi.policy.messages import PARAM_LABELS, value_label
from fleksi.policy.permissions import access_version, may_see_drafts
from fleksi.policy.selectors import params_of
from fleksi.presence.permissions import (
    access_recap_employee,
    access_recap_unit,
    checkin_employee_id,
    may_recap_all,
    may_recap_any,
    recap_unit_paths,
)
from fleksi.presence.selectors.recap import Period, people_of_units, period_of
from fleksi.tpp.domain.compute import Result, percent
from fleksi.tpp.domain.export import EXPORT_COLUMNS, export_row
from fleksi.tpp.messages import COLUMN_LABELS, KIND_LABELS
from fleksi.tpp.permissions import month_rows_for
from fleksi.tpp.selectors import MonthRow, month_results, params_of_month, simulation_run

PER_PAGE = 100
FORMATS = ("csv", "xlsx")


def _period(request: HttpRequest, *, last_month: bool = False) -> Period:
    """The month asked for (``?month=YYYY-MM``), else this month (or the last, whole one)."""
    today = timezone.localdate()
    default = (today.replace(day=1) - date.resolution) if last_month else today
    return period_of(min(parse_month(request.GET.get("month")) or default, today))


def _months(period: Period) -> dict[str, date | None]:
    prev = (period.month.replace(day=1) - date.resolution).replace(day=1)
    nxt = (period.month.replace(day=28) + 4 * date.resolution).replace(day=1)
    return {"prev": prev, "next": nxt if nxt <= period.today else None}


def trace_rows(result: Result, articles: dict[str, str]) -> list[dict[str, Any]]:
    return [
        {
            "day": line.day,
            "kind": KIND_LABELS.get(line.kind, line.kind),
            "minutes": line.minutes,
            "band": line.band,
            "rule": PARAM_LABELS.get(line.rule, line.rule),
            "nominal": percent(line.nominal),
            "applied": percent(line.applied),
            "capped": line.capped,
            "basis": basis_of(line.rule, articles.get(line.rule, "")).text,
        }
        for line in result.lines
    ]


@login_required
@require_GET
def tpp_mine(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    employee_id = checkin_employee_id(user)
    if employee_id is None:
        if may_recap_any(user):
            return redirect("tpp:units")
        raise Http404
    target = redirect("tpp:employee", employee_id)
    if request.GET.get("month"):
        target["Location"] += f"?month={request.GET['month']}"
    return target


@login_required
@require_GET
def tpp_employee(request: HttpRequest, employee_id: int) -> HttpResponse:
    employee = access_recap_employee(user_of(request), employee_id)
    period = _period(request)
    params = params_of_month(period)
    result = month_results(Employee.objects.filter(pk=employee.pk), period, params)[employee.pk]
    return render(
        request,
        "tpp/employee.html",
        {
            "employee": employee,
            "period": period,
            "months": _months(period),
            "result": result,
            "pct": {
                "performance_max": percent(result.performance_max),
                "performance": percent(result.performance),
                "attendance_max": percent(result.attendance_max),
                "deducted": percent(result.deducted),
                "attendance": percent(result.attendance),
                "total": percent(result.total),
            },
            "predikat": value_label(result.predikat) if result.predikat else "",
            "lines": trace_rows(result, dict(params.articles)),
        },
    )


@login_required
@require_GET
def tpp_units(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    if not may_recap_any(user):
        raise PermissionDenied
    if may_recap_all(user):
        units = Unit.objects.filter(parent__isnull=True).order_by("kind", "name")
    else:
        units = Unit.objects.filter(path__in=recap_unit_paths(user)).order_by("path")
    return render(
        request,
        "tpp/units.html",
        {
            "units": units,
            "all": may_recap_all(user),
            "period": _period(request),
            "simulate": may_see_drafts(user),
        },
    )


def _table(rows: Sequence[MonthRow]) -> list[tuple[MonthRow, dict[str, str]]]:
    return [
        (
            r,
            {
                "performance": percent(r.result.performance),
                "deducted": percent(r.result.deducted),
                "attendance": percent(r.result.attendance),
                "total": percent(r.result.total),
            },
        )
        for r in rows
    ]


@login_required
@require_GET
def tpp_unit(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = access_recap_unit(user_of(request), unit_id)
    period = _period(request)
    rows = month_rows_for(user_of(request), people_of_units([unit.path], period), period)
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "tpp/unit.html",
        {
            "unit": unit,
            "period": period,
            "months": _months(period),
            "page": page,
            "rows": _table(list(page)),
            "count": len(rows),
            "children": Unit.objects.filter(parent=unit).order_by("name"),
        },
    )


def _export(rows: Sequence[MonthRow], period: Period, fmt: str, name: str) -> HttpResponse:
    table = [
        export_row((r.nip, r.name, r.pd_name, r.unit_name, period.label), r.result) for r in rows
    ]
    filename = f"{name}-{period.label}.{fmt}"
    if fmt == "csv":
        return csv_response(filename, EXPORT_COLUMNS, table, bom=False)
    legend = [(c, str(COLUMN_LABELS[c])) for c in EXPORT_COLUMNS]
    return xlsx_response(
        filename,
        [
            Sheet(_("TPP %(month)s") % {"month": period.label}, EXPORT_COLUMNS, table),
            Sheet(_("Columns"), (), legend),
        ],
    )


@login_required
@require_GET
def tpp_export(request: HttpRequest, unit_id: int, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    unit = access_recap_unit(user_of(request), unit_id)
    period = _period(request)
    rows = month_rows_for(user_of(request), people_of_units([unit.path], period), period)
    return _export(rows, period, fmt, f"tpp-{unit.code}")


@login_required
@require_GET
def tpp_export_all(request: HttpRequest, fmt: str) -> HttpResponse:
    """Every perangkat daerah in one file: the BPKAD payroll's input."""
    if fmt not in FORMATS:
        raise Http404
    if not may_recap_all(user_of(request)):
        raise PermissionDenied
    period = _period(request)
    roots = Unit.objects.filter(parent__isnull=True).values_list("path", flat=True)
    rows = month_rows_for(user_of(request), people_of_units(list(roots), period), period)
    return _export(rows, period, fmt, "tpp-kabupaten")


@login_required
@require_GET
def tpp_simulation(request: HttpRequest, version_id: int) -> HttpResponse:
    user = user_of(request)
    if not may_see_drafts(user):
        raise Http404
    version = access_version(user, version_id)
    period = _period(request, last_month=True)
    view = simulation_run(params_of(version), period)
    sim = view.simulation
    shown = scope_for(user).personal_details_among(
        Employee.objects.filter(pk__in=[c.employee_id for c in sim.changes[:500]])
    )
    changes = [
        {
            "name": view.people.get(c.employee_id, ("?", "", ""))[0],
            "nip": view.people.get(c.employee_id, ("?", "", ""))[1]
            if shown is None or c.employee_id in shown
            else "",
            "unit": view.people.get(c.employee_id, ("?", "", ""))[2],
            "before": percent(c.before.total),
            "after": percent(c.after.total),
            "delta": percent(c.delta),
        }
        for c in sim.changes[:500]
    ]
    return render(
        request,
        "tpp/simulation.html",
        {
            "version": version,
            "period": period,
            "months": _months(period),
            "sim": sim,
            "mean_before": percent(sim.mean_before),
            "mean_after": percent(sim.mean_after),
            "changes": changes,
            "param_changes": [
                (PARAM_LABELS.get(c.key, c.key), value_label(c.before), value_label(c.after))
                for c in view.param_changes
            ],
        },
    )
