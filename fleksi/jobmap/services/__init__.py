"""Writes of the duty mapping. Each function owns its transaction and its audit entries;
who may call them is checked at the edge (``fleksi.jobmap.permissions``)."""

from fleksi.jobmap.services.assessments import (
    assessment_approve,
    assessment_propose,
    assessment_return,
    assessment_save_draft,
)
from fleksi.jobmap.services.duties import (
    duty_create,
    duty_delete,
    duty_move,
    duty_reorder,
    duty_update,
)
from fleksi.jobmap.services.duty_import import ImportReport, duties_import
from fleksi.jobmap.services.exceptions import exception_end, exception_grant

__all__ = [
    "ImportReport",
    "assessment_approve",
    "assessment_propose",
    "assessment_return",
    "assessment_save_draft",
    "duties_import",
    "duty_create",
    "duty_delete",
    "duty_move",
    "duty_reorder",
    "duty_update",
    "exception_end",
    "exception_grant",
]
