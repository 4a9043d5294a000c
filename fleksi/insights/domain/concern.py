"""Units of concern and what to tighten, derived from the rules. Pure.

A unit is **of concern** in a month when one of these rules holds (checked in this order):

1. ``service_degraded`` — the safeguard has an active alert on one of its public services
   (the service's figures since WFA are worse than before by the policy's threshold or more).
   Recommendation: lower the unit's off-site share and raise its minimum on site (the alert
   can be turned into a draft policy change from its page).
2. ``achievement_low`` — its output achievement is below the policy's
   ``revocation_min_achievement_pct`` (at least :data:`MIN_OUTPUTS` planned outputs).
   Recommendation: review the work plans and their verification with the unit head; people
   below the threshold lose WFA through the monthly revocation check.
3. ``attendance_low`` — its attendance compliance is below the policy's
   ``monev_min_attendance_pct`` (at least :data:`MIN_EXPECTED_DAYS` expected person-days).
   Recommendation: follow up missing days and late check-ins before approving more WFA.
4. ``readiness_low`` — fewer than the policy's ``monev_min_readiness_pct`` of its WFA-capable
   employees live in a ready desa while WFA is used on ``monev_wfa_use_high_pct`` or more of
   its working days.
   Recommendation: improve connectivity where its staff live (Diskominfo), or limit WFA to
   approved places that are ready.

The thresholds come from the policy version in force (``selectors.dashboards.thresholds_for``);
the constants below are the defaults without a policy (the same as the policy's defaults) and
the minimum sizes under which a unit is too small to judge (``docs/insights.md``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from fleksi.insights.domain.figures import Figures
from fleksi.policy.domain.params import PolicyParams

# Without a policy in force: the policy's own defaults (one source for the numbers).
_DEFAULTS = PolicyParams()
ACHIEVEMENT_MIN_PCT = float(_DEFAULTS.revocation_min_achievement_pct)
ATTENDANCE_MIN_PCT = float(_DEFAULTS.monev_min_attendance_pct)
READINESS_MIN_PCT = float(_DEFAULTS.monev_min_readiness_pct)
WFA_USE_HIGH_PCT = float(_DEFAULTS.monev_wfa_use_high_pct)
MIN_OUTPUTS = 10
MIN_EXPECTED_DAYS = 20

SERVICE_DEGRADED = "service_degraded"
ACHIEVEMENT_LOW = "achievement_low"
ATTENDANCE_LOW = "attendance_low"
READINESS_LOW = "readiness_low"
RULES = (SERVICE_DEGRADED, ACHIEVEMENT_LOW, ATTENDANCE_LOW, READINESS_LOW)
ACTIONS = {
    SERVICE_DEGRADED: "lower_offsite_share",
    ACHIEVEMENT_LOW: "review_work_plans",
    ATTENDANCE_LOW: "follow_up_attendance",
    READINESS_LOW: "improve_connectivity",
}


@dataclass(frozen=True)
class Thresholds:
    achievement_min_pct: float = ACHIEVEMENT_MIN_PCT
    attendance_min_pct: float = ATTENDANCE_MIN_PCT
    readiness_min_pct: float = READINESS_MIN_PCT
    wfa_use_high_pct: float = WFA_USE_HIGH_PCT
    min_outputs: int = MIN_OUTPUTS
    min_expected_days: int = MIN_EXPECTED_DAYS


@dataclass(frozen=True)
class ServiceAlert:
    service: str
    metric: str
    change_pct: float
    threshold_pct: int


@dataclass(frozen=True)
class UnitView:
    unit_id: int
    name: str
    figures: Figures
    alerts: tuple[ServiceAlert, ...] = ()


@dataclass(frozen=True)
class Concern:
    unit_id: int
    name: str
    rule: str
    action: str
    values: dict[str, Any] = field(default_factory=dict)


def _exact(part: float, whole: float) -> float | None:
    return 100 * part / whole if whole else None


def unit_concerns(unit: UnitView, t: Thresholds) -> list[Concern]:
    f = unit.figures
    found: list[Concern] = []

    def add(rule: str, **values: Any) -> None:
        found.append(Concern(unit.unit_id, unit.name, rule, ACTIONS[rule], values))

    for alert in unit.alerts:
        add(
            SERVICE_DEGRADED,
            service=alert.service,
            metric=alert.metric,
            change_pct=alert.change_pct,
            threshold_pct=alert.threshold_pct,
        )
    # The rules compare the exact ratios (an achievement of 69.97 % is below 70 % even though
    # it shows as 70.0); the values reported are the rounded indicators.
    enough_outputs = f.outputs >= t.min_outputs
    achieved = _exact(f.achievement_sum, f.outputs)
    if enough_outputs and achieved is not None and achieved < t.achievement_min_pct:
        add(ACHIEVEMENT_LOW, value=f.achievement_pct, threshold=t.achievement_min_pct)
    enough_days = f.expected_days >= t.min_expected_days
    present = f.onsite_days + f.wfa_present_days + f.duty_days
    attended = _exact(max(0, present - f.late_days), f.expected_days)
    if enough_days and attended is not None and attended < t.attendance_min_pct:
        add(ATTENDANCE_LOW, value=f.attendance_pct, threshold=t.attendance_min_pct)
    readiness = _exact(f.ready_home, f.capable)
    use = _exact(f.wfa_days, f.working_days)
    low = readiness is not None and readiness < t.readiness_min_pct
    if low and use is not None and use >= t.wfa_use_high_pct:
        add(
            READINESS_LOW,
            value=f.readiness_pct,
            threshold=t.readiness_min_pct,
            use=f.wfa_use_pct,
            use_threshold=t.wfa_use_high_pct,
        )
    return found


def concerns(units: Iterable[UnitView], t: Thresholds) -> list[Concern]:
    """Every concern of every unit, the most serious rule first, then by unit name."""
    found = [c for u in units for c in unit_concerns(u, t)]
    order = {rule: i for i, rule in enumerate(RULES)}
    return sorted(found, key=lambda c: (order[c.rule], c.name, c.unit_id))
