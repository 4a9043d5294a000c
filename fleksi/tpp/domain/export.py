"""The layout of the TPP export for the finance agency (BPKAD) payroll: one row per
employee, every component in percent of the person's full TPP (two decimals, exact: the
components add up to the total), and the counts of incidents they come from. Column codes
are stable (``docs/tpp.md``)."""

from __future__ import annotations

from collections.abc import Sequence

from fleksi.tpp.domain.compute import (
    ABSENT,
    DISCIPLINE,
    EARLY,
    KINDS,
    LATE,
    MISSING_REPORT,
    UNREPORTED_WFA,
    Result,
    percent,
)

PERSON_COLUMNS = ("nip", "name", "perangkat_daerah", "unit", "month")
COUNT_COLUMNS = (
    "missing_days",
    "late_days",
    "late_minutes",
    "early_days",
    "early_minutes",
    "unreported_wfa_days",
    "missing_report_days",
    "discipline",
    "predikat",
)
AMOUNT_COLUMNS = (
    "performance_max_pct",
    "performance_pct",
    "attendance_max_pct",
    *(f"{k}_pct" for k in KINDS),
    "attendance_pct",
    "total_pct",
)
EXPORT_COLUMNS = PERSON_COLUMNS + COUNT_COLUMNS + AMOUNT_COLUMNS


def counts(result: Result) -> dict[str, int]:
    """The incidents of the month, counted like the recap counts them."""
    out = {
        "missing_days": 0,
        "late_days": 0,
        "late_minutes": 0,
        "early_days": 0,
        "early_minutes": 0,
        "unreported_wfa_days": 0,
        "missing_report_days": 0,
        "discipline": 0,
    }
    column = {
        ABSENT: "missing_days",
        LATE: "late_days",
        EARLY: "early_days",
        UNREPORTED_WFA: "unreported_wfa_days",
        MISSING_REPORT: "missing_report_days",
        DISCIPLINE: "discipline",
    }
    for line in result.lines:
        out[column[line.kind]] += 1
        if line.kind == LATE:
            out["late_minutes"] += line.minutes
        elif line.kind == EARLY:
            out["early_minutes"] += line.minutes
    return out


def amounts(result: Result) -> list[str]:
    return [
        percent(result.performance_max),
        percent(result.performance),
        percent(result.attendance_max),
        *(percent(result.deductions.get(k, 0)) for k in KINDS),
        percent(result.attendance),
        percent(result.total),
    ]


def export_row(person: Sequence[object], result: Result) -> list[object]:
    c = counts(result)
    return [
        *person,
        *(c[k] for k in COUNT_COLUMNS if k != "predikat"),
        result.predikat,
        *amounts(result),
    ]
