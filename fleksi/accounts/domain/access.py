"""Who may do what, as pure data: the permissions each role carries.

Roles are plain strings here (the values of ``fleksi.accounts.models.Role``). Permissions
are named ``<area>.<verb>``. Which *rows* a user may see (their scope) is decided in
``fleksi.accounts.permissions`` from the organisation; this module only says which
capabilities a role brings.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class Perm(StrEnum):
    PEOPLE_VIEW_ALL = "people.view_all"  # every employee of the agency
    # Sensitive per-person data of everyone (exceptions with their reasons, evidence files);
    # without it, only one's own, and that of the people one supervises or heads.
    SENSITIVE_VIEW_ALL = "people.sensitive_all"
    PEOPLE_CHANGE = "people.change"  # edit personnel data
    PEOPLE_IMPORT = "people.import"  # import registry exports
    ROLES_MANAGE = "roles.manage"  # assign and revoke roles
    ROLES_VIEW = "roles.view"  # who held which role when
    AUDIT_VIEW = "audit.view"
    PLACES_MANAGE = "places.manage"
    REGENCY_VIEW = "regency.view"  # regency-wide dashboards
    POLICY_DRAFT = "policy.draft"  # write draft Perbup versions
    # The Perbup's legal path (decision 0025): each step is one role's.
    POLICY_HARMONISE = "policy.harmonise"  # Bagian Hukum: comment, return or clear a draft
    POLICY_INITIAL = "policy.initial"  # Sekda: paraf
    POLICY_ENACT = "policy.enact"  # Bupati: ditetapkan (number, date)
    POLICY_PROMULGATE = "policy.promulgate"  # Sekda: diundangkan in the Berita Daerah
    POLICY_SIGNED_UPLOAD = "policy.signed_upload"  # the signed PDF from SRIKANDI
    POLICY_VIEW_DRAFTS = "policy.view_drafts"
    CALENDAR_MANAGE = "calendar.manage"
    MAPPING_PROPOSE_ALL = "mapping.propose_all"  # propose duty mappings for any unit
    MAPPING_APPROVE = "mapping.approve"
    # Read every unit's duty mapping (positions, duties, assessments, classes; exceptions only
    # counted): the Bagian Organisasi, which keeps the analisis jabatan the mapping rests on.
    MAPPING_VIEW_ALL = "mapping.view_all"


ROLE_PERMISSIONS: dict[str, frozenset[Perm]] = {
    "employee": frozenset(),
    "supervisor": frozenset(),
    "unit_head": frozenset(),
    "sekda": frozenset(
        {
            Perm.PEOPLE_VIEW_ALL,
            Perm.REGENCY_VIEW,
            Perm.AUDIT_VIEW,
            Perm.ROLES_VIEW,
            Perm.POLICY_INITIAL,
            Perm.POLICY_PROMULGATE,
            Perm.POLICY_SIGNED_UPLOAD,
            Perm.POLICY_VIEW_DRAFTS,
        }
    ),
    "bupati": frozenset(
        {Perm.PEOPLE_VIEW_ALL, Perm.REGENCY_VIEW, Perm.POLICY_VIEW_DRAFTS, Perm.POLICY_ENACT}
    ),
    "bagian_hukum": frozenset(
        {Perm.POLICY_VIEW_DRAFTS, Perm.POLICY_HARMONISE, Perm.POLICY_SIGNED_UPLOAD}
    ),
    # The Setda's Bagian Organisasi drafts the Perbup with BKPSDM (decision 0025): it writes
    # drafts and submits them to the Bagian Hukum, reads the duty mapping; no personal data.
    "bagian_organisasi": frozenset(
        {Perm.POLICY_DRAFT, Perm.POLICY_VIEW_DRAFTS, Perm.MAPPING_VIEW_ALL}
    ),
    "bkpsdm_admin": frozenset(
        {
            Perm.PEOPLE_VIEW_ALL,
            Perm.SENSITIVE_VIEW_ALL,
            Perm.PEOPLE_CHANGE,
            Perm.PEOPLE_IMPORT,
            Perm.ROLES_MANAGE,
            Perm.ROLES_VIEW,
            Perm.AUDIT_VIEW,
            Perm.REGENCY_VIEW,
            Perm.MAPPING_PROPOSE_ALL,
            Perm.MAPPING_APPROVE,
            Perm.POLICY_DRAFT,
            Perm.POLICY_VIEW_DRAFTS,
            Perm.CALENDAR_MANAGE,
        }
    ),
    "diskominfo_admin": frozenset({Perm.PLACES_MANAGE, Perm.REGENCY_VIEW}),
    "service_manager": frozenset(),
    "unit_admin": frozenset(),
    "auditor": frozenset(
        {
            Perm.PEOPLE_VIEW_ALL,
            Perm.AUDIT_VIEW,
            Perm.ROLES_VIEW,
            Perm.REGENCY_VIEW,
            Perm.POLICY_VIEW_DRAFTS,
        }
    ),
}

READ_ONLY_ROLES = frozenset({"auditor"})


def permissions_of(roles: Iterable[str]) -> frozenset[Perm]:
    perms: set[Perm] = set()
    for role in roles:
        perms |= ROLE_PERMISSIONS.get(role, frozenset())
    return frozenset(perms)
