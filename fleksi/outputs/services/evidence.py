"""Evidence of an output report: an uploaded file checked by type, size and content (the
first bytes, and the inner part of an Office file), hashed with SHA-256 and stored under a
random name in private storage; or a link (http/https) to a document, e.g. in the e-office."""

from __future__ import annotations

import hashlib
import re
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from fleksi.common.errors import ValidationFailed
from fleksi.outputs.domain.evidence import (
    MAX_BYTES,
    ZIP_MAGIC,
    EvidenceProblem,
    clean_url,
    evidence_kind,
    extension_of,
)


@dataclass(frozen=True)
class CheckedFile:
    upload: UploadedFile
    name: str  # a safe version of the name it was uploaded with
    storage_name: str  # random: the stored file never carries the person's file name
    kind: str
    size: int
    sha256: str


def problem_text(problem: EvidenceProblem) -> str:
    p = problem.params
    texts: dict[str, Callable[[], str]] = {
        "evidence_type": lambda: (
            _("Evidence must be a PDF, JPG, PNG, DOCX or XLSX file (not %(ext)s).") % p
        ),
        "evidence_size": lambda: _("Evidence may be at most %(mb)d MB.") % p,
        "evidence_content": lambda: _("The file's content does not match its type (%(ext)s).") % p,
        "evidence_url": lambda: (
            _("A link must start with http:// or https:// and be at most %(max)d characters.") % p
        ),
    }
    text = texts.get(problem.code)
    return text() if text is not None else problem.code


def _fail(problem: EvidenceProblem, field: str) -> ValidationFailed:
    text = problem_text(problem)
    return ValidationFailed(problem.code, text, errors={field: [text]})


def _zip_members(upload: UploadedFile) -> list[str]:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return []
    finally:
        upload.seek(0)


def check_file(upload: UploadedFile) -> CheckedFile:
    name = upload.name or "bukti"
    size = upload.size or 0
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    members = _zip_members(upload) if head.startswith(ZIP_MAGIC) and size <= MAX_BYTES else []
    try:
        kind = evidence_kind(name, size, head, members)
    except EvidenceProblem as problem:
        raise _fail(problem, "evidence") from problem
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    ext = extension_of(name)
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", name.rsplit(".", 1)[0])[:80] or "bukti"
    return CheckedFile(
        upload, f"{stem}{ext}", f"{uuid.uuid4().hex}{ext}", kind, size, digest.hexdigest()
    )


def check_url(text: str) -> str:
    try:
        return clean_url(text)
    except EvidenceProblem as problem:
        raise _fail(problem, "evidence_url") from problem
