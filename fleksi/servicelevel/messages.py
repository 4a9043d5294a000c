"""Words for people: labels of the measures, statuses and grades, values with their units,
and the text of every import problem (stored as codes, shown in the reader's language)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.utils.translation import gettext_lazy

from fleksi.common.domain.importing import RowProblem
from fleksi.common.formats import number_text
from fleksi.common.importing.messages import Catalogue, describe
from fleksi.servicelevel.domain.safeguard import (
    COMPLAINT_RATE,
    COMPLETION_RATE,
    IKM,
    PROCESSING_COMPLIANCE,
    PROCESSING_TIME,
    WAITING_TIME,
)

METRIC_LABELS: Mapping[str, Any] = {
    PROCESSING_TIME: gettext_lazy("Processing time (mean of the daily medians)"),
    PROCESSING_COMPLIANCE: gettext_lazy("Days whose median processing time meets the standard"),
    COMPLETION_RATE: gettext_lazy("Requests completed per request received"),
    WAITING_TIME: gettext_lazy("Waiting time (mean of the daily medians)"),
    COMPLAINT_RATE: gettext_lazy("Complaints per 1,000 requests"),
    IKM: gettext_lazy("IKM (satisfaction index)"),
}

OUTCOME_LABELS: Mapping[str, Any] = {
    "fires": gettext_lazy("worse beyond the threshold"),
    "holds": gettext_lazy("holding"),
    "too_few": gettext_lazy("too few data to compare"),
    "no_baseline": gettext_lazy("nothing to compare with (zero before WFA)"),
    "not_applicable": gettext_lazy("not applicable (no standard)"),
    "no_data": gettext_lazy("no data"),
}

GRADE_LABELS: Mapping[str, Any] = {
    "A": gettext_lazy("Sangat Baik"),
    "B": gettext_lazy("Baik"),
    "C": gettext_lazy("Kurang Baik"),
    "D": gettext_lazy("Tidak Baik"),
}

ELEMENT_LABELS: tuple[Any, ...] = (
    gettext_lazy("Requirements"),
    gettext_lazy("Systems, mechanisms and procedures"),
    gettext_lazy("Completion time"),
    gettext_lazy("Cost/tariff"),
    gettext_lazy("Product specification"),
    gettext_lazy("Staff competence"),
    gettext_lazy("Staff behaviour"),
    gettext_lazy("Handling of complaints, suggestions and input"),
    gettext_lazy("Facilities and infrastructure"),
)

_SHARES = (PROCESSING_COMPLIANCE, COMPLETION_RATE)


def unit_label(metric: str, processing_unit: str) -> Any:
    """The unit a measure is shown in."""
    if metric == PROCESSING_TIME:
        return (
            gettext_lazy("working days") if processing_unit == "days" else gettext_lazy("minutes")
        )
    if metric == WAITING_TIME:
        return gettext_lazy("minutes")
    if metric in _SHARES:
        return "%"
    if metric == COMPLAINT_RATE:
        return gettext_lazy("per 1,000 requests")
    return ""


def metric_number(metric: str, value: float | Decimal | Fraction | None) -> str:
    """A measure's value as people read it (shares as percent), localised."""
    if value is None:
        return "—"
    number = float(value) * 100 if metric in _SHARES else float(value)
    return number_text(number, 2 if metric == IKM else 1)


def metric_value(
    metric: str, value: float | Decimal | Fraction | None, processing_unit: str
) -> str:
    if value is None:
        return "—"
    unit = unit_label(metric, processing_unit)
    text = metric_number(metric, value)
    return f"{text} {unit}".strip() if unit != "%" else f"{text} %"


# The service-level imports' own problems; the file's as a whole are in the shared
# catalogue (``fleksi.common.importing.messages``).
IMPORT_MESSAGES: Catalogue = {
    "no_header": gettext_lazy("Line 1 must hold the column names."),
    "no_rows": gettext_lazy("The file has no data rows below the header."),
    "missing_column": gettext_lazy("The column is missing from the header."),
    "missing_target_column": gettext_lazy("The header needs the column KODE_LAYANAN or KODE_UNIT."),
    "duplicate_column": gettext_lazy("The column appears more than once in the header."),
    "required": gettext_lazy("A value is required."),
    "service_or_unit": gettext_lazy(
        "Give the service code (KODE_LAYANAN) or the unit code (KODE_UNIT)."
    ),
    "no_respondents": gettext_lazy("A survey needs at least one respondent."),
    "end_before_start": gettext_lazy("The end date is before the start date."),
    "duplicate_row": gettext_lazy("The same record is already on line %(first_line)s."),
    "too_long": gettext_lazy("At most %(max)s characters."),
    "bad_date": gettext_lazy(
        "“%(value)s” is not a date: write YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY."
    ),
    "future_date": gettext_lazy("The date lies in the future."),
    "bad_count": gettext_lazy("“%(value)s” is not a whole number from 0 to %(max)s."),
    "bad_number": gettext_lazy("“%(value)s” is not a number from %(low)s to %(high)s."),
    "bad_status": gettext_lazy(
        "“%(value)s” is not a status: write open, in process, resolved or closed "
        "(also accepted: Baru, Diproses, Tindak lanjut, Selesai, Ditutup…)."
    ),
    "unknown_service": gettext_lazy("There is no service with the code “%(code)s”."),
    "service_inactive": gettext_lazy("The service “%(code)s” is no longer active."),
    "service_not_yours": gettext_lazy("The service “%(code)s” is not in your units."),
    "unknown_unit": gettext_lazy("There is no unit with the code “%(code)s”."),
    "unit_not_public": gettext_lazy("The unit “%(code)s” is not a public-service unit."),
    "unit_mismatch": gettext_lazy("The unit “%(code)s” is not the unit of the service."),
    "not_yours": gettext_lazy("“%(code)s” is not in your units."),
    "ticket_elsewhere": gettext_lazy(
        "The ticket %(code)s is already recorded for a unit that is not yours."
    ),
}


def row_problem_message(problem: RowProblem) -> str:
    """The sentence for an import problem, in the active language."""
    return describe(problem, IMPORT_MESSAGES)
