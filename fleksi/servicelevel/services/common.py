"""Shared parts of the service-level writes: audit entries on the stream of the unit's
perangkat daerah, and the import report."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from fleksi.audit.services import Change, audit_record_many
from fleksi.common.importing.report import ImportReport as SharedReport
from fleksi.org.models import Unit
from fleksi.org.services import unit_stream


def stream_of(unit_id: int, root_id: int | None) -> str:
    return unit_stream(Unit(pk=unit_id, root_id=root_id))


def audit_by_stream(*, actor: Any, changes: Iterable[tuple[str, Change]]) -> None:
    """Record ``(stream, change)`` pairs, one locked append per stream."""
    grouped: dict[str, list[Change]] = defaultdict(list)
    for stream, change in changes:
        grouped[stream].append(change)
    for stream in sorted(grouped):
        audit_record_many(actor=actor, stream=stream, changes=grouped[stream])


def in_paths(path: str, paths: Sequence[str] | None) -> bool:
    """Whether a unit path lies in one of ``paths`` (``None``: everywhere)."""
    return paths is None or any(path.startswith(p) for p in paths)


ImportReport = SharedReport  # every service-level import reports with the shared type
