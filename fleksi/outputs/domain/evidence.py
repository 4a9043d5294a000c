"""What an evidence file or link may be (pure): types, size, content signatures, URLs.

The extension alone proves nothing: the first bytes must match the type, and an Office file
(a ZIP container) must hold the part that makes it a Word document or a workbook.
"""

from __future__ import annotations

from collections.abc import Collection
from urllib.parse import urlsplit

MAX_BYTES = 10 * 1024 * 1024
URL_MAX = 500
ZIP_MAGIC = b"PK\x03\x04"

# extension → (kind, accepted first bytes, part an Office container must hold)
TYPES: dict[str, tuple[str, tuple[bytes, ...], str]] = {
    ".pdf": ("pdf", (b"%PDF-",), ""),
    ".jpg": ("jpg", (b"\xff\xd8\xff",), ""),
    ".jpeg": ("jpg", (b"\xff\xd8\xff",), ""),
    ".png": ("png", (b"\x89PNG\r\n\x1a\n",), ""),
    ".docx": ("docx", (ZIP_MAGIC,), "word/document.xml"),
    ".xlsx": ("xlsx", (ZIP_MAGIC,), "xl/workbook.xml"),
}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "png": "image/png",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class EvidenceProblem(ValueError):
    """A file or link that cannot be evidence; ``code`` is stable, ``params`` explain it."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def extension_of(name: str) -> str:
    return ("." + name.rsplit(".", 1)[-1].lower()) if "." in name else ""


def evidence_kind(name: str, size: int, head: bytes, zip_members: Collection[str] = ()) -> str:
    """The kind of an uploaded file (``pdf``, ``jpg``, ``png``, ``docx``, ``xlsx``), or
    :class:`EvidenceProblem` (``evidence_type``, ``evidence_size``, ``evidence_content``)."""
    ext = extension_of(name)
    if ext not in TYPES:
        raise EvidenceProblem("evidence_type", ext=ext or "—")
    if size <= 0 or size > MAX_BYTES:
        raise EvidenceProblem("evidence_size", mb=MAX_BYTES // 2**20)
    kind, signatures, part = TYPES[ext]
    if not any(head.startswith(sig) for sig in signatures):
        raise EvidenceProblem("evidence_content", ext=ext)
    if part and part not in zip_members:
        raise EvidenceProblem("evidence_content", ext=ext)
    return kind


def clean_url(text: str) -> str:
    """A link to a document (``http``/``https`` only, with a host), or
    :class:`EvidenceProblem` (``evidence_url``)."""
    url = text.strip()
    if not url:
        return ""
    parts = urlsplit(url)
    if (
        len(url) > URL_MAX
        or parts.scheme.lower() not in ("http", "https")
        or not parts.hostname
        or any(c.isspace() for c in url)
    ):
        raise EvidenceProblem("evidence_url", max=URL_MAX)
    return url
