"""Appending to the audit trail. Every service that writes calls :func:`audit_record`
inside its own transaction, so the change and its entry commit or roll back together."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone

from fleksi.audit.domain.chain import GENESIS_HASH, entry_hash, to_jsonable
from fleksi.audit.models import AuditEntry, AuditStream
from fleksi.common.request_context import current_request_id

AGENCY_STREAM = "agency"


@dataclass(frozen=True)
class Change:
    """One change to record: what happened to which object, with before and after values."""

    action: str
    object_type: str
    object_id: str = ""
    object_repr: str = ""
    before: Mapping[str, Any] | None = None
    after: Mapping[str, Any] | None = None
    context: Mapping[str, Any] = field(default_factory=dict)


def _actor_fields(actor: Any) -> tuple[int | None, str]:
    if actor is None:
        return None, "system"
    return getattr(actor, "pk", None), str(getattr(actor, "username", actor))[:150]


def audit_record_many(*, actor: Any, stream: str, changes: Sequence[Change]) -> list[AuditEntry]:
    """Append ``changes`` to one stream, in order, under a lock on that stream's head only."""
    if not changes:
        return []
    actor_id, actor_label = _actor_fields(actor)
    request_id = current_request_id()
    at = timezone.now()
    with transaction.atomic():
        head, _ = AuditStream.objects.select_for_update().get_or_create(
            key=stream, defaults={"last_seq": 0, "last_hash": GENESIS_HASH}
        )
        seq, prev_hash = head.last_seq, head.last_hash
        entries: list[AuditEntry] = []
        for change in changes:
            seq += 1
            entry = AuditEntry(
                stream=stream,
                seq=seq,
                prev_hash=prev_hash,
                at=at,
                actor_id=actor_id,
                actor_label=actor_label,
                action=change.action,
                object_type=change.object_type,
                object_id=str(change.object_id)[:64],
                object_repr=str(change.object_repr)[:200],
                before=to_jsonable(change.before) if change.before is not None else None,
                after=to_jsonable(change.after) if change.after is not None else None,
                context=to_jsonable(dict(change.context)),
                request_id=request_id,
            )
            entry.hash = entry_hash(
                stream=stream, seq=seq, prev_hash=prev_hash, payload=entry.payload()
            )
            prev_hash = entry.hash
            entries.append(entry)
        AuditEntry.objects.bulk_create(entries, batch_size=1000)
        head.last_seq, head.last_hash = seq, prev_hash
        head.save(update_fields=["last_seq", "last_hash"])
    return entries


def audit_record(*, actor: Any, stream: str = AGENCY_STREAM, change: Change) -> AuditEntry:
    return audit_record_many(actor=actor, stream=stream, changes=[change])[0]


def diff_values(
    before: Mapping[str, Any], after: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Keep only the fields that changed, for compact before/after values."""
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after.get(k) for k in keys}
