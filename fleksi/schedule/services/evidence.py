"""Evidence files of special-circumstances requests: type and size limits, content hash."""

from __future__ import annotations

import hashlib
import re

from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from fleksi.common.errors import ValidationFailed

MAX_BYTES = 5 * 1024 * 1024
# The first bytes of the allowed types (the extension alone proves nothing).
SIGNATURES = {
    ".pdf": (b"%PDF-",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
}


def clean_evidence(upload: UploadedFile) -> tuple[str, str]:
    """Check an uploaded evidence file; return (safe name, SHA-256 of its content)."""
    name = upload.name or "bukti"
    ext = ("." + name.rsplit(".", 1)[-1].lower()) if "." in name else ""
    if ext not in SIGNATURES:
        raise ValidationFailed("evidence_type", _("Evidence must be a PDF, JPG or PNG file."))
    if upload.size is None or upload.size > MAX_BYTES:
        raise ValidationFailed(
            "evidence_size", _("Evidence may be at most %(mb)d MB.") % {"mb": MAX_BYTES // 2**20}
        )
    upload.seek(0)
    head = upload.read(16)
    if not any(head.startswith(sig) for sig in SIGNATURES[ext]):
        raise ValidationFailed(
            "evidence_content",
            _("The file's content does not match its type (%(ext)s).") % {"ext": ext},
        )
    upload.seek(0)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", name.rsplit(".", 1)[0])[:80] or "bukti"
    return f"{stem}{ext}", digest.hexdigest()
