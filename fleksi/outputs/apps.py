from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from fleksi.org.models import Employee


def unreported_fact(employee: Employee, day: date) -> int:
    """The fact ``unreported_wfa_days`` of every requested day: the employee's approved WFA
    days whose report deadline is over without a report, as of today (the requested day does
    not change it; a late report clears a day)."""
    from django.utils import timezone

    from fleksi.outputs.selectors.unreported import unreported_wfa_days

    return unreported_wfa_days(employee_id=employee.pk, today=timezone.localdate())


class OutputsConfig(AppConfig):
    name = "fleksi.outputs"
    label = "outputs"
    verbose_name = _("Output-based supervision")

    def ready(self) -> None:
        from fleksi.common.periodic import register_job
        from fleksi.notify.kinds import register_kind
        from fleksi.outputs.services import (
            revocation_check,
            revocation_notice,
            verifications_escalate_overdue,
        )
        from fleksi.outputs.services.notices import KINDS
        from fleksi.schedule.selectors.facts import register_fact_provider

        for code, (label, email) in KINDS.items():
            register_kind(code, label, default_email=email)
        register_fact_provider("unreported_wfa_days", unreported_fact)
        register_job(
            "outputs.escalate",
            verifications_escalate_overdue,
            "escalate output reports not verified within the policy's deadline to the "
            "verifier's supervisor",
        )
        register_job(
            "outputs.revocation",
            revocation_check,
            "check last month's outputs once its report deadlines are over; suspend WFA "
            "below the policy's thresholds, from the date its decision states",
        )
        register_job(
            "outputs.revocation_notice",
            revocation_notice,
            "from the policy's warning day, tell everyone whose outputs of the month so far "
            "would suspend WFA, with the figures and what to do",
        )
