"""The verification inbox: reports waiting for the user's decision."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from fleksi.accounts.models import User
from fleksi.accounts.permissions import scope_for
from fleksi.outputs.models import Verification
from fleksi.outputs.permissions import acting_unit_ids


def inbox_for(user: User) -> QuerySet[Verification]:
    """Waiting verifications the user may decide: theirs, and those of staff of units they
    head today as Plt/Plh — never their own reports. Oldest deadline first."""
    me = scope_for(user).employee_id
    if me is None:
        return Verification.objects.none()
    return (
        Verification.objects.filter(status=Verification.Status.PENDING)
        .filter(Q(verifier_id=me) | Q(report__employee__unit_id__in=acting_unit_ids(user)))
        .exclude(report__employee_id=me)
        .select_related(
            "report",
            "report__employee",
            "report__employee__unit",
            "report__planned_output",
            "report__rhk",
        )
        .order_by("due_at", "report_id")
    )
