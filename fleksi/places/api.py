"""``/api/v1/places``: readiness per kecamatan, desa and perangkat daerah; profile edits."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router

from fleksi.accounts.current import user_of
from fleksi.common.apikit import Id, Limit, Offset
from fleksi.places.domain.readiness import AreaReadiness, UnitReadiness
from fleksi.places.models import Desa
from fleksi.places.permissions import require_places_manage, require_readiness_view
from fleksi.places.schemas import (
    DesaOut,
    DesaPage,
    KecamatanList,
    ProfileIn,
    UnitReadinessList,
)
from fleksi.places.selectors import (
    DesaRow,
    desa_readiness_get,
    desa_rows,
    readiness_picture,
    rules_on,
    unit_readiness_table,
)
from fleksi.places.services import profile_update

router = Router(tags=["places"])
MAX_LIMIT = 500


def _area(a: AreaReadiness) -> dict[str, Any]:
    return {**vars(a), "ready_share": a.ready_share, "band": a.band}


def _desa(row: DesaRow) -> dict[str, Any]:
    p, e, r = row.profile, row.evidence, row.readiness
    return {
        "id": row.id,
        "code": row.code,
        "name": row.name,
        "kind": row.kind,
        "kecamatan_id": row.kecamatan_id,
        "profile": {
            "best_network": p.best_network,
            "electricity_24h": p.electricity_24h,
            "blank_spot": p.blank_spot,
            "source": p.source,
            "surveyed_on": p.surveyed_on,
            "updated_at": p.updated_at,
            "updated_by": p.updated_by_label,
        }
        if p is not None
        else None,
        "evidence": {
            "samples": e.samples,
            "level_counts": dict(e.level_counts),
            "median_rtt_ms": e.median_rtt_ms,
            "median_downlink_mbps": e.median_downlink_mbps,
            "median_server_latency_ms": e.median_server_latency_ms,
            "slow_share": e.slow_share,
            "measured_level": e.level,
            "last_at": e.last_at,
        }
        if e is not None
        else None,
        "readiness": {**vars(r), "band": r.band},
    }


def _unit(unit_id: Id, name: str, u: UnitReadiness) -> dict[str, Any]:
    return {"unit_id": unit_id, "name": name, **vars(u), "share": u.share}


@router.get(
    "/kecamatan",
    response=KecamatanList,
    url_name="places_kecamatan_list",
    summary="Readiness of every kecamatan",
)
def kecamatan_list(request: HttpRequest) -> dict[str, Any]:
    require_readiness_view(user_of(request))
    picture = readiness_picture()
    return {
        "day": picture.rules.day,
        "min_connectivity": picture.rules.min_connectivity,
        "network_points": dict(picture.rules.points),
        "regulation_number": picture.rules.regulation_number,
        "regency": _area(picture.regency),
        "items": [
            {
                "id": k.id,
                "code": k.code,
                "name": k.name,
                "latitude": k.latitude,
                "longitude": k.longitude,
                "readiness": _area(k.summary),
            }
            for k in picture.kecamatan
        ],
    }


@router.get(
    "/desa",
    response=DesaPage,
    url_name="places_desa_list",
    summary="Desa/kelurahan with profile, measured evidence and score (by code)",
)
def desa_list(
    request: HttpRequest, kecamatan_id: Id | None = None, limit: Limit = 100, offset: Offset = 0
) -> dict[str, Any]:
    require_readiness_view(user_of(request))
    limit, offset = max(1, min(limit, MAX_LIMIT)), max(0, offset)
    qs = Desa.objects.order_by("kecamatan__code", "code")
    if kecamatan_id is not None:
        qs = qs.filter(kecamatan_id=kecamatan_id)
    ids = list(qs.values_list("id", flat=True)[offset : offset + limit])
    rules = rules_on()
    return {
        "count": qs.count(),
        "limit": limit,
        "offset": offset,
        "min_connectivity": rules.min_connectivity,
        "network_points": dict(rules.points),
        "items": [_desa(r) for r in desa_rows(rules, desa_ids=ids)],
    }


@router.get(
    "/desa/{desa_id}", response=DesaOut, url_name="places_desa_detail", summary="One desa/kelurahan"
)
def desa_detail(request: HttpRequest, desa_id: Id) -> dict[str, Any]:
    require_readiness_view(user_of(request))
    row = desa_readiness_get(desa_id)
    if row is None:
        raise Http404
    return _desa(row)


@router.put(
    "/desa/{desa_id}/profile",
    response=DesaOut,
    url_name="places_profile_put",
    summary="Set the connectivity profile of a desa (Diskominfo)",
)
def profile_put(request: HttpRequest, desa_id: Id, payload: ProfileIn) -> dict[str, Any]:
    user = user_of(request)
    require_places_manage(user)
    desa = get_object_or_404(Desa, pk=desa_id)
    profile_update(actor=user, desa=desa, **payload.dict())
    row = desa_readiness_get(desa.pk)
    assert row is not None
    return _desa(row)


@router.get(
    "/units",
    response=UnitReadinessList,
    url_name="places_unit_list",
    summary="Per perangkat daerah: WFA-capable employees living in a ready place",
)
def unit_list(request: HttpRequest) -> dict[str, Any]:
    require_readiness_view(user_of(request))
    picture = readiness_picture()
    table = unit_readiness_table(ready_desa=picture.ready_desa_ids, day=picture.rules.day)
    return {
        "basis": table.basis,
        "regulation_number": table.regulation_number,
        "total": _unit(0, "", table.total),
        "items": [_unit(r.unit_id, r.name, r.summary) for r in table.rows],
    }
