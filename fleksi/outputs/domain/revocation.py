"""The monthly revocation decision (pure): is WFA suspended, and why, with a trace of every
value and threshold that decided it. The thresholds are the PPK's choice written in the Perbup
(no national article sets them); flexible work is not the employee's right, so WFA is
suspended ("WFA ditangguhkan") when outputs fall short."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

ACHIEVEMENT, UNREPORTED = "achievement", "unreported"


@dataclass(frozen=True)
class RevocationFacts:
    employee_id: int
    month: date  # first day
    wfa_days: int  # approved WFA days in the month
    planned_outputs: int
    achievement_pct: float | None  # None without planned outputs
    unreported_days: int


@dataclass(frozen=True)
class RevocationDecision:
    suspend: bool
    trigger: str  # "" | achievement | unreported (the first that fired)
    start: date | None
    end: date | None
    trace: dict[str, Any]


def decide_revocation(
    facts: RevocationFacts,
    *,
    min_achievement_pct: int,
    max_unreported_days: int,
    suspension_days: int,
    today: date,
    notice_days: int = 0,
) -> RevocationDecision:
    """Suspend when the month's achievement is below ``min_achievement_pct`` (only if the
    month had planned outputs) or its unreported WFA days exceed ``max_unreported_days``;
    the suspension applies from the stated date ``today`` + ``notice_days`` and runs
    ``suspension_days`` calendar days. Only people with WFA days in the month are checked."""
    checks: list[dict[str, Any]] = []
    fired: list[str] = []
    if facts.wfa_days == 0:
        checks.append({"check": "wfa_days", "observed": 0, "outcome": "skip"})
    else:
        if facts.achievement_pct is None:
            checks.append({"check": ACHIEVEMENT, "observed": None, "outcome": "skip"})
        else:
            below = facts.achievement_pct < min_achievement_pct
            checks.append(
                {
                    "check": ACHIEVEMENT,
                    "observed": facts.achievement_pct,
                    "threshold": min_achievement_pct,
                    "outcome": "fail" if below else "pass",
                }
            )
            if below:
                fired.append(ACHIEVEMENT)
        over = facts.unreported_days > max_unreported_days
        checks.append(
            {
                "check": UNREPORTED,
                "observed": facts.unreported_days,
                "threshold": max_unreported_days,
                "outcome": "fail" if over else "pass",
            }
        )
        if over:
            fired.append(UNREPORTED)
    trace: dict[str, Any] = {
        "month": facts.month.isoformat(),
        "wfa_days": facts.wfa_days,
        "planned_outputs": facts.planned_outputs,
        "checks": checks,
        "triggers": fired,
        "suspension_days": suspension_days,
        "notice_days": notice_days,
    }
    if not fired:
        return RevocationDecision(False, "", None, None, trace)
    start = today + timedelta(days=notice_days)
    end = start + timedelta(days=suspension_days - 1)
    return RevocationDecision(True, fired[0], start, end, trace)


def first_recallable(today: date, now: datetime, work_start: datetime | None) -> date:
    """The first approved WFA day a suspension may recall: never a day that has started or
    passed. Today only while the person's working day has not begun (``now`` before
    ``work_start``, naive local times); without a working window today (a day off), tomorrow."""
    if work_start is not None and now < work_start:
        return today
    return today + timedelta(days=1)


def failed_checks(trace: dict[str, Any]) -> list[tuple[str, float, float]]:
    """The checks that fired, as (check, observed, threshold), for the words of a reason."""
    return [
        (c["check"], c["observed"], c["threshold"])
        for c in trace.get("checks", ())
        if c.get("outcome") == "fail"
    ]
