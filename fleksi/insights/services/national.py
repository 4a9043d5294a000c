"""Publishing and reading the signed monthly aggregate documents (fleksi/insights/domain/
national.py; docs/insights.md, "A national picture")."""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import date
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.db.models import Q
from django.utils import timezone

from fleksi.common.domain.months import month_key, month_start
from fleksi.insights.domain.national import DocumentRefused, canonical, document_of
from fleksi.insights.selectors.figures import total


def _key_id(public: Ed25519PublicKey) -> str:
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def aggregate_publish(*, month: date, code: str, name: str, key_file: Path) -> dict[str, Any]:
    """The signed document of this instance's figures for ``month`` (all its units summed)."""
    key = serialization.load_pem_private_key(key_file.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise DocumentRefused(f"{key_file} is not an Ed25519 private key")
    document = document_of(
        code=code,
        name=name,
        month=month_key(month),
        generated_at=timezone.now().isoformat(timespec="seconds"),
        figures=total(Q(), [month_start(month)]),
    )
    return {
        "document": document,
        "key_id": _key_id(key.public_key()),
        "signature": base64.b64encode(key.sign(canonical(document))).decode(),
    }


def aggregate_verify(signed: dict[str, Any], trusted: list[Path]) -> dict[str, Any]:
    """The document, if one of the trusted public keys signed it exactly; refused otherwise."""
    keys: dict[str, Ed25519PublicKey] = {}
    for path in trusted:
        key = serialization.load_pem_public_key(path.read_bytes())
        if isinstance(key, Ed25519PublicKey):
            keys[_key_id(key)] = key
    try:
        document, key_id = signed["document"], str(signed["key_id"])
        signature = base64.b64decode(signed["signature"], validate=True)
    except (KeyError, TypeError, ValueError) as exc:
        raise DocumentRefused("not a signed aggregate document") from exc
    public = keys.get(key_id)
    if public is None:
        raise DocumentRefused(f"signed by an untrusted key ({key_id})")
    try:
        public.verify(signature, canonical(document))
    except InvalidSignature as exc:
        code = document.get("instance", {}).get("code", "?")
        raise DocumentRefused(f"instance {code}: the signature does not match") from exc
    return dict(document)


def read_signed(path: Path) -> dict[str, Any]:
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError) as exc:
        raise DocumentRefused(f"{path}: not readable as JSON") from exc
