"""The public-service safeguard: is a service doing worse since WFA started? Pure.

Each metric of a service is computed over two windows: the **baseline** (the
``baseline_days`` before the WFA start) and the **recent** window (the last ``recent_days``
up to the day of the check, never before the WFA start). Its degradation is the relative
change in the bad direction, in percent::

    higher is worse (processing time, waiting time, complaints):  (recent − base) / base × 100
    lower is worse (compliance, completion, IKM):                 (base − recent) / base × 100

A metric **fires** when its degradation is at least the threshold (exactly at the threshold
fires). It is not compared when either window has fewer than ``min_days`` days with data
(surveys: fewer than one survey), or when the baseline is zero (no relative change exists).
Computation is exact (fractions), so the boundary is the boundary.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any

PROCESSING_TIME = "processing_time"
PROCESSING_COMPLIANCE = "processing_compliance"
COMPLETION_RATE = "completion_rate"
WAITING_TIME = "waiting_time"
COMPLAINT_RATE = "complaint_rate"
IKM = "ikm"

HIGHER_IS_WORSE = "higher"
LOWER_IS_WORSE = "lower"
WORSE_WHEN: dict[str, str] = {
    PROCESSING_TIME: HIGHER_IS_WORSE,
    PROCESSING_COMPLIANCE: LOWER_IS_WORSE,
    COMPLETION_RATE: LOWER_IS_WORSE,
    WAITING_TIME: HIGHER_IS_WORSE,
    COMPLAINT_RATE: HIGHER_IS_WORSE,
    IKM: LOWER_IS_WORSE,
}
METRICS = tuple(WORSE_WHEN)

FIRES = "fires"
HOLDS = "holds"
TOO_FEW = "too_few"
NO_BASELINE = "no_baseline"
NOT_APPLICABLE = "not_applicable"  # processing compliance of a service without a standard
NO_DATA = "no_data"  # neither window has any data for the metric
OUTCOMES = (FIRES, HOLDS, TOO_FEW, NO_BASELINE, NOT_APPLICABLE, NO_DATA)

PER_REQUESTS = 1000  # complaints per 1,000 requests received


@dataclass(frozen=True)
class DayFigure:
    day: date
    received: int
    completed: int
    median_processing: Decimal | None = None  # in the service's unit (minutes or days)
    median_waiting: Decimal | None = None  # minutes


@dataclass(frozen=True)
class SurveyPoint:
    period_start: date
    period_end: date
    index: Decimal
    respondents: int


@dataclass(frozen=True)
class ServiceFacts:
    standard_max_processing: int | None
    figures: tuple[DayFigure, ...] = ()
    complaint_days: tuple[date, ...] = ()  # the day each complaint was received
    surveys: tuple[SurveyPoint, ...] = ()


@dataclass(frozen=True)
class Windows:
    wfa_start: date
    baseline_start: date
    baseline_end: date
    recent_start: date
    recent_end: date

    def in_baseline(self, day: date) -> bool:
        return self.baseline_start <= day <= self.baseline_end

    def in_recent(self, day: date) -> bool:
        return self.recent_start <= day <= self.recent_end

    def as_json(self) -> dict[str, str]:
        return {k: getattr(self, k).isoformat() for k in self.__dataclass_fields__}


@dataclass(frozen=True)
class Thresholds:
    degradation_pct: int = 10
    min_days: int = 10


def windows_for(
    *, day: date, wfa_start: date, baseline_days: int, recent_days: int
) -> Windows | None:
    """The two windows of a check on ``day``; ``None`` before the WFA start."""
    if day < wfa_start or baseline_days < 1 or recent_days < 1:
        return None
    return Windows(
        wfa_start=wfa_start,
        baseline_start=wfa_start - timedelta(days=baseline_days),
        baseline_end=wfa_start - timedelta(days=1),
        recent_start=max(wfa_start, day - timedelta(days=recent_days - 1)),
        recent_end=day,
    )


@dataclass(frozen=True)
class MetricOutcome:
    metric: str
    baseline: Fraction | None
    recent: Fraction | None
    baseline_n: int
    recent_n: int
    degradation_pct: Fraction | None  # positive: worse; None when not compared
    threshold_pct: int
    outcome: str

    @property
    def fires(self) -> bool:
        return self.outcome == FIRES

    @property
    def worse_when(self) -> str:
        return WORSE_WHEN[self.metric]


def degradation(baseline: Fraction, recent: Fraction, worse_when: str) -> Fraction | None:
    """Relative change in the bad direction, in percent (``None`` for a zero baseline)."""
    if baseline == 0:
        return None
    change = (recent - baseline) if worse_when == HIGHER_IS_WORSE else (baseline - recent)
    return change * 100 / baseline


# --- The value of each metric over one window --------------------------------------------

type Value = tuple[Fraction | None, int]  # (value, sample size)


def _mean(values: list[Decimal]) -> Value:
    if not values:
        return None, 0
    return sum((Fraction(v) for v in values), Fraction(0)) / len(values), len(values)


def _processing_time(days: list[DayFigure], facts: ServiceFacts) -> Value:
    return _mean([d.median_processing for d in days if d.median_processing is not None])


def _waiting_time(days: list[DayFigure], facts: ServiceFacts) -> Value:
    return _mean([d.median_waiting for d in days if d.median_waiting is not None])


def _compliance(days: list[DayFigure], facts: ServiceFacts) -> Value:
    standard = facts.standard_max_processing
    measured = [d.median_processing for d in days if d.median_processing is not None]
    if standard is None or not measured:
        return None, len(measured)
    within = sum(1 for v in measured if v <= standard)
    return Fraction(within, len(measured)), len(measured)


def _completion(days: list[DayFigure], facts: ServiceFacts) -> Value:
    busy = [d for d in days if d.received > 0]
    if not busy:
        return None, 0
    return Fraction(sum(d.completed for d in busy), sum(d.received for d in busy)), len(busy)


DAY_METRICS: dict[str, Callable[[list[DayFigure], ServiceFacts], Value]] = {
    PROCESSING_TIME: _processing_time,
    PROCESSING_COMPLIANCE: _compliance,
    COMPLETION_RATE: _completion,
    WAITING_TIME: _waiting_time,
}


def _complaint_rate(
    days: list[DayFigure], complaints: Iterable[date], in_window: Callable[[date], bool]
) -> Value:
    busy = [d for d in days if d.received > 0]
    received = sum(d.received for d in busy)
    if not received:
        return None, 0
    count = sum(1 for c in complaints if in_window(c))
    return Fraction(count * PER_REQUESTS, received), len(busy)


def _ikm(surveys: Iterable[SurveyPoint]) -> Value:
    """Respondent-weighted mean index of the surveys."""
    chosen = [s for s in surveys if s.respondents > 0]
    people = sum(s.respondents for s in chosen)
    if not people:
        return None, 0
    total = sum((Fraction(s.index) * s.respondents for s in chosen), Fraction(0))
    return total / people, len(chosen)


def _judge(
    metric: str, base: Value, recent: Value, minimum: int, thresholds: Thresholds
) -> MetricOutcome:
    (b, bn), (r, rn) = base, recent
    threshold = thresholds.degradation_pct
    if bn == 0 and rn == 0:
        outcome, change = NO_DATA, None
    elif bn < minimum or rn < minimum or b is None or r is None:
        outcome, change = TOO_FEW, None
    else:
        change = degradation(b, r, WORSE_WHEN[metric])
        if change is None:
            outcome = NO_BASELINE
        elif change >= threshold:  # exactly at the threshold fires
            outcome = FIRES
        else:
            outcome = HOLDS
    return MetricOutcome(metric, b, r, bn, rn, change, threshold, outcome)


def evaluate(facts: ServiceFacts, windows: Windows, thresholds: Thresholds) -> list[MetricOutcome]:
    """Every metric of one service, in :data:`METRICS` order."""
    base_days = [f for f in facts.figures if windows.in_baseline(f.day)]
    recent_days = [f for f in facts.figures if windows.in_recent(f.day)]
    minimum = max(1, thresholds.min_days)
    results: list[MetricOutcome] = []
    for metric, compute in DAY_METRICS.items():
        if metric == PROCESSING_COMPLIANCE and facts.standard_max_processing is None:
            results.append(
                MetricOutcome(
                    metric, None, None, 0, 0, None, thresholds.degradation_pct, NOT_APPLICABLE
                )
            )
            continue
        results.append(
            _judge(
                metric, compute(base_days, facts), compute(recent_days, facts), minimum, thresholds
            )
        )
    results.append(
        _judge(
            COMPLAINT_RATE,
            _complaint_rate(base_days, facts.complaint_days, windows.in_baseline),
            _complaint_rate(recent_days, facts.complaint_days, windows.in_recent),
            minimum,
            thresholds,
        )
    )
    # Surveys: those that ended in the baseline window, against those held wholly since the
    # WFA start (a survey is rarer than a day's figures: at least one on each side).
    results.append(
        _judge(
            IKM,
            _ikm(s for s in facts.surveys if windows.in_baseline(s.period_end)),
            _ikm(
                s
                for s in facts.surveys
                if s.period_start >= windows.wfa_start and s.period_end <= windows.recent_end
            ),
            1,
            thresholds,
        )
    )
    return results


def number(value: Fraction | None, places: int = 4) -> float | None:
    """A fraction for people and JSON (rounded)."""
    return None if value is None else round(float(value), places)


def outcome_json(o: MetricOutcome) -> dict[str, Any]:
    return {
        "metric": o.metric,
        "worse_when": o.worse_when,
        "baseline": number(o.baseline),
        "recent": number(o.recent),
        "baseline_n": o.baseline_n,
        "recent_n": o.recent_n,
        "degradation_pct": number(o.degradation_pct, 2),
        "threshold_pct": o.threshold_pct,
        "outcome": o.outcome,
    }
