from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Status

from fleksi.accounts.current import user_of
from fleksi.accounts.domain.access import Perm
from fleksi.accounts.permissions import require
from fleksi.audit.domain.chain import to_jsonable
from fleksi.common.apikit import Id
from fleksi.policy import services
from fleksi.policy.api_legal import router as legal_router
from fleksi.policy.domain.params import diff_params, param_keys, spec_of
from fleksi.policy.messages import PARAM_LABELS
from fleksi.policy.models import PolicyVersion
from fleksi.policy.permissions import access_version, may_see_drafts
from fleksi.policy.schemas import DiffOut, DraftIn, DraftUpdateIn, VersionOut, VersionSummary
from fleksi.policy.selectors import params_of, versions_visible

router = Router(tags=["policy"])


def _basis(v: PolicyVersion) -> list[dict[str, Any]]:
    params = params_of(v)
    out = []
    for key in param_keys():
        b = params.basis(key)
        out.append(
            {
                "key": key,
                "label": str(PARAM_LABELS.get(key, key)),
                "group": spec_of(key).group,
                "value": to_jsonable(getattr(params, key)),
                "basis": {"ppk": b.ppk, "national": b.national, "perbup": b.perbup, "text": b.text},
            }
        )
    return out


def _out(v: PolicyVersion) -> dict[str, Any]:
    return {
        "id": v.pk,
        "regulation_number": v.regulation_number,
        "title": v.title,
        "status": v.status,
        "kind": v.kind,
        "stage": v.stage,
        "effective_from": v.effective_from,
        "effective_to": v.effective_to,
        "based_on_id": v.based_on_id,
        "author": str(v.author.username),
        "approver": v.approver.username if v.approver else None,
        "published_at": v.published_at,
        "params": v.params,
        "basis": _basis(v),
        "unit_overrides": [
            {
                "unit_id": o.unit_id,
                "unit_code": o.unit.code,
                "max_offsite_share": float(o.max_offsite_share)
                if o.max_offsite_share is not None
                else None,
                "min_onsite_staff": o.min_onsite_staff,
                "reason": o.reason,
            }
            for o in v.unit_overrides.select_related("unit")
        ],
        "role_minimums": [
            {
                "unit_id": r.unit_id,
                "unit_code": r.unit.code,
                "role": r.role,
                "min_onsite": r.min_onsite,
            }
            for r in v.role_minimums.select_related("unit").order_by("unit__code", "role")
        ],
    }


@router.get("/versions", response=list[VersionSummary], summary="Policy versions you may see")
def version_list(request: HttpRequest) -> Any:
    return list(versions_visible(drafts=may_see_drafts(user_of(request))))


@router.get("/versions/{version_id}", response=VersionOut, summary="One policy version")
def version_detail(request: HttpRequest, version_id: Id) -> dict[str, Any]:
    return _out(access_version(user_of(request), version_id))


@router.post("/versions", response={201: VersionOut}, summary="Create a draft (BKPSDM)")
def draft_create(request: HttpRequest, payload: DraftIn) -> Status[dict[str, Any]]:
    user = user_of(request)
    require(user, Perm.POLICY_DRAFT)
    based_on = access_version(user, payload.based_on_id) if payload.based_on_id else None
    version = services.policy_draft_create(
        actor=user,
        regulation_number=payload.regulation_number,
        title=payload.title,
        effective_from=payload.effective_from,
        based_on=based_on,
    )
    return Status(201, _out(version))


@router.patch("/versions/{version_id}", response=VersionOut, summary="Change a draft (BKPSDM)")
def draft_update(request: HttpRequest, version_id: Id, payload: DraftUpdateIn) -> dict[str, Any]:
    user = user_of(request)
    require(user, Perm.POLICY_DRAFT)
    version = access_version(user, version_id)
    merged = None
    if payload.params is not None:
        merged = {**version.params, **payload.params}
    version = services.policy_draft_update(
        actor=user,
        version=version,
        params=merged,
        regulation_number=payload.regulation_number,
        title=payload.title,
        effective_from=payload.effective_from,
        notes=payload.notes,
    )
    return _out(version)


@router.get("/diff", response=DiffOut, summary="What changed between two versions")
def version_diff(request: HttpRequest, a: Id, b: Id) -> dict[str, Any]:
    user = user_of(request)
    va, vb = access_version(user, a), access_version(user, b)
    return {
        "a": va.pk,
        "b": vb.pk,
        "changes": [
            {
                "key": c.key,
                "before": to_jsonable(c.before),
                "after": to_jsonable(c.after),
                "direction": c.direction,
            }
            for c in diff_params(params_of(va), params_of(vb))
        ],
    }


# The legal path's endpoints (``/versions/{id}/legal…``, amendments, revocations).
router.add_router("", legal_router)
