"""What the people concerned are told when a request moves (in-app and, if they want it,
by e-mail after the transaction commits)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.utils.translation import gettext_lazy as _

from fleksi.accounts.models import User
from fleksi.notify.services import notify_translated
from fleksi.org.models import Employee
from fleksi.schedule.models import WfaRequest

TITLES: dict[str, Any] = {
    "request.submitted": _("WFA request from %(name)s"),
    "request.approved": _("Your WFA request was approved"),
    "request.rejected": _("Your WFA request was rejected"),
    "request.returned": _("Your WFA request was returned for changes"),
    "request.recalled": _("WFA days recalled: please work on site"),
    "request.escalated": _("A WFA request of %(name)s was escalated"),
    "request.cancelled": _("%(name)s cancelled a WFA request"),
}
BODIES: dict[str, Any] = {
    "request.submitted": _(
        "%(name)s asks to work from anywhere on %(days)s. It waits for your decision."
    ),
    "request.approved": _("Approved days: %(days)s. %(comment)s"),
    "request.rejected": _("Days: %(days)s. Reason: %(comment)s"),
    "request.returned": _("Days: %(days)s. What to change: %(comment)s"),
    "request.recalled": _("Days: %(days)s. Reason: %(comment)s"),
    "request.escalated": _("The request for %(days)s waited too long and now goes one level up."),
    "request.cancelled": _("Cancelled days: %(days)s."),
}


def _days_label(request: WfaRequest) -> str:
    days = sorted(request.days.values_list("day", flat=True))
    return ", ".join(d.strftime("%d/%m") for d in days[:10]) + ("…" if len(days) > 10 else "")


def tell(*, kind: str, request: WfaRequest, to: Sequence[Employee], comment: str = "") -> None:
    recipients = list(User.objects.filter(employee__in=[e.pk for e in to], is_active=True))
    if not recipients:
        return
    notify_translated(
        recipients=recipients,
        kind=kind,
        title=TITLES[kind],
        body=BODIES[kind],
        params={
            "name": request.employee.name,
            "days": _days_label(request),
            "comment": comment.strip(),
        },
        url=f"/schedule/requests/{request.pk}/",
        source=("schedule.request", str(request.pk)),
    )
