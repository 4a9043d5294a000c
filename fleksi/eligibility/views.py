from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from fleksi.accounts.current import user_of
from fleksi.accounts.domain.access import Perm
from fleksi.accounts.permissions import access_employee, access_unit, require, scope_for
from fleksi.eligibility.selectors import regency_counts, simulation_run, unit_eligibility
from fleksi.eligibility.services import eligibility_decide
from fleksi.org.models import Employee, Unit
from fleksi.places.models import Kecamatan
from fleksi.policy.messages import RULE_LABELS, trace_message, value_label
from fleksi.policy.permissions import access_version, may_see_drafts

MAX_DAYS_AHEAD = 120


def _day(request: HttpRequest) -> date:
    today = timezone.localdate()
    try:
        day = date.fromisoformat(request.GET.get("day", ""))
    except ValueError:
        return today
    return min(max(day, today - timedelta(days=365)), today + timedelta(days=MAX_DAYS_AHEAD))


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    if user.employee_id is None:
        raise Http404
    url = reverse("eligibility:employee", args=[user.employee_id])
    day = request.GET.get("day", "")
    return redirect(f"{url}?day={day}" if day else url)


@login_required
def employee_eligibility(request: HttpRequest, employee_id: int) -> HttpResponse:
    user = user_of(request)
    employee = access_employee(user, employee_id)
    day = _day(request)
    outcome = eligibility_decide(employee=employee, day=day, actor=user)
    reasons = [
        {
            "rule": RULE_LABELS.get(t.rule, t.rule),
            "outcome": str(t.outcome),
            "text": trace_message(t),
            "article": t.article,
        }
        for t in outcome.decision.trace
        if str(t.outcome) != "skip"
    ]
    return render(
        request,
        "eligibility/employee.html",
        {
            "e": employee,
            "day": day,
            "outcome": outcome,
            "reasons": reasons,
            "is_self": employee.pk == user.employee_id,
            "failures": [r for r in reasons if r["outcome"] == "fail"],
            "warnings": [r for r in reasons if r["outcome"] == "warn"],
            "passes": [r for r in reasons if r["outcome"] == "pass"],
            "next_days": [day + timedelta(days=i) for i in (1, 7, 30)],
        },
    )


@login_required
def unit_list(request: HttpRequest, unit_id: int) -> HttpResponse:
    user = user_of(request)
    unit = access_unit(user, unit_id)
    if not scope_for(user).sees_unit_people(unit.path):
        raise Http404  # an employee may open their unit page, not its eligibility list
    day = _day(request)
    version, rows = unit_eligibility(unit, day=day)
    show = request.GET.get("show", "")
    shown = [r for r in rows if (show == "" or (show == "yes") == r.allowed)]
    return render(
        request,
        "eligibility/unit.html",
        {
            "unit": unit,
            "day": day,
            "version": version,
            "rows": shown,
            "show": show,
            "n_total": len(rows),
            "n_allowed": sum(r.allowed for r in rows),
            "rule_labels": RULE_LABELS,
        },
    )


def _rows(table: dict[Any, Any], names: dict[Any, str]) -> list[dict[str, Any]]:
    out = [
        {
            "name": names.get(k, "—"),
            "total": c.total,
            "before": c.before,
            "after": c.after,
            "key": k,
        }
        for k, c in table.items()
    ]
    return sorted(out, key=lambda r: str(r["name"]))


@login_required
def regency(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    require(user, Perm.REGENCY_VIEW)
    day = _day(request)
    version, result = regency_counts(day=day)
    ctx: dict[str, Any] = {"day": day, "version": version, "result": result}
    if result is not None:
        pd_names = dict(Unit.objects.filter(parent__isnull=True).values_list("id", "name"))
        kec_names: dict[Any, str] = dict(Kecamatan.objects.values_list("id", "name"))
        ctx.update(
            {
                "by_pd": _rows(result.by_perangkat_daerah, pd_names),
                "by_kec": _rows(result.by_kecamatan, kec_names),
                "by_type": _rows(
                    result.by_asn_type, {k: value_label(k) for k in result.by_asn_type}
                ),
                "capacity": dict(result.capacity),
                "top_reasons": [
                    (RULE_LABELS.get(r, r), n) for r, n in result.rule_counts_after.most_common()
                ],
            }
        )
    return render(request, "eligibility/regency.html", ctx)


@login_required
def simulation(request: HttpRequest, version_id: int) -> HttpResponse:
    user = user_of(request)
    if not may_see_drafts(user):
        raise Http404
    version = access_version(user, version_id)
    view = simulation_run(version=version, day=_day(request))
    res = view.result
    # NIPs (they encode birth dates) only of those whose personal details the user may read.
    shown = scope_for(user).personal_details_among(Employee.objects.filter(pk__in=view.people))
    changes = [
        {
            "name": view.people.get(c.employee_id, ("?", "", ""))[0],
            "nip": view.people.get(c.employee_id, ("?", "", ""))[1]
            if shown is None or c.employee_id in shown
            else "",
            "unit": view.people.get(c.employee_id, ("?", "", ""))[2],
            "gains": c.gains,
            "rules": [RULE_LABELS.get(r, r) for r in c.rules],
            "employee_id": c.employee_id,
        }
        for c in res.changes[:2000]
    ]
    pd_rows = _rows(res.by_perangkat_daerah, view.names)
    for row in pd_rows:
        cap = res.capacity.get(row["key"])
        row["cap_before"] = cap.capacity_before if cap else 0
        row["cap_after"] = cap.capacity_after if cap else 0
    return render(
        request,
        "eligibility/simulation.html",
        {
            "view": view,
            "res": res,
            "changes": changes,
            "gains": sum(1 for c in res.changes if c.gains),
            "losses": sum(1 for c in res.changes if not c.gains),
            "by_pd": pd_rows,
            "by_kec": _rows(res.by_kecamatan, view.kecamatan_names),
            "by_type": _rows(res.by_asn_type, {k: value_label(k) for k in res.by_asn_type}),
        },
    )
