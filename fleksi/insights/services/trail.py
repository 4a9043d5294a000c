"""Verify the audit trail's hash chains and keep the outcome (the Inspektorat's dashboard
shows the last one; ``/audit/verify/`` runs one on demand)."""

from __future__ import annotations

import time

from django.utils import timezone

from fleksi.audit.selectors import audit_chain_verify
from fleksi.insights.models import TrailCheck


def trail_check() -> TrailCheck:
    started = time.perf_counter()
    checked, problem = audit_chain_verify()
    found = (
        {
            "code": problem.code,
            "stream": problem.stream,
            "seq": problem.seq,
            "entry_id": problem.entry_id,
            "detail": problem.detail,
        }
        if problem is not None
        else {}
    )
    return TrailCheck.objects.create(
        checked_at=timezone.now(),
        entries=checked,
        ok=problem is None,
        problem=found,
        seconds=round(time.perf_counter() - started, 3),
    )
