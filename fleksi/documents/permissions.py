"""Who may read and generate which document (through the scoping module).

The Perbup's draft and the comparison of versions are for the drafters and those who act on
the legal path: BKPSDM, the Bagian Hukum, the Sekda, the Bupati, and the Inspektorat (read
only). Everyone else gets 404, as for a draft version. An application form: the employee and
their approval chain (and BKPSDM). A keputusan: the heads of its unit (Plt/Plh included).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from fleksi.accounts.domain.access import Perm
from fleksi.accounts.models import User
from fleksi.accounts.permissions import scope_for
from fleksi.documents.models import GeneratedDocument
from fleksi.insights.permissions import may_generate_reports, may_see_reports
from fleksi.org.models import Unit
from fleksi.org.selectors import subtree_q
from fleksi.policy.models import PolicyVersion
from fleksi.policy.permissions import access_version, may_see_drafts
from fleksi.schedule.models import WfaRequest
from fleksi.schedule.permissions import access_request, may_see_evidence

PERBUP_WRITERS = (Perm.POLICY_DRAFT, Perm.POLICY_HARMONISE, Perm.POLICY_INITIAL, Perm.POLICY_ENACT)


def may_read_perbup(user: User) -> bool:
    return may_see_drafts(user)


def may_generate_perbup(user: User) -> bool:
    scope = scope_for(user)
    return any(scope.has(p) for p in PERBUP_WRITERS)


def perbup_version(user: User, version_id: int, *, generate: bool = False) -> PolicyVersion:
    """A version whose documents the user may read (404 otherwise); ``generate``: and may
    generate them (403 otherwise)."""
    if not may_read_perbup(user):
        raise Http404
    version = access_version(user, version_id)
    if generate and not may_generate_perbup(user):
        raise PermissionDenied
    return version


def form_request(user: User, request_id: int) -> WfaRequest:
    """A request whose application form the user may print: the employee and their approval
    chain (and BKPSDM), as for the request's reason and evidence; others who see the request
    403, the rest 404."""
    request = access_request(user, request_id)
    if not may_see_evidence(user, request):
        raise PermissionDenied
    return request


def headed_units(user: User) -> QuerySet[Unit]:
    """The units whose keputusan the user may make: those they head (Plt/Plh included)."""
    return scope_for(user).headed_units()


def keputusan_unit(user: User, unit_id: int) -> Unit:
    """A unit the user heads (Plt/Plh included); 404 otherwise."""
    unit = Unit.objects.filter(pk=unit_id).first()
    if unit is None or not scope_for(user).heads(unit.path):
        raise Http404
    return unit


def keputusan_visible(user: User) -> QuerySet[GeneratedDocument]:
    """The keputusan of the units in the subtrees the user heads."""
    paths = scope_for(user).headed_unit_paths
    if not paths:
        return GeneratedDocument.objects.none()
    return GeneratedDocument.objects.filter(kind=GeneratedDocument.Kind.KEPUTUSAN).filter(
        subtree_q(paths, "unit__path")
    )


def access_document(user: User, document_id: int) -> GeneratedDocument:
    """A stored document the user may download: the Perbup's for the draft readers, a form
    for the employee's chain, a keputusan for the heads of its unit; 404 otherwise."""
    document = (
        GeneratedDocument.objects.select_related("version", "unit").filter(pk=document_id).first()
    )
    if document is None:
        raise Http404
    if document.version_id is not None:
        perbup_version(user, document.version_id)
    elif document.request_id is not None:
        request = access_request(user, document.request_id)
        if not may_see_evidence(user, request):
            raise Http404
    elif document.kind == GeneratedDocument.Kind.MONITORING:
        if not may_see_reports(user):
            raise Http404
    elif document.unit is None or not scope_for(user).heads(document.unit.path):
        raise Http404
    return document


def monitoring_visible(user: User) -> QuerySet[GeneratedDocument]:
    """The monitoring reports: for the regency-wide roles (as the evaluation reports)."""
    if not may_see_reports(user):
        return GeneratedDocument.objects.none()
    return GeneratedDocument.objects.filter(kind=GeneratedDocument.Kind.MONITORING)


def require_monitoring(user: User, *, generate: bool = False) -> None:
    """Regency-wide roles read (others 404); the Sekda and BKPSDM generate (others 403)."""
    if not may_see_reports(user):
        raise Http404
    if generate and not may_generate_reports(user):
        raise PermissionDenied
