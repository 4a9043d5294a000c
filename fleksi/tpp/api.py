"""The month's TPP over the API: a person's with its trace, a unit's, and the simulation
of a change of the TPP rules (``month=YYYY-MM``; amounts in basis points of the person's
full TPP, 10,000 = 100 %)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Router

from fleksi.accounts.current import user_of
from fleksi.common.apikit import Id
from fleksi.common.domain.months import parse_month
from fleksi.org.models import Employee
from fleksi.policy.domain.params import basis_of
from fleksi.policy.permissions import access_version, may_see_drafts
from fleksi.policy.selectors import params_of
from fleksi.presence.permissions import access_recap_employee, access_recap_unit
from fleksi.presence.selectors.recap import Period, people_of_units, period_of
from fleksi.tpp.domain.compute import Result
from fleksi.tpp.permissions import month_rows_for
from fleksi.tpp.schemas import ResultOut, TppSimulationOut, TppUnitOut
from fleksi.tpp.selectors import month_results, params_of_month, simulation_run

router = Router(tags=["tpp"])


def _period(month: str) -> Period:
    today = timezone.localdate()
    return period_of(min(parse_month(month) or today, today))


def result_json(result: Result, period: Period, articles: dict[str, str]) -> dict[str, Any]:
    return {
        "employee_id": result.employee_id,
        "month": period.label,
        "predikat": result.predikat,
        "performance_max_bp": result.performance_max,
        "performance_bp": result.performance,
        "attendance_max_bp": result.attendance_max,
        "deductions_bp": result.deductions,
        "attendance_bp": result.attendance,
        "total_bp": result.total,
        "lines": [
            {
                "kind": line.kind,
                "day": line.day,
                "minutes": line.minutes,
                "band": line.band,
                "rule": line.rule,
                "basis": basis_of(line.rule, articles.get(line.rule, "")).text,
                "nominal_bp": line.nominal,
                "applied_bp": line.applied,
                "capped": line.capped,
            }
            for line in result.lines
        ],
    }


@router.get(
    "/employees/{employee_id}",
    response=ResultOut,
    url_name="tpp_employee",
    summary="A person's TPP of the month with its trace (month=YYYY-MM)",
)
def employee_month(request: HttpRequest, employee_id: Id, month: str = "") -> dict[str, Any]:
    employee = access_recap_employee(user_of(request), employee_id)
    period = _period(month)
    params = params_of_month(period)
    result = month_results(Employee.objects.filter(pk=employee.pk), period, params)[employee.pk]
    return result_json(result, period, dict(params.articles))


@router.get(
    "/units/{unit_id}",
    response=TppUnitOut,
    url_name="tpp_unit",
    summary="The TPP of the month of a unit and its sub-units (month=YYYY-MM)",
)
def unit_month(request: HttpRequest, unit_id: Id, month: str = "") -> dict[str, Any]:
    unit = access_recap_unit(user_of(request), unit_id)
    period = _period(month)
    rows = month_rows_for(user_of(request), people_of_units([unit.path], period), period)
    return {
        "unit_id": unit.pk,
        "unit": unit.name,
        "month": period.label,
        "items": [
            {
                "employee_id": r.employee_id,
                "nip": r.nip,
                "name": r.name,
                "unit": r.unit_name,
                "perangkat_daerah": r.pd_name,
                "predikat": r.result.predikat,
                "performance_bp": r.result.performance,
                "deductions_bp": r.result.deductions,
                "attendance_bp": r.result.attendance,
                "total_bp": r.result.total,
            }
            for r in rows
        ],
    }


@router.get(
    "/simulation/{version_id}",
    response=TppSimulationOut,
    url_name="tpp_simulation",
    summary="What-if: the month's TPP of the regency under a version's TPP rules",
)
def simulation(request: HttpRequest, version_id: Id, month: str = "") -> dict[str, Any]:
    user = user_of(request)
    if not may_see_drafts(user):
        raise Http404
    version = access_version(user, version_id)
    period = _period(month)
    view = simulation_run(params_of(version), period)
    sim = view.simulation
    return {
        "version_id": version.pk,
        "month": period.label,
        "people": sim.people,
        "total_before_bp": sim.total_before,
        "total_after_bp": sim.total_after,
        "affected": sim.affected,
        "lower": sim.lower,
        "higher": sim.higher,
        "changed_rules": [c.key for c in view.param_changes],
        "changes": [
            {"employee_id": c.employee_id, "before_bp": c.before.total, "after_bp": c.after.total}
            for c in sim.changes[:500]
        ],
    }
