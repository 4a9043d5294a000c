from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from django.db.models import QuerySet

from fleksi.audit.domain.chain import ChainLink, ChainProblem, verify_stream
from fleksi.audit.models import AuditEntry, AuditStream


def audit_entry_list(
    *,
    action: str = "",
    actor: str = "",
    object_type: str = "",
    object_id: str = "",
    stream: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet[AuditEntry]:
    qs = AuditEntry.objects.all()
    if action:
        qs = qs.filter(action__startswith=action)
    if actor:
        qs = qs.filter(actor_label__iexact=actor)
    if object_type:
        qs = qs.filter(object_type=object_type)
    if object_id:
        qs = qs.filter(object_id=object_id)
    if stream:
        qs = qs.filter(stream=stream)
    if date_from:
        qs = qs.filter(at__date__gte=date_from)
    if date_to:
        qs = qs.filter(at__date__lte=date_to)
    return qs.order_by("-at", "-id")


def audit_action_choices() -> list[str]:
    return list(AuditEntry.objects.order_by().values_list("action", flat=True).distinct())


def _links(stream: str) -> Iterator[ChainLink]:
    qs = AuditEntry.objects.filter(stream=stream).order_by("seq")
    for entry in qs.iterator(chunk_size=2000):
        yield ChainLink(
            entry_id=entry.pk,
            stream=entry.stream,
            seq=entry.seq,
            prev_hash=entry.prev_hash,
            hash=entry.hash,
            payload=entry.payload(),
        )


def audit_chain_verify() -> tuple[int, ChainProblem | None]:
    """Verify every stream; return the number of entries checked and the first problem.

    Entries whose stream has no head count as a problem too (a head cannot be removed
    without the entries that lead to it being reported).
    """
    heads = {s.key: s for s in AuditStream.objects.all()}
    headless = (
        AuditEntry.objects.exclude(stream__in=list(heads))
        .order_by("stream", "seq")
        .values_list("stream", "seq", "id")
        .first()
    )
    if headless is not None:
        return 0, ChainProblem(
            "head_mismatch", headless[0], headless[1], headless[2], "entries without a stream head"
        )
    checked = 0
    for key in sorted(heads):
        head = heads[key]
        read, problem = verify_stream(
            _links(key), stream=key, head_seq=head.last_seq, head_hash=head.last_hash
        )
        checked += read
        if problem:
            return checked, problem
    return checked, None
