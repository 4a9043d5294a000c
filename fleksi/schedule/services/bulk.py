"""Deciding many waiting days at once from the inbox: one comment, each request in its own
transaction, so that one refusal by the rules does not hold back the others."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from fleksi.common.errors import ServiceError, ValidationFailed
from fleksi.schedule.models import ApprovalStep
from fleksi.schedule.services.decisions import request_approve, request_reject

ACTIONS = ("approve", "reject")


@dataclass(frozen=True)
class BulkItem:
    step: ApprovalStep
    days: tuple[date, ...] | None = None  # None: every waiting day of the request


@dataclass(frozen=True)
class BulkFailure:
    request_id: int
    employee: str
    code: str
    message: str
    refusals: tuple[dict[str, Any], ...] = ()


@dataclass
class BulkOutcome:
    decided: dict[int, list[date]] = field(default_factory=dict)  # request id → days
    failed: list[BulkFailure] = field(default_factory=list)

    @property
    def days(self) -> int:
        return sum(len(d) for d in self.decided.values())


def requests_decide_bulk(
    *, actor: Any, items: Sequence[BulkItem], action: str, comment: str = ""
) -> BulkOutcome:
    """Approve or reject the given days; a failure (rules, permission, state) is reported
    per request with its reasons and leaves that request as it was."""
    if action not in ACTIONS:
        raise ValidationFailed("bulk_action", _("Choose approve or reject."))
    if not items:
        raise ValidationFailed("bulk_empty", _("Tick at least one day."))
    if action == "reject" and not comment.strip():
        raise ValidationFailed("comment_required", _("Say why the request is rejected."))
    outcome = BulkOutcome()
    for item in items:
        days = list(item.days) if item.days is not None else None
        try:
            if action == "approve":
                done = request_approve(actor=actor, step=item.step, days=days, comment=comment)
            else:
                done = request_reject(actor=actor, step=item.step, days=days, comment=comment)
        except ServiceError as exc:
            outcome.failed.append(
                BulkFailure(
                    request_id=item.step.request_id,
                    employee=item.step.request.employee.name,
                    code=exc.code,
                    message=str(exc.message),
                    refusals=tuple(exc.params.get("refusals", ())),
                )
            )
        else:
            outcome.decided[item.step.request_id] = done
    return outcome
