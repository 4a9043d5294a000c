"""Helpers of the output services: the audit entry of a change about an employee."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fleksi.audit.services import Change, audit_record
from fleksi.org.models import Employee
from fleksi.org.services import unit_stream


def audit(
    actor: Any,
    employee: Employee,
    action: str,
    object_type: str,
    object_id: Any,
    *,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
) -> None:
    """One entry in the stream of the employee's perangkat daerah."""
    audit_record(
        actor=actor,
        stream=unit_stream(employee.unit),
        change=Change(
            action=f"outputs.{action}",
            object_type=f"outputs.{object_type}",
            object_id=str(object_id),
            object_repr=employee.name,
            before=before,
            after=after,
        ),
    )
