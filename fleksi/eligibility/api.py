from __future__ import annotations

from datetime import date
from typing import Any

from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Router

from fleksi.accounts.current import user_of
from fleksi.accounts.permissions import access_employee
from fleksi.common.apikit import Id
from fleksi.eligibility.schemas import EligibilityOut, SimulationOut
from fleksi.eligibility.selectors import simulation_run
from fleksi.eligibility.services import eligibility_decide
from fleksi.policy.permissions import access_version, may_see_drafts

router = Router(tags=["eligibility"])


@router.get(
    "/employees/{employee_id}",
    response=EligibilityOut,
    summary="May this person use WFA on a day, and why (with the rule trace)",
)
def employee_eligibility(
    request: HttpRequest, employee_id: Id, day: date | None = None
) -> dict[str, Any]:
    user = user_of(request)
    employee = access_employee(user, employee_id)
    outcome = eligibility_decide(employee=employee, day=day or timezone.localdate(), actor=user)
    assert outcome.stored is not None
    return {
        "employee_id": employee.pk,
        "day": outcome.day,
        "verdict": outcome.stored.verdict,
        "policy_version_id": outcome.version.pk if outcome.version else None,
        "regulation_number": outcome.version.regulation_number if outcome.version else None,
        "trace": outcome.stored.trace,
    }


@router.get(
    "/simulation/{version_id}",
    response=SimulationOut,
    summary="What-if: a version against the one in force, on today's data",
)
def simulation(request: HttpRequest, version_id: Id, day: date | None = None) -> dict[str, Any]:
    user = user_of(request)
    if not may_see_drafts(user):
        raise Http404
    version = access_version(user, version_id)
    view = simulation_run(version=version, day=day or timezone.localdate())
    res = view.result

    def counts(table: dict[Any, Any], names: dict[Any, str]) -> list[dict[str, Any]]:
        return [
            {
                "key": str(k),
                "name": names.get(k, str(k)),
                "total": c.total,
                "before": c.before,
                "after": c.after,
            }
            for k, c in table.items()
        ]

    return {
        "version_id": version.pk,
        "compared_with_id": view.before.pk if view.before else None,
        "day": view.day,
        "total": res.total.total,
        "eligible_before": res.total.before,
        "eligible_after": res.total.after,
        "by_perangkat_daerah": counts(res.by_perangkat_daerah, view.names),
        "by_kecamatan": counts(res.by_kecamatan, view.kecamatan_names),
        "by_asn_type": counts(res.by_asn_type, {}),
        "capacity": [
            {"perangkat_daerah_id": k, "name": view.names.get(k, str(k)), **vars(c)}
            for k, c in res.capacity.items()
        ],
        "changes": [
            {"employee_id": c.employee_id, "gains": c.gains, "rules": list(c.rules)}
            for c in res.changes
        ],
        "seconds": view.seconds,
    }
