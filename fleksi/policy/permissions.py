"""Who may see which policy version (through the scoping module)."""

from __future__ import annotations

from django.http import Http404

from fleksi.accounts.domain.access import Perm
from fleksi.accounts.models import User
from fleksi.accounts.permissions import scope_for
from fleksi.policy.domain.legal import Step
from fleksi.policy.models import PolicyVersion
from fleksi.policy.selectors import versions_visible


def may_see_drafts(user: User) -> bool:
    scope = scope_for(user)
    return scope.has(Perm.POLICY_VIEW_DRAFTS) or scope.has(Perm.POLICY_DRAFT)


def access_version(user: User, version_id: int) -> PolicyVersion:
    """A version the user may see: published ones for everyone, drafts for policy roles."""
    version = versions_visible(drafts=may_see_drafts(user)).filter(pk=version_id).first()
    if version is None:
        raise Http404
    return version


# Each step of the legal path is one role's (decision 0025).
STEP_PERMS: dict[Step, Perm] = {
    Step.SUBMIT: Perm.POLICY_DRAFT,
    Step.RETURN: Perm.POLICY_HARMONISE,
    Step.CLEAR: Perm.POLICY_HARMONISE,
    Step.INITIAL: Perm.POLICY_INITIAL,
    Step.ENACT: Perm.POLICY_ENACT,
    Step.PROMULGATE: Perm.POLICY_PROMULGATE,
}
