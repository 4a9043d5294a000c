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
from fleksi.schedule.services.roster import (
    request_create_approved_from_roster,
    request_days_withdraw_from_roster,
    requests_create_approved_from_roster,
)

__all__ = [
    "PlanItemIn",
    "request_approve",
    "request_cancel",
    "request_create_approved_from_roster",
    "request_days_withdraw_from_roster",
    "request_recall",
    "request_reject",
    "request_return",
    "request_submit",
    "requests_create_approved_from_roster",
    "steps_escalate_overdue",
]
