"""Monthly attendance recaps: one's own, a person's (for those who may see them), a unit's
(heads, managers, BKPSDM, auditor) and their CSV/XLSX exports."""

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
from fleksi.common.exports import CSV_TYPE, XLSX_TYPE, attachment
from fleksi.common.replica import reads_from_replica
from fleksi.org.models import Employee, Unit
from fleksi.presence.domain.recap import (
    EXPORT_COLUMNS,
    TOTAL_COLUMNS,
    export_csv,
    export_xlsx,
)
from fleksi.presence.domain.slots import slots_of
from fleksi.presence.messages import (
    COLUMN_LABELS,
    DAY_STATUS_LABELS,
    RULE_LABELS,
    clock,
    slot_label,
    stored_message,
)
from fleksi.presence.permissions import (
    access_recap_employee,
    access_recap_unit,
    checkin_employee_id,
    may_recap_all,
    may_recap_any,
    recap_rows_for,
    recap_unit_paths,
)
from fleksi.presence.selectors.checkins import month_checkins
from fleksi.presence.selectors.recap import (
    Period,
    RecapRow,
    employee_days,
    people_of_units,
    period_of,
    recap_totals,
    sum_totals,
)

PER_PAGE = 100


def _total_labels() -> list[str]:
    return [str(COLUMN_LABELS[c]) for c in TOTAL_COLUMNS]


def _period(request: HttpRequest) -> Period:
    today = timezone.localdate()
    try:
        month = date.fromisoformat(f"{request.GET.get('month', '')}-01")
    except ValueError:
        month = today
    return period_of(min(month, today))


def _months(period: Period) -> dict[str, date | None]:
    """The months before and after (the first days; the template names them in the page's
    language and puts ``Y-m`` only in the address)."""
    prev = (period.month.replace(day=1) - date.resolution).replace(day=1)
    nxt = (period.month.replace(day=28) + 4 * date.resolution).replace(day=1)
    return {"prev": prev, "next": nxt if nxt <= period.today else None}


@login_required
@require_GET
def recap_mine(request: HttpRequest) -> HttpResponse:
    employee_id = checkin_employee_id(user_of(request))
    if employee_id is None:
        raise Http404
    month = request.GET.get("month", "")
    target = redirect("presence:recap_employee", employee_id)
    if month:
        target["Location"] += f"?month={month}"
    return target


@login_required
@require_GET
@reads_from_replica
def recap_employee(request: HttpRequest, employee_id: int) -> HttpResponse:
    employee = access_recap_employee(user_of(request), employee_id)
    period = _period(request)
    days = employee_days(employee, period)
    by_day: dict[date, list[Any]] = {}
    for c in month_checkins(employee.pk, period.start, period.end):
        by_day.setdefault(c.day, []).append(c)
    per_day = period.checkins_per_day
    rows = []
    for day, info in days.items():
        checkins = {c.slot: c for c in by_day.pop(day, [])}
        rows.append(
            {
                "day": day,
                "status": str(DAY_STATUS_LABELS.get(info["status"], info["status"])),
                "status_code": info["status"],
                "info": info,
                "slots": [
                    (
                        slot_label(s.role),
                        checkins.get(s.number),
                        clock(timezone.localtime(checkins[s.number].checked_at).time())
                        if s.number in checkins
                        else "",
                        [
                            f"{RULE_LABELS.get(e['rule'], e['rule'])}: {stored_message(e)}"
                            for e in checkins[s.number].trace
                            if e.get("outcome") in ("warn", "fail")
                        ]
                        if s.number in checkins
                        else [],
                    )
                    for s in slots_of(per_day)
                ],
            }
        )
    totals = recap_totals(Employee.objects.filter(pk=employee.pk), period).get(employee.pk)
    return render(
        request,
        "presence/recap_employee.html",
        {
            "employee": employee,
            "details": scope_for(user_of(request)).sees_personal_details_of(employee),
            "period": period,
            "months": _months(period),
            "rows": rows,
            "other_days": sorted(by_day.items()),  # check-ins on days that are not working days
            "totals": list(zip(_total_labels(), totals.values(), strict=True)) if totals else None,
            "slot_labels": [slot_label(s.role) for s in slots_of(per_day)],
        },
    )


@login_required
@require_GET
@reads_from_replica
def recap_units(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    if not may_recap_any(user):
        raise PermissionDenied
    if may_recap_all(user):
        units = Unit.objects.filter(parent__isnull=True).order_by("kind", "name")
    else:
        units = Unit.objects.filter(path__in=recap_unit_paths(user)).order_by("path")
    return render(
        request,
        "presence/recap_units.html",
        {"units": units, "all": may_recap_all(user), "period": _period(request)},
    )


@login_required
@require_GET
@reads_from_replica
def recap_unit(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = access_recap_unit(user_of(request), unit_id)
    period = _period(request)
    rows = recap_rows_for(user_of(request), people_of_units([unit.path], period), period)
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "presence/recap_unit.html",
        {
            "unit": unit,
            "period": period,
            "months": _months(period),
            "page": page,
            "rows": [(r, r.totals.values()) for r in page],
            "total": sum_totals(rows).values(),
            "count": len(rows),
            "children": Unit.objects.filter(parent=unit).order_by("name"),
            "columns": _total_labels(),
        },
    )


FORMATS = ("csv", "xlsx")


def _export(rows: Sequence[RecapRow], period: Period, fmt: str, name: str) -> HttpResponse:
    table = [
        (r.nip, r.name, r.pd_name, r.unit_name, period.label, *r.totals.values()) for r in rows
    ]
    if fmt == "csv":
        response = HttpResponse(export_csv(table), content_type=CSV_TYPE)
    else:
        body = export_xlsx(
            table,
            labels=[str(COLUMN_LABELS[c]) for c in EXPORT_COLUMNS],
            title=_("Attendance %(month)s") % {"month": period.label},
            legend_title=_("Columns"),
        )
        response = HttpResponse(body, content_type=XLSX_TYPE)
    return attachment(response, f"{name}-{period.label}.{fmt}")


@login_required
@require_GET
@reads_from_replica
def recap_export(request: HttpRequest, unit_id: int, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    unit = access_recap_unit(user_of(request), unit_id)
    period = _period(request)
    rows = recap_rows_for(user_of(request), people_of_units([unit.path], period), period)
    return _export(rows, period, fmt, f"presensi-{unit.code}")


@login_required
@require_GET
@reads_from_replica
def recap_export_all(request: HttpRequest, fmt: str) -> HttpResponse:
    """Every perangkat daerah in one file (BKPSDM's monthly TPP input)."""
    if fmt not in FORMATS:
        raise Http404
    if not may_recap_all(user_of(request)):
        raise PermissionDenied
    period = _period(request)
    roots = Unit.objects.filter(parent__isnull=True).values_list("path", flat=True)
    rows = recap_rows_for(user_of(request), people_of_units(list(roots), period), period)
    return _export(rows, period, fmt, "presensi-kabupaten")
