"""Reads of the duty mapping. Other capabilities use :func:`position_class_map`,
:func:`position_share_map` and :func:`exceptions_on`."""

from fleksi.jobmap.selectors.classes import (
    approved_duties,
    criteria_in_force,
    exceptions_on,
    params_in_force,
    position_class_map,
    position_share_map,
)
from fleksi.jobmap.selectors.records import (
    AssessedRow,
    answers_by_live_duty,
    assessment_current,
    assessment_history,
    assessment_latest,
    assessment_open,
    assessment_queue,
    assessment_table,
    duties_total,
    exceptions_of_unit,
    position_duties,
)
from fleksi.jobmap.selectors.summaries import (
    Counts,
    PositionRow,
    RegencyRow,
    counts_of,
    regency_summary,
    unit_mapping,
)

__all__ = [
    "AssessedRow",
    "Counts",
    "PositionRow",
    "RegencyRow",
    "answers_by_live_duty",
    "approved_duties",
    "assessment_current",
    "assessment_history",
    "assessment_latest",
    "assessment_open",
    "assessment_queue",
    "assessment_table",
    "counts_of",
    "criteria_in_force",
    "duties_total",
    "exceptions_of_unit",
    "exceptions_on",
    "params_in_force",
    "position_class_map",
    "position_duties",
    "position_share_map",
    "regency_summary",
    "unit_mapping",
]
