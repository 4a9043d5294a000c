"""The monthly regional allowance (TPP) of one employee, with its trace (pure).

Amounts are **basis points of the person's full TPP** (10,000 = 100 %), integers, so that
the parts always add up exactly: ``performance + attendance - deductions = total``.

- The performance part (``tpp_performance_share``, e.g. 60 %) is paid by the month's
  predikat (``tpp_perf_<predikat>_share``); a month not yet rated pays nothing of it yet.
- The attendance and discipline part (the rest, e.g. 40 %) is reduced per incident by a
  share of that part: late arrival and early departure by bands of minutes (1–30, 31–60,
  61–90, beyond: ``tpp_band*_max_minutes``), a working day absent without notice, an
  approved WFA day without its output report, a planned day without its daily report, and
  a month under a disciplinary penalty. Each kind is capped per month
  (``tpp_*_cap_share``), and the part never goes below zero.

Every number is a parameter of the policy version in force (the PPK's choice written in the
Perbup); every deduction is a :class:`Line` of the trace naming the day, the rule (its
parameter) and how much it took.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from fleksi.policy.domain.params import PolicyParams

FULL = 10_000  # basis points of the full TPP

LATE, EARLY, ABSENT, UNREPORTED_WFA, MISSING_REPORT, DISCIPLINE = (
    "late",
    "early",
    "absent",
    "unreported_wfa",
    "missing_report",
    "discipline",
)
KINDS = (LATE, EARLY, ABSENT, UNREPORTED_WFA, MISSING_REPORT, DISCIPLINE)
# The parameter that caps each kind per month (discipline counts once a month).
CAP_KEYS = {
    LATE: "tpp_late_cap_share",
    EARLY: "tpp_early_cap_share",
    ABSENT: "tpp_absent_cap_share",
    UNREPORTED_WFA: "tpp_unreported_wfa_cap_share",
    MISSING_REPORT: "tpp_missing_report_cap_share",
    DISCIPLINE: "tpp_discipline_share",
}
PREDIKATS = ("sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang")


@dataclass(frozen=True)
class Incident:
    """One thing that costs TPP: ``minutes`` for late and early, else 0."""

    kind: str
    day: date | None
    minutes: int = 0


@dataclass(frozen=True)
class Facts:
    """What the month's computation needs of one employee."""

    employee_id: int
    incidents: tuple[Incident, ...] = ()
    predikat: str = ""  # the month's predikat ("" not rated yet)


@dataclass(frozen=True)
class Line:
    """One step of the trace: the incident, the rule (parameter) that priced it, the
    deduction it would make (``nominal``) and what it took after the month's cap."""

    kind: str
    day: date | None
    minutes: int
    band: int  # 1–4 for late and early, 0 otherwise
    rule: str  # the parameter key
    nominal: int  # basis points of the full TPP
    applied: int
    capped: bool


@dataclass(frozen=True)
class Result:
    employee_id: int
    predikat: str
    performance_max: int  # the performance part (bp)
    performance: int  # paid of it for the predikat
    attendance_max: int  # the attendance and discipline part before deductions
    deductions: dict[str, int] = field(default_factory=dict)  # per kind, after caps
    lines: tuple[Line, ...] = ()

    @property
    def deducted(self) -> int:
        return sum(self.deductions.values())

    @property
    def attendance(self) -> int:
        return self.attendance_max - self.deducted

    @property
    def total(self) -> int:
        return self.performance + self.attendance

    @property
    def rated(self) -> bool:
        return self.predikat in PREDIKATS


def bp(share: float, of: int = FULL) -> int:
    """A share of ``of`` basis points, rounded half up to a whole basis point."""
    return int(share * of + 0.5)


def band_of(minutes: int, params: PolicyParams) -> int:
    if minutes <= params.tpp_band1_max_minutes:
        return 1
    if minutes <= params.tpp_band2_max_minutes:
        return 2
    if minutes <= params.tpp_band3_max_minutes:
        return 3
    return 4


def rule_of(incident: Incident, params: PolicyParams) -> tuple[str, int]:
    """The parameter pricing an incident, and its band (late and early)."""
    if incident.kind in (LATE, EARLY):
        band = band_of(incident.minutes, params)
        return f"tpp_{incident.kind}_band{band}_share", band
    return {
        ABSENT: "tpp_absent_share",
        UNREPORTED_WFA: "tpp_unreported_wfa_share",
        MISSING_REPORT: "tpp_missing_report_share",
        DISCIPLINE: "tpp_discipline_share",
    }[incident.kind], 0


def compute(facts: Facts, params: PolicyParams) -> Result:
    performance_max = bp(params.tpp_performance_share)
    attendance_max = FULL - performance_max
    performance = (
        bp(getattr(params, f"tpp_perf_{facts.predikat}_share"), performance_max)
        if facts.predikat in PREDIKATS
        else 0
    )
    room = {kind: bp(getattr(params, CAP_KEYS[kind]), attendance_max) for kind in KINDS}
    left = attendance_max  # the part never goes below zero
    deductions = dict.fromkeys(KINDS, 0)
    lines: list[Line] = []
    order = sorted(facts.incidents, key=lambda i: (i.day or date.min, KINDS.index(i.kind)))
    for incident in order:
        rule, band = rule_of(incident, params)
        nominal = bp(getattr(params, rule), attendance_max)
        applied = max(0, min(nominal, room[incident.kind], left))
        room[incident.kind] -= applied
        left -= applied
        deductions[incident.kind] += applied
        lines.append(
            Line(
                incident.kind,
                incident.day,
                incident.minutes,
                band,
                rule,
                nominal,
                applied,
                applied < nominal,
            )
        )
    return Result(
        employee_id=facts.employee_id,
        predikat=facts.predikat,
        performance_max=performance_max,
        performance=performance,
        attendance_max=attendance_max,
        deductions=deductions,
        lines=tuple(lines),
    )


def percent(points: int) -> str:
    """Basis points as a percentage with two decimals ("97.50"), for exports."""
    sign = "-" if points < 0 else ""
    points = abs(points)
    return f"{sign}{points // 100}.{points % 100:02d}"
