"""``/api/v1/documents/…``: documents generated from the data (the draft Perbup of a policy
version, the comparison of two versions), each kept with its SHA-256. Same roles as the
pages: BKPSDM, the Bagian Hukum, the Sekda, the Bupati and the Inspektorat read them (others
404); all but the Inspektorat generate them (403)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from pydantic import Field

from fleksi.accounts.current import user_of
from fleksi.common.apikit import Id
from fleksi.common.domain.months import parse_month
from fleksi.common.errors import ValidationFailed
from fleksi.documents import permissions as perms
from fleksi.documents.models import GeneratedDocument
from fleksi.documents.selectors import documents_of_version
from fleksi.documents.services import (
    document_application_form,
    document_keputusan,
    document_monitoring_report,
    document_perbup_diff,
    document_perbup_draft,
)

router = Router(tags=["documents"])

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
Format = Literal["docx", "pdf"]
Paper = Literal["a4", "f4"]


class GeneratedDocumentOut(Schema):
    id: int
    kind: str = Field(
        description="perbup_draft (rancangan Peraturan Bupati), perbup_diff (perbandingan "
        "dua versi), application_form (formulir permohonan), keputusan (keputusan pimpinan "
        "unit)"
    )
    format: str = Field(description="docx or pdf")
    paper: str = Field(description="a4 (210 × 297 mm) or f4 (215 × 330 mm)")
    version_id: int | None
    base_version_id: int | None = Field(description="The older version of a comparison.")
    request_id: int | None = Field(description="The WFA request of an application form.")
    unit_id: int | None = Field(description="The unit of a keputusan.")
    period_start: date | None
    period_end: date | None
    subject: str
    name: str = Field(description="File name")
    size: int = Field(description="Bytes")
    sha256: str = Field(description="SHA-256 of the file, hexadecimal")
    created_by: str
    created_at: datetime
    file_url: str = Field(description="Download with the same token: GET …/documents/{id}/file")


class PerbupDocumentIn(Schema):
    format: Format = "docx"
    paper: Paper = "a4"


class KeputusanIn(Schema):
    start: date = Field(description="First day of the period")
    end: date = Field(description="Last day of the period (at most a year after the first)")
    format: Format = "docx"
    paper: Paper = "f4"


class PerbupDiffIn(PerbupDocumentIn):
    base_version_id: Id = Field(description="The version to compare with (the older one).")


def _out(d: GeneratedDocument) -> GeneratedDocumentOut:
    return GeneratedDocumentOut(
        id=d.pk,
        kind=d.kind,
        format=d.fmt,
        paper=d.paper,
        version_id=d.version_id,
        base_version_id=d.base_version_id,
        request_id=d.request_id,
        unit_id=d.unit_id,
        period_start=d.period_start,
        period_end=d.period_end,
        subject=d.subject,
        name=d.name,
        size=d.size,
        sha256=d.sha256,
        created_by=str(d.created_by),
        created_at=d.created_at,
        file_url=reverse("api:document_file", args=[d.pk]),
    )


@router.get(
    "/perbup/{version_id}",
    response=list[GeneratedDocumentOut],
    url_name="documents_of_version",
    summary="The documents generated for a policy version, newest first",
)
def version_documents(request: HttpRequest, version_id: Id) -> list[GeneratedDocumentOut]:
    """At most the 50 newest (draft Perbup and comparisons whose newer side is this version)."""
    version = perms.perbup_version(user_of(request), version_id)
    return [_out(d) for d in documents_of_version(version)]


@router.post(
    "/perbup/{version_id}/draft",
    response={201: GeneratedDocumentOut},
    url_name="document_perbup_draft",
    summary="Generate the draft Perbup of a version (DOCX or PDF, A4 or F4)",
)
def perbup_draft(
    request: HttpRequest, version_id: Id, payload: PerbupDocumentIn
) -> Status[GeneratedDocumentOut]:
    """Judul, konsiderans, dasar hukum, BAB / Pasal / ayat (each parameter in the article the
    version records for it; the others in the free Pasal numbers), penutup and the Lampiran of
    the positions whose class allows WFA, per perangkat daerah. In Indonesian; kept with its
    SHA-256 and audited."""
    user = user_of(request)
    version = perms.perbup_version(user, version_id, generate=True)
    document = document_perbup_draft(
        actor=user, version=version, fmt=payload.format, paper=payload.paper
    )
    return Status(201, _out(document))


@router.post(
    "/perbup/{version_id}/diff",
    response={201: GeneratedDocumentOut},
    url_name="document_perbup_diff",
    summary="Generate the comparison of a version with an older one",
)
def perbup_diff(
    request: HttpRequest, version_id: Id, payload: PerbupDiffIn
) -> Status[GeneratedDocumentOut]:
    """Which Pasal and ayat changed, the old wording beside the new. The same version twice:
    400 ``document_same_version``."""
    user = user_of(request)
    version = perms.perbup_version(user, version_id, generate=True)
    base = perms.perbup_version(user, payload.base_version_id)
    document = document_perbup_diff(
        actor=user, base=base, version=version, fmt=payload.format, paper=payload.paper
    )
    return Status(201, _out(document))


@router.post(
    "/requests/{request_id}/form",
    response={201: GeneratedDocumentOut},
    url_name="document_request_form",
    summary="Print the application form of a WFA request",
)
def request_form(
    request: HttpRequest, request_id: Id, payload: PerbupDocumentIn
) -> Status[GeneratedDocumentOut]:
    """The employee's application form (PermenPANRB 4/2025 Pasal 30: reason, evidence, work
    plan with measurable targets), for those who need paper. The employee and their approval
    chain (and BKPSDM); others who see the request 403."""
    user = user_of(request)
    wfa = perms.form_request(user, request_id)
    document = document_application_form(
        actor=user, request=wfa, fmt=payload.format, paper=payload.paper
    )
    return Status(201, _out(document))


@router.get(
    "/keputusan",
    response=list[GeneratedDocumentOut],
    url_name="documents_keputusan",
    summary="The keputusan generated for the units the caller heads, newest first",
)
def keputusan_list(request: HttpRequest) -> list[GeneratedDocumentOut]:
    """At most the 50 newest; empty for someone who heads no unit."""
    found = perms.keputusan_visible(user_of(request)).select_related("created_by")[:50]
    return [_out(d) for d in found]


@router.post(
    "/units/{unit_id}/keputusan",
    response={201: GeneratedDocumentOut},
    url_name="document_keputusan",
    summary="Generate the unit head's keputusan: who works flexibly by location in a period",
)
def keputusan_new(
    request: HttpRequest, unit_id: Id, payload: KeputusanIn
) -> Status[GeneratedDocumentOut]:
    """Every approved WFA day between ``start`` and ``end`` of the people of the unit and the
    units below it, with their place, in the shape of a keputusan for the head to number and
    sign. Heads of the unit only (Plt/Plh included; others 404). A period ending before it
    starts or longer than a year: 400 ``document_period``."""
    user = user_of(request)
    unit = perms.keputusan_unit(user, unit_id)
    document = document_keputusan(
        actor=user,
        unit=unit,
        start=payload.start,
        end=payload.end,
        fmt=payload.format,
        paper=payload.paper,
    )
    return Status(201, _out(document))


class MonitoringIn(Schema):
    month: str = Field(description="The month reported, YYYY-MM (begun already)")
    format: Format = "pdf"
    paper: Paper = "a4"


@router.get(
    "/monitoring",
    response=list[GeneratedDocumentOut],
    url_name="documents_monitoring",
    summary="The monitoring reports (PermenPANRB 4/2025 Pasal 35), newest first",
)
def monitoring_list(request: HttpRequest) -> list[GeneratedDocumentOut]:
    """Regency-wide roles (Sekda, Bupati, BKPSDM, Diskominfo, Inspektorat); others 404."""
    user = user_of(request)
    perms.require_monitoring(user)
    return [_out(d) for d in perms.monitoring_visible(user).select_related("created_by")[:50]]


@router.post(
    "/monitoring",
    response={201: GeneratedDocumentOut},
    url_name="document_monitoring",
    summary="Generate the monitoring report of a month for the Bupati and KemenPANRB",
)
def monitoring_new(request: HttpRequest, payload: MonitoringIn) -> Status[GeneratedDocumentOut]:
    """In the shape PermenPANRB 4/2025 Pasal 35 asks: tiered (the regency, then each
    perangkat daerah), before and after WFA on performance, discipline and infrastructure
    readiness, with the units of concern and recommendations, from the evaluation's monthly
    figures. The Sekda and BKPSDM (other regency-wide roles 403). A month not begun: 400
    ``document_month``; not YYYY-MM: 400 ``document_month``."""
    user = user_of(request)
    perms.require_monitoring(user, generate=True)
    month = parse_month(payload.month)
    if month is None:
        raise ValidationFailed("document_month", _("Give the month as YYYY-MM."))
    document = document_monitoring_report(
        actor=user, month=month, fmt=payload.format, paper=payload.paper
    )
    return Status(201, _out(document))


@router.get(
    "/{document_id}",
    response=GeneratedDocumentOut,
    url_name="document_detail",
    summary="One generated document: what it is, its SHA-256 and where to download it",
)
def document_detail(request: HttpRequest, document_id: Id) -> GeneratedDocumentOut:
    return _out(perms.access_document(user_of(request), document_id))


@router.get(
    "/{document_id}/file",
    url_name="document_file",
    summary="Download a generated document (DOCX or PDF)",
    response={200: None},
    openapi_extra={
        "responses": {
            "200": {
                "description": "The file; its SHA-256 in the X-Content-SHA256 header",
                "content": {
                    media: {"schema": {"type": "string", "format": "binary"}}
                    for media in CONTENT_TYPES.values()
                },
            }
        }
    },
)
def document_file(request: HttpRequest, document_id: Id) -> HttpResponse:
    document = perms.access_document(user_of(request), document_id)
    with document.file.open("rb") as stored:
        content = stored.read()
    response = HttpResponse(content, content_type=CONTENT_TYPES[document.fmt])
    response["Content-Disposition"] = f'attachment; filename="{document.name}"'
    response["X-Content-SHA256"] = document.sha256
    return response


__all__ = ["router"]
