"""The figures of a unit (or a person, a kecamatan, the regency) in a month, and the indicators
computed from them. Pure.

Every figure is a **count or a sum that adds up** across people, units and months, so that a
perangkat daerah is the sum of its units, the regency the sum of its perangkat daerah, and a
period the sum of its months. Indicators are ratios of those sums (never means of means).
``docs/insights.md`` explains each one; the definitions live here only.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

# Counts kept per employee and month (``PersonMonth``) and summed per unit (``UnitMonth``).
PERSON_COUNTS = (
    # attendance: the presence recap's day statuses (one status per working day)
    "working_days",
    "onsite_days",
    "wfa_present_days",
    "duty_days",
    "leave_days",
    "missing_days",
    "late_days",
    "early_days",
    "incomplete_days",
    "flagged_days",
    # WFA use: requested days by their decision
    "wfa_days",
    "wfa_refused_days",
    "wfa_rejected_days",
    # outputs (as the output measures count them)
    "outputs",
    "outputs_full",
    "reports",
    "reports_on_time",
    "quality_sum",
    "quality_n",
    "unreported_days",
    "awaiting",
    "overdue",
)
# Counts of people (a person row holds 0 or 1) and of ratings.
PEOPLE_COUNTS = (
    "headcount",
    "eligible",
    "capable",
    "ready_home",
    "wfa_users",
    "suspended",
    "rated",
    "rating_sangat_baik",
    "rating_baik",
    "rating_butuh_perbaikan",
    "rating_kurang",
    "rating_sangat_kurang",
)
# The public-service figures of the unit's services in the month.
SERVICE_COUNTS = (
    "svc_days",
    "svc_received",
    "svc_completed",
    "svc_timed_days",
    "svc_within_standard",
    "svc_waiting_days",
    "complaints",
    "ikm_respondents",
    "alerts_active",
)
SUMS = ("achievement_sum", "svc_waiting_sum", "ikm_weighted")
COUNTS = PERSON_COUNTS + PEOPLE_COUNTS + SERVICE_COUNTS
RATINGS = ("sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang")


def _pct(part: float, whole: float) -> float | None:
    return round(100 * part / whole, 1) if whole else None


@dataclass(frozen=True)
class Figures:
    headcount: int = 0
    eligible: int = 0
    capable: int = 0
    ready_home: int = 0
    wfa_users: int = 0
    suspended: int = 0
    rated: int = 0
    rating_sangat_baik: int = 0
    rating_baik: int = 0
    rating_butuh_perbaikan: int = 0
    rating_kurang: int = 0
    rating_sangat_kurang: int = 0
    working_days: int = 0
    onsite_days: int = 0
    wfa_present_days: int = 0
    duty_days: int = 0
    leave_days: int = 0
    missing_days: int = 0
    late_days: int = 0
    early_days: int = 0
    incomplete_days: int = 0
    flagged_days: int = 0
    wfa_days: int = 0
    wfa_refused_days: int = 0
    wfa_rejected_days: int = 0
    outputs: int = 0
    outputs_full: int = 0
    achievement_sum: float = 0.0
    reports: int = 0
    reports_on_time: int = 0
    quality_sum: int = 0
    quality_n: int = 0
    unreported_days: int = 0
    awaiting: int = 0
    overdue: int = 0
    svc_days: int = 0
    svc_received: int = 0
    svc_completed: int = 0
    svc_timed_days: int = 0
    svc_within_standard: int = 0
    svc_waiting_days: int = 0
    svc_waiting_sum: float = 0.0
    complaints: int = 0
    ikm_respondents: int = 0
    ikm_weighted: float = 0.0
    alerts_active: int = 0

    def __add__(self, other: Figures) -> Figures:
        return Figures(
            **{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)}
        )

    @classmethod
    def of(cls, values: dict[str, Any]) -> Figures:
        """From a mapping (a database row, an aggregate); missing or empty values count 0."""
        out: dict[str, Any] = {}
        for f in fields(cls):
            v = values.get(f.name)
            out[f.name] = (float(v) if f.name in SUMS else int(v)) if v is not None else 0
        return cls(**out)

    # --- People and use -------------------------------------------------------------------
    @property
    def eligible_pct(self) -> float | None:
        """Share of the employees eligible for WFA under the policy."""
        return _pct(self.eligible, self.headcount)

    @property
    def wfa_use_pct(self) -> float | None:
        """Approved WFA days ÷ working person-days: the share of the work done off-site."""
        return _pct(self.wfa_days, self.working_days)

    @property
    def wfa_users_pct(self) -> float | None:
        return _pct(self.wfa_users, self.headcount)

    # --- Discipline (attendance) --------------------------------------------------------
    @property
    def expected_days(self) -> int:
        """Working person-days on which people were expected to work (not on leave)."""
        return self.onsite_days + self.wfa_present_days + self.duty_days + self.missing_days

    @property
    def attendance_pct(self) -> float | None:
        """Attendance compliance: days present (on site, WFA, official duty) with an
        on-time first check-in ÷ days expected."""
        present = self.onsite_days + self.wfa_present_days + self.duty_days
        return _pct(max(0, present - self.late_days), self.expected_days)

    @property
    def missing_pct(self) -> float | None:
        return _pct(self.missing_days, self.expected_days)

    # --- Performance (outputs) ----------------------------------------------------------
    @property
    def achievement_pct(self) -> float | None:
        """Mean over planned outputs of delivered ÷ target, each capped at 100 %."""
        return _pct(self.achievement_sum, self.outputs)

    @property
    def on_time_pct(self) -> float | None:
        return _pct(self.reports_on_time, self.reports)

    @property
    def quality_mean(self) -> float | None:
        return round(self.quality_sum / self.quality_n, 1) if self.quality_n else None

    @property
    def unreported_pct(self) -> float | None:
        """Approved WFA days past their report deadline without a report ÷ WFA days."""
        return _pct(self.unreported_days, self.wfa_days)

    @property
    def ratings(self) -> dict[str, int]:
        return {r: getattr(self, f"rating_{r}") for r in RATINGS}

    @property
    def good_rating_pct(self) -> float | None:
        """Monthly ratings Baik or Sangat Baik ÷ ratings given."""
        return _pct(self.rating_sangat_baik + self.rating_baik, self.rated)

    # --- Infrastructure readiness -------------------------------------------------------
    @property
    def readiness_pct(self) -> float | None:
        """WFA-capable employees whose domicile is a ready desa ÷ WFA-capable employees."""
        return _pct(self.ready_home, self.capable)

    # --- Public service -----------------------------------------------------------------
    @property
    def service_compliance_pct(self) -> float | None:
        """Service-days whose median processing time is within the standard ÷ service-days
        with a processing time."""
        return _pct(self.svc_within_standard, self.svc_timed_days)

    @property
    def completion_pct(self) -> float | None:
        return _pct(self.svc_completed, self.svc_received)

    @property
    def complaints_per_1000(self) -> float | None:
        return round(1000 * self.complaints / self.svc_received, 2) if self.svc_received else None

    @property
    def waiting_mean(self) -> float | None:
        """Mean of the daily median waiting times (minutes)."""
        return (
            round(self.svc_waiting_sum / self.svc_waiting_days, 1)
            if self.svc_waiting_days
            else None
        )

    @property
    def ikm(self) -> float | None:
        """IKM of the surveys that ended in the period, weighted by respondents."""
        return round(self.ikm_weighted / self.ikm_respondents, 2) if self.ikm_respondents else None


@dataclass(frozen=True)
class Indicator:
    key: str  # the property of Figures
    better: str  # "higher" | "lower"
    unit: str  # "%" | "" | "min" | "‰"
    same_within: float  # a change smaller than this is "about the same"


INDICATORS: dict[str, Indicator] = {
    i.key: i
    for i in (
        Indicator("wfa_use_pct", "", "%", 1.0),
        Indicator("eligible_pct", "", "%", 1.0),
        Indicator("achievement_pct", "higher", "%", 2.0),
        Indicator("on_time_pct", "higher", "%", 2.0),
        Indicator("quality_mean", "higher", "", 2.0),
        Indicator("unreported_pct", "lower", "%", 1.0),
        Indicator("good_rating_pct", "higher", "%", 2.0),
        Indicator("attendance_pct", "higher", "%", 1.0),
        Indicator("missing_pct", "lower", "%", 0.5),
        Indicator("readiness_pct", "higher", "%", 1.0),
        Indicator("service_compliance_pct", "higher", "%", 2.0),
        Indicator("completion_pct", "higher", "%", 1.0),
        Indicator("complaints_per_1000", "lower", "‰", 0.5),
        Indicator("waiting_mean", "lower", "min", 2.0),
        Indicator("ikm", "higher", "", 1.0),
    )
}


def value_of(figures: Figures, key: str) -> float | None:
    value: float | None = getattr(figures, INDICATORS[key].key)
    return value
