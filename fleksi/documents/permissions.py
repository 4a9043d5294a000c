"""Who may read and generate which document (through the scoping module).

The Perbup's draft and the comparison of versions are for the drafters and those who act on
the legal path: BKPSDM, the Bagian Hukum, the Sekda, the Bupati, and the Inspektorat (read
only). Everyone else gets 404, as for a draft version.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404

from fleksi.accounts.domain.access import Perm
from fleksi.accounts.models import User
from fleksi.accounts.permissions import scope_for
from fleksi.documents.models import GeneratedDocument
from fleksi.policy.models import PolicyVersion
from fleksi.policy.permissions import access_version, may_see_drafts

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


def access_document(user: User, document_id: int) -> GeneratedDocument:
    document = GeneratedDocument.objects.select_related("version").filter(pk=document_id).first()
    if document is None or document.version_id is None:
        raise Http404
    perbup_version(user, document.version_id)
    return document
