"""Policy helpers for tests: a published version in force from today."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone

from fleksi.policy.models import PolicyVersion
from fleksi.policy.services import policy_draft_create, policy_draft_update, policy_publish


def publish_policy(
    world: Any, *, start: date | None = None, number: str = "Perbup 1/2026", **params: Any
) -> PolicyVersion:
    version = policy_draft_create(
        actor=world.user("bkpsdm"),
        regulation_number=number,
        title="Pelaksanaan WFA",
        effective_from=start or timezone.localdate(),
    )
    if params:
        policy_draft_update(
            actor=world.user("bkpsdm"), version=version, params={**version.params, **params}
        )
    return policy_publish(actor=world.user("sekda"), version=version)


def draft_policy(
    world: Any, *, start: date, number: str = "Rancangan 2/2026", **params: Any
) -> PolicyVersion:
    version = policy_draft_create(
        actor=world.user("bkpsdm"),
        regulation_number=number,
        title="Perubahan",
        effective_from=start,
    )
    if params:
        policy_draft_update(
            actor=world.user("bkpsdm"), version=version, params={**version.params, **params}
        )
    version.refresh_from_db()
    return version
