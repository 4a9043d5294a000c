"""``/api/v1/policy/versions/{id}/legal…``: the Perbup's legal path (decision 0025). Each
step is one role's; a step that does not follow from the version's stage answers 409
``legal_out_of_order`` and writes nothing."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from ninja import File, Router, Schema, Status, UploadedFile
from pydantic import Field

from fleksi.accounts.current import user_of
from fleksi.accounts.domain.access import Perm
from fleksi.accounts.models import User
from fleksi.accounts.permissions import require, scope_for
from fleksi.accounts.stepup import require_step_up
from fleksi.common.apikit import Id
from fleksi.policy import services_legal as legal
from fleksi.policy.domain.legal import NEXT_STEPS, Stage, Step
from fleksi.policy.models import PolicyVersion
from fleksi.policy.permissions import STEP_PERMS, access_version

router = Router(tags=["policy"])


class LegalStepOut(Schema):
    step: str = Field(description="submit, return, clear, initial, enact, promulgate")
    label: str
    round: int = Field(description="Putaran harmonisasi.")
    actor: str
    at: datetime
    note: str
    data: dict[str, Any]


class LegalNoteOut(Schema):
    round: int
    target: str = Field(description="Kosong: rancangan seluruhnya; kunci parameter; atau pasal.")
    text: str
    author: str
    created_at: datetime


class SignedDocumentOut(Schema):
    id: int
    name: str
    size: int
    sha256: str
    uploaded_at: datetime


class LegalOut(Schema):
    version_id: int
    kind: str = Field(description="original, amendment (perubahan), revocation (pencabutan)")
    stage: str = Field(
        description="drafting, harmonisation, cleared, initialled, enacted, promulgated"
    )
    stage_label: str
    next_steps: list[str] = Field(description="Langkah berikutnya yang dapat dilakukan Anda.")
    harmonisation_round: int
    enacted_number: str
    enacted_on: date | None
    gazette_number: str
    gazette_year: int | None
    promulgated_on: date | None
    effective_from: date
    steps: list[LegalStepOut]
    notes: list[LegalNoteOut]
    documents: list[SignedDocumentOut]


class NoteIn(Schema):
    note: str = Field("", max_length=2000)


class CommentIn(Schema):
    target: str = Field("", max_length=60)
    text: str = Field(max_length=4000)


class EnactIn(Schema):
    number: str = Field(max_length=8, description="Nomor Perbup, mis. 18 atau 18A.")
    enacted_on: date = Field(description="Tanggal ditetapkan.")


class PromulgateIn(Schema):
    gazette_number: str = Field(max_length=8, description="Nomor Berita Daerah.")
    promulgated_on: date = Field(description="Tanggal diundangkan; tahunnya tahun Berita Daerah.")
    effective_from: date | None = Field(
        None, description="Tanggal mulai berlaku menurut naskah; kosong: tanggal rancangan."
    )


class StartIn(Schema):
    effective_from: date


def _legal(user: User, v: PolicyVersion) -> dict[str, Any]:
    scope = scope_for(user)
    return {
        "version_id": v.pk,
        "kind": v.kind,
        "stage": v.stage,
        "stage_label": v.get_stage_display(),
        "next_steps": [s.value for s in NEXT_STEPS[Stage(v.stage)] if scope.has(STEP_PERMS[s])],
        "harmonisation_round": v.harmonisation_round,
        "enacted_number": v.enacted_number,
        "enacted_on": v.enacted_on,
        "gazette_number": v.gazette_number,
        "gazette_year": v.gazette_year,
        "promulgated_on": v.promulgated_on,
        "effective_from": v.effective_from,
        "steps": [
            {
                "step": s.step,
                "label": legal.step_label(s.step),
                "round": s.round,
                "actor": str(s.actor),
                "at": s.at,
                "note": s.note,
                "data": s.data,
            }
            for s in v.legal_steps.select_related("actor", "actor__employee")
        ],
        "notes": [
            {
                "round": n.round,
                "target": n.target,
                "text": n.text,
                "author": str(n.author),
                "created_at": n.created_at,
            }
            for n in v.harmonisation_notes.select_related("author", "author__employee")
        ],
        "documents": list(v.signed_documents.all()),
    }


def _step(request: HttpRequest, version_id: int, step: Step) -> tuple[User, PolicyVersion]:
    user = user_of(request)
    require(user, STEP_PERMS[step])
    version = access_version(user, version_id)
    if step in (Step.ENACT, Step.PROMULGATE):
        require_step_up(request)
    return user, version


@router.get(
    "/versions/{version_id}/legal",
    response=LegalOut,
    summary="The legal path of a version: stage, steps, comments, signed documents",
)
def legal_detail(request: HttpRequest, version_id: Id) -> dict[str, Any]:
    user = user_of(request)
    return _legal(user, access_version(user, version_id))


@router.post(
    "/versions/{version_id}/legal/submit",
    response=LegalOut,
    summary="Send a draft to the Bagian Hukum for harmonisation (BKPSDM)",
)
def legal_submit(request: HttpRequest, version_id: Id, payload: NoteIn) -> dict[str, Any]:
    user, version = _step(request, version_id, Step.SUBMIT)
    return _legal(user, legal.legal_submit(actor=user, version=version, note=payload.note))


@router.post(
    "/versions/{version_id}/legal/comments",
    response={201: LegalOut},
    summary="Comment on a draft in harmonisation: whole, a parameter or an article (Bagian Hukum)",
)
def legal_comment(
    request: HttpRequest, version_id: Id, payload: CommentIn
) -> Status[dict[str, Any]]:
    user = user_of(request)
    require(user, Perm.POLICY_HARMONISE)
    version = access_version(user, version_id)
    legal.legal_note_add(actor=user, version=version, target_key=payload.target, text=payload.text)
    return Status(201, _legal(user, version))


@router.post(
    "/versions/{version_id}/legal/return",
    response=LegalOut,
    summary="Return a draft to the drafters, with a reason or comments (Bagian Hukum)",
)
def legal_return(request: HttpRequest, version_id: Id, payload: NoteIn) -> dict[str, Any]:
    user, version = _step(request, version_id, Step.RETURN)
    return _legal(user, legal.legal_return(actor=user, version=version, note=payload.note))


@router.post(
    "/versions/{version_id}/legal/clear",
    response=LegalOut,
    summary="Clear a harmonised draft for the Sekda (Bagian Hukum)",
)
def legal_clear(request: HttpRequest, version_id: Id, payload: NoteIn) -> dict[str, Any]:
    user, version = _step(request, version_id, Step.CLEAR)
    return _legal(user, legal.legal_clear(actor=user, version=version, note=payload.note))


@router.post(
    "/versions/{version_id}/legal/initial",
    response=LegalOut,
    summary="Initial (paraf) a harmonised draft for the Bupati (Sekda)",
)
def legal_initial(request: HttpRequest, version_id: Id, payload: NoteIn) -> dict[str, Any]:
    user, version = _step(request, version_id, Step.INITIAL)
    return _legal(user, legal.legal_initial(actor=user, version=version, note=payload.note))


@router.post(
    "/versions/{version_id}/legal/enact",
    response=LegalOut,
    summary="Enact (ditetapkan) an initialled draft: number and date (Bupati)",
)
def legal_enact(request: HttpRequest, version_id: Id, payload: EnactIn) -> dict[str, Any]:
    user, version = _step(request, version_id, Step.ENACT)
    version = legal.legal_enact(
        actor=user, version=version, number=payload.number, enacted_on=payload.enacted_on
    )
    return _legal(user, version)


@router.post(
    "/versions/{version_id}/legal/promulgate",
    response=LegalOut,
    summary="Promulgate (diundangkan) in the Berita Daerah; in force from its date (Sekda)",
)
def legal_promulgate(request: HttpRequest, version_id: Id, payload: PromulgateIn) -> dict[str, Any]:
    user, version = _step(request, version_id, Step.PROMULGATE)
    version = legal.legal_promulgate(
        actor=user,
        version=version,
        gazette_number=payload.gazette_number,
        promulgated_on=payload.promulgated_on,
        effective_from=payload.effective_from,
    )
    return _legal(user, version)


@router.post(
    "/versions/{version_id}/legal/documents",
    response={201: SignedDocumentOut},
    summary="Upload the signed PDF from SRIKANDI (BSrE); kept with its SHA-256",
)
def legal_document_upload(
    request: HttpRequest, version_id: Id, file: File[UploadedFile]
) -> Status[Any]:
    user = user_of(request)
    require(user, Perm.POLICY_SIGNED_UPLOAD)
    version = access_version(user, version_id)
    return Status(201, legal.legal_document_upload(actor=user, version=version, upload=file))


@router.post(
    "/versions/{version_id}/amendments",
    response={201: LegalOut},
    summary="Draft an amendment (“Perubahan atas …”) of a promulgated version (BKPSDM)",
)
def amendment_create(
    request: HttpRequest, version_id: Id, payload: StartIn
) -> Status[dict[str, Any]]:
    user = user_of(request)
    require(user, Perm.POLICY_DRAFT)
    of = access_version(user, version_id)
    draft = legal.policy_amendment_create(actor=user, of=of, effective_from=payload.effective_from)
    return Status(201, _legal(user, draft))


@router.post(
    "/versions/{version_id}/revocations",
    response={201: LegalOut},
    summary="Draft a revocation (pencabutan) of the version in force (BKPSDM)",
)
def revocation_create(
    request: HttpRequest, version_id: Id, payload: StartIn
) -> Status[dict[str, Any]]:
    user = user_of(request)
    require(user, Perm.POLICY_DRAFT)
    of = access_version(user, version_id)
    draft = legal.policy_revocation_create(actor=user, of=of, effective_from=payload.effective_from)
    return Status(201, _legal(user, draft))
