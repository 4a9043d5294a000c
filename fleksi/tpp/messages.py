"""People's words for the TPP computation and its export."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext_lazy

KIND_LABELS: Mapping[str, Any] = {
    "late": gettext_lazy("Late arrival"),
    "early": gettext_lazy("Left early"),
    "absent": gettext_lazy("Absent without notice"),
    "unreported_wfa": gettext_lazy("WFA day without an output report"),
    "missing_report": gettext_lazy("Planned day without a daily report"),
    "discipline": gettext_lazy("Disciplinary penalty"),
}

COLUMN_LABELS: Mapping[str, Any] = {
    "nip": gettext_lazy("NIP"),
    "name": gettext_lazy("Name"),
    "perangkat_daerah": gettext_lazy("Perangkat daerah"),
    "unit": gettext_lazy("Unit"),
    "month": gettext_lazy("Month"),
    "missing_days": gettext_lazy("Days absent without notice"),
    "late_days": gettext_lazy("Days late"),
    "late_minutes": gettext_lazy("Minutes late"),
    "early_days": gettext_lazy("Days left early"),
    "early_minutes": gettext_lazy("Minutes left early"),
    "unreported_wfa_days": gettext_lazy("WFA days without an output report"),
    "missing_report_days": gettext_lazy("Planned days without a daily report"),
    "discipline": gettext_lazy("Disciplinary penalty (1 yes, 0 no)"),
    "predikat": gettext_lazy("Predikat of the month"),
    "performance_max_pct": gettext_lazy("Performance part (%)"),
    "performance_pct": gettext_lazy("Performance paid (%)"),
    "attendance_max_pct": gettext_lazy("Attendance and discipline part (%)"),
    "late_pct": gettext_lazy("Deducted: late arrival (%)"),
    "early_pct": gettext_lazy("Deducted: left early (%)"),
    "absent_pct": gettext_lazy("Deducted: absent without notice (%)"),
    "unreported_wfa_pct": gettext_lazy("Deducted: unreported WFA days (%)"),
    "missing_report_pct": gettext_lazy("Deducted: missing daily reports (%)"),
    "discipline_pct": gettext_lazy("Deducted: disciplinary penalty (%)"),
    "attendance_pct": gettext_lazy("Attendance and discipline paid (%)"),
    "total_pct": gettext_lazy("TPP paid (% of the person's full TPP)"),
}
