"""The hash chain of the audit trail, as pure functions.

Entries belong to *streams* (one per perangkat daerah, plus one for agency-wide records), so
writers in different streams never wait for each other. Inside a stream every entry carries
its sequence number and the hash of the entry before it; its own hash covers both plus its
content. Changing an entry breaks its hash; removing one leaves a gap or a broken link;
reordering breaks the links; cutting off the tail no longer matches the stream's head.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any
from uuid import UUID

GENESIS_HASH = "0" * 64


def to_jsonable(value: Any) -> Any:
    """Turn a value into plain JSON types that survive a database round trip unchanged.

    Numbers other than integers become strings: a float or decimal may come back from a
    JSON column with a different spelling, and the hash must not depend on that.
    """
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float | Decimal | UUID):
        return str(value)
    if isinstance(value, Enum):
        return to_jsonable(value.value)
    if isinstance(value, Mapping):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [to_jsonable(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, set | frozenset) else items
    return str(value)


def canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def entry_hash(*, stream: str, seq: int, prev_hash: str, payload: Mapping[str, Any]) -> str:
    digest = hashlib.sha256()
    digest.update(canonical([stream, seq, prev_hash, payload]))
    return digest.hexdigest()


@dataclass(frozen=True)
class ChainLink:
    """One stored entry as the verifier sees it."""

    entry_id: int
    stream: str
    seq: int
    prev_hash: str
    hash: str
    payload: Mapping[str, Any]


@dataclass(frozen=True)
class ChainProblem:
    code: str  # altered | broken_link | gap | head_mismatch
    stream: str
    seq: int
    entry_id: int | None
    detail: str


def verify_stream(
    links: Iterable[ChainLink], *, stream: str, head_seq: int, head_hash: str
) -> tuple[int, ChainProblem | None]:
    """Check one stream, in sequence order: the number of entries read and the first problem."""
    expected_seq = 1
    prev_hash = GENESIS_HASH
    for link in links:
        checked = expected_seq
        if link.seq != expected_seq:
            detail = f"expected sequence {expected_seq}, found {link.seq}"
            return checked, ChainProblem("gap", stream, link.seq, link.entry_id, detail)
        if link.prev_hash != prev_hash:
            detail = "does not point to the entry before it"
            return checked, ChainProblem("broken_link", stream, link.seq, link.entry_id, detail)
        recomputed = entry_hash(
            stream=stream, seq=link.seq, prev_hash=link.prev_hash, payload=link.payload
        )
        if recomputed != link.hash:
            detail = "content does not match its hash"
            return checked, ChainProblem("altered", stream, link.seq, link.entry_id, detail)
        prev_hash = link.hash
        expected_seq += 1
    last_seq = expected_seq - 1
    if last_seq != head_seq or prev_hash != head_hash:
        detail = f"the stream's head says {head_seq} entries, {last_seq} found"
        return last_seq, ChainProblem("head_mismatch", stream, last_seq + 1, None, detail)
    return last_seq, None
