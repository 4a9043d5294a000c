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
    # altered | broken_link | gap | inserted | appended | head_mismatch | diverged | cut
    code: str
    stream: str
    seq: int
    entry_id: int | None
    detail: str


def _inserted(link: ChainLink, prev: ChainLink | None, before: ChainLink | None) -> bool:
    """``link`` points past ``prev`` to the entry before it: ``prev`` was put in between."""
    return (
        prev is not None
        and link.prev_hash != prev.hash
        and (link.prev_hash == (before.hash if before is not None else GENESIS_HASH))
    )


def verify_stream(
    links: Iterable[ChainLink], *, stream: str, head_seq: int, head_hash: str
) -> tuple[int, ChainProblem | None]:
    """Check one stream, in sequence order: the number of entries read and the first problem.

    The problem names the first bad entry itself: an entry slipped in between two genuine
    ones is reported as ``inserted`` (not at its genuine neighbour, whose link it broke); an
    entry beyond the head as ``appended``, with its id.
    """
    expected_seq = 1
    prev_hash = GENESIS_HASH
    prev: ChainLink | None = None
    before: ChainLink | None = None
    for link in links:
        checked = expected_seq
        if link.seq != expected_seq:
            detail = f"expected sequence {expected_seq}, found {link.seq}"
            return checked, ChainProblem("gap", stream, link.seq, link.entry_id, detail)
        if expected_seq > head_seq and prev_hash == head_hash:
            detail = f"entry after the stream's head (the head says {head_seq} entries)"
            return checked, ChainProblem("appended", stream, link.seq, link.entry_id, detail)
        if _inserted(link, prev, before):
            assert prev is not None
            detail = "put in between: the entry after it points to the entry before it"
            return checked - 1, ChainProblem("inserted", stream, prev.seq, prev.entry_id, detail)
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
        before, prev = prev, link
        expected_seq += 1
    last_seq = expected_seq - 1
    if last_seq != head_seq or prev_hash != head_hash:
        detail = f"the stream's head says {head_seq} entries, {last_seq} found"
        return last_seq, ChainProblem("head_mismatch", stream, last_seq + 1, None, detail)
    return last_seq, None


# --- Anchored checkpoints ---------------------------------------------------------------


@dataclass(frozen=True)
class Checkpoint:
    """The heads of every stream at one moment, as written to the anchor file."""

    at: str
    heads: Mapping[str, tuple[int, str]]


def checkpoint_message(checkpoint: Checkpoint) -> bytes:
    """The exact bytes that are signed."""
    heads = {k: [seq, h] for k, (seq, h) in sorted(checkpoint.heads.items())}
    return canonical({"version": 1, "at": checkpoint.at, "heads": heads})


def compare_with_checkpoints(
    checkpoints: Iterable[Checkpoint], hash_at: Mapping[tuple[str, int], str]
) -> list[ChainProblem]:
    """Per stream, the first checkpoint the stored entries no longer match.

    ``hash_at`` maps (stream, seq) to the stored hash, for every anchored position. A stream
    whose anchored entry is missing was cut (or removed whole); one whose entry has another
    hash was rewritten at or before that entry, after the last checkpoint that still matches.
    """
    matched: dict[str, tuple[int, str]] = {}
    problems: dict[str, ChainProblem] = {}
    for checkpoint in checkpoints:
        for stream, (seq, anchored) in sorted(checkpoint.heads.items()):
            if stream in problems or seq == 0:
                continue
            stored = hash_at.get((stream, seq))
            since = matched.get(stream)
            after = (
                f"after sequence {since[0]} (anchored {since[1]})"
                if since
                else "from its first entry"
            )
            if stored is None:
                problems[stream] = ChainProblem(
                    "cut",
                    stream,
                    seq,
                    None,
                    f"entry {seq} anchored {checkpoint.at} is missing; changed {after}",
                )
            elif stored != anchored:
                problems[stream] = ChainProblem(
                    "diverged",
                    stream,
                    seq,
                    None,
                    f"entry {seq} differs from its checkpoint of {checkpoint.at}; "
                    f"rewritten {after}",
                )
            else:
                matched[stream] = (seq, checkpoint.at)
    return [problems[k] for k in sorted(problems)]
