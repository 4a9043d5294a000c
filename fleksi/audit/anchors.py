"""Anchoring the audit trail outside the database (issue 13 §5).

A *checkpoint* records the head (last sequence number and hash) of every stream at one
moment, signed with Ed25519. Checkpoints are appended, one JSON object per line, to a file
that the Inspektorat copies and keeps (and that may be stored anywhere outside the
database). Whoever can write the database can rewrite a stream and re-hash it, or delete it
with its head; they cannot change the checkpoints already handed over, and cannot sign new
ones without the signing key. ``audit_verify --anchor FILE --public-key KEY`` checks the
stored entries against every checkpoint and names the stream that diverged and since when.

The signing key stays on the server (``AUDIT_ANCHOR_KEY_FILE``, readable by the job only);
the public key goes to the Inspektorat with the first checkpoint.
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from fleksi.audit.domain.chain import (
    ChainProblem,
    Checkpoint,
    checkpoint_message,
    compare_with_checkpoints,
)
from fleksi.audit.models import AuditEntry, AuditStream


class AnchorError(Exception):
    """The anchor file or a key cannot be used (unreadable, not signed by this key)."""


def key_generate(path: Path) -> Path:
    """Write a new private key to ``path`` (mode 0600) and its public key beside it
    (``path`` + ``.pub``); returns the public key's path."""
    key = Ed25519PrivateKey.generate()
    private = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(private)
    public = path.with_name(path.name + ".pub")
    public.write_bytes(
        key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    return public


def _private_key(path: Path) -> Ed25519PrivateKey:
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise AnchorError(f"{path} is not an Ed25519 private key")
    return key


def _public_key(path: Path) -> Ed25519PublicKey:
    key = serialization.load_pem_public_key(path.read_bytes())
    if not isinstance(key, Ed25519PublicKey):
        raise AnchorError(f"{path} is not an Ed25519 public key")
    return key


def current_heads() -> dict[str, tuple[int, str]]:
    return {s.key: (s.last_seq, s.last_hash) for s in AuditStream.objects.order_by("key")}


def _line(checkpoint: Checkpoint, signature: bytes) -> str:
    heads = {k: [seq, h] for k, (seq, h) in sorted(checkpoint.heads.items())}
    record = {
        "version": 1,
        "at": checkpoint.at,
        "heads": heads,
        "signature": base64.b64encode(signature).decode(),
    }
    return json.dumps(record, sort_keys=True, separators=(",", ":"))


@dataclass(frozen=True)
class SignedCheckpoint:
    line: int
    checkpoint: Checkpoint
    signature: bytes


def read_checkpoints(path: Path) -> list[SignedCheckpoint]:
    found: list[SignedCheckpoint] = []
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise AnchorError(f"cannot read {path}: {exc}") from exc
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
            heads = {str(k): (int(v[0]), str(v[1])) for k, v in record["heads"].items()}
            checkpoint = Checkpoint(at=str(record["at"]), heads=heads)
            signature = base64.b64decode(record["signature"], validate=True)
        except (ValueError, KeyError, TypeError, IndexError) as exc:
            raise AnchorError(f"{path} line {number} is not a checkpoint") from exc
        found.append(SignedCheckpoint(number, checkpoint, signature))
    return found


def anchor_write(*, key_file: Path, out: Path, force: bool = False) -> Checkpoint | None:
    """Append a signed checkpoint of the current heads to ``out``; None when the heads have
    not moved since the file's last checkpoint (unless ``force``)."""
    key = _private_key(key_file)
    heads = current_heads()
    if not force and out.exists():
        previous = read_checkpoints(out)
        if previous and dict(previous[-1].checkpoint.heads) == heads:
            return None
    checkpoint = Checkpoint(at=timezone.now().isoformat(timespec="seconds"), heads=heads)
    signature = key.sign(checkpoint_message(checkpoint))
    with out.open("a", encoding="utf-8") as f:
        f.write(_line(checkpoint, signature) + "\n")
        f.flush()
        os.fsync(f.fileno())
    return checkpoint


def anchor_verify(*, anchor: Path, public_key: Path) -> tuple[int, list[ChainProblem]]:
    """Check the signature of every checkpoint in ``anchor`` and the stored entries against
    them: the number of checkpoints and the streams that diverged (first checkpoint each)."""
    key = _public_key(public_key)
    signed = read_checkpoints(anchor)
    for s in signed:
        try:
            key.verify(s.signature, checkpoint_message(s.checkpoint))
        except InvalidSignature as exc:
            raise AnchorError(f"{anchor} line {s.line} is not signed by this key") from exc
    checkpoints = [s.checkpoint for s in signed]
    return len(checkpoints), compare_with_checkpoints(checkpoints, _hashes_at(checkpoints))


def _hashes_at(checkpoints: Iterable[Checkpoint]) -> dict[tuple[str, int], str]:
    wanted = {(stream, seq) for c in checkpoints for stream, (seq, _h) in c.heads.items() if seq}
    found: dict[tuple[str, int], str] = {}
    by_stream: dict[str, list[int]] = {}
    for stream, seq in wanted:
        by_stream.setdefault(stream, []).append(seq)
    for stream, seqs in by_stream.items():
        for start in range(0, len(seqs), 500):
            chunk = seqs[start : start + 500]
            rows = AuditEntry.objects.filter(Q(stream=stream) & Q(seq__in=chunk)).values_list(
                "seq", "hash"
            )
            found.update({(stream, seq): h for seq, h in rows})
    return found


def anchor_periodic() -> int:
    """The periodic job: one checkpoint when the heads moved, if anchoring is configured."""
    key_file = getattr(settings, "AUDIT_ANCHOR_KEY_FILE", "")
    out = getattr(settings, "AUDIT_ANCHOR_FILE", "")
    if not key_file or not out:
        return 0
    return 1 if anchor_write(key_file=Path(key_file), out=Path(out)) else 0
