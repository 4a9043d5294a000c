"""SKP endpoints."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Query, Schema, Status

from fleksi.accounts.current import user_of
from fleksi.common.apikit import Id
from fleksi.outputs import services
from fleksi.outputs.api.common import employee_of, rhk_or_none, router
from fleksi.outputs.models import Skp, SkpResult
from fleksi.outputs.permissions import (
    access_skp,
)
from fleksi.outputs.schemas import (
    RhkIn,
    RhkOut,
    SkpOut,
)
from fleksi.outputs.services import IndicatorIn


def _result_out(r: SkpResult) -> dict[str, Any]:
    return {
        "id": r.pk,
        "number": r.number,
        "kind": r.kind,
        "text": r.text,
        "parent_id": r.parent_id,
        "indicators": [
            {
                "text": i.text,
                "target_quantity": i.target_quantity,
                "target_unit": i.target_unit,
                "target_quality_pct": i.target_quality_pct,
                "target_time_months": i.target_time_months,
            }
            for i in r.indicators.all()
        ],
    }


class SkpQuery(Schema):
    employee_id: Id | None = None
    year: int | None = None


@router.get("/skp", response=SkpOut, url_name="outputs_skp", summary="An employee's SKP")
def skp_get(request: HttpRequest, q: Query[SkpQuery]) -> dict[str, Any]:
    employee = employee_of(user_of(request), q.employee_id)
    skp = Skp.objects.filter(employee=employee, year=q.year or timezone.localdate().year).first()
    if skp is None:
        raise Http404
    results = skp.results.prefetch_related("indicators").order_by("number")
    return {
        "id": skp.pk,
        "employee_id": skp.employee_id,
        "year": skp.year,
        "status": skp.status,
        "source": skp.source,
        "results": [_result_out(r) for r in results],
    }


@router.post(
    "/skp/{skp_id}/results",
    response={201: RhkOut},
    url_name="outputs_rhk_create",
    summary="Add a planned result (RHK) with its indicators",
)
def rhk_create(request: HttpRequest, skp_id: Id, payload: RhkIn) -> Status[dict[str, Any]]:
    user = user_of(request)
    skp = access_skp(user, skp_id, change=True)
    parent = rhk_or_none(payload.parent_id)
    result = services.skp_result_save(
        actor=user,
        skp=skp,
        number=payload.number,
        text=payload.text,
        kind=payload.kind,
        parent=parent,
        indicators=[IndicatorIn(**i.dict()) for i in payload.indicators],
    )
    return Status(201, _result_out(result))
