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


SIGNED_PDF = b"%PDF-1.7\n% Perbup bertanda tangan elektronik (uji)\n%%EOF\n"


def signed_pdf(name: str = "perbup-ttd.pdf", content: bytes = SIGNED_PDF) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type="application/pdf")


def through_legal_path(
    world: Any,
    version: PolicyVersion,
    *,
    until: str = "promulgate",
    number: str = "7",
    gazette: str = "7",
    on: date | None = None,
) -> PolicyVersion:
    """Take a draft along the legal path through the real services, as the role of each
    step, up to and including the step ``until``."""
    from fleksi.policy import services_legal as legal

    day = on or timezone.localdate()
    steps = [
        ("submit", lambda v: legal.legal_submit(actor=world.user("bkpsdm"), version=v)),
        ("clear", lambda v: legal.legal_clear(actor=world.user("hukum"), version=v)),
        ("initial", lambda v: legal.legal_initial(actor=world.user("sekda"), version=v)),
        (
            "enact",
            lambda v: legal.legal_enact(
                actor=world.user("bupati"), version=v, number=number, enacted_on=day
            ),
        ),
        (
            "promulgate",
            lambda v: legal.legal_promulgate(
                actor=world.user("sekda"), version=v, gazette_number=gazette, promulgated_on=day
            ),
        ),
    ]
    for name, step in steps:
        version = step(version)
        if name == until:
            break
    version.refresh_from_db()
    return version
