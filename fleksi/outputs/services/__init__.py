"""Writes of the output supervision: each service owns its transaction and audit entry."""

from fleksi.outputs.services.plans import (
    planned_output_create,
    planned_output_delete,
    planned_output_set_rhk,
    planned_output_take_over,
)
from fleksi.outputs.services.ratings import dialogue_note_add, rating_save
from fleksi.outputs.services.reports import report_revise, report_submit
from fleksi.outputs.services.revocation import (
    revocation_check,
    revocation_notice,
    suspension_reinstate,
)
from fleksi.outputs.services.skp import (
    IndicatorIn,
    skp_agree,
    skp_create,
    skp_result_delete,
    skp_result_save,
)
from fleksi.outputs.services.verification import (
    report_verify,
    reports_accept,
    verifications_escalate_overdue,
)

__all__ = [
    "IndicatorIn",
    "dialogue_note_add",
    "planned_output_create",
    "planned_output_delete",
    "planned_output_set_rhk",
    "planned_output_take_over",
    "rating_save",
    "report_revise",
    "report_submit",
    "report_verify",
    "reports_accept",
    "revocation_check",
    "revocation_notice",
    "skp_agree",
    "skp_create",
    "skp_result_delete",
    "skp_result_save",
    "suspension_reinstate",
    "verifications_escalate_overdue",
]
