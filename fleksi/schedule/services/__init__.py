"""Writes of the schedule: submitting, deciding, cancelling and recalling WFA days."""

from fleksi.schedule.services.decisions import (
    request_approve,
    request_reject,
    request_return,
    steps_escalate_overdue,
)
from fleksi.schedule.services.requests import (
    PlanItemIn,
    request_cancel,
    request_recall,
    request_submit,
)

__all__ = [
    "PlanItemIn",
    "request_approve",
    "request_cancel",
    "request_recall",
    "request_reject",
    "request_return",
    "request_submit",
    "steps_escalate_overdue",
]
