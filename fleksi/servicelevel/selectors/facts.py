"""The safeguard's inputs for every service at once (set-based: three queries)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from django.db.models import Q

from fleksi.policy.domain.params import PolicyParams
from fleksi.policy.models import PolicyVersion
from fleksi.policy.selectors import params_of, version_in_force
from fleksi.servicelevel.domain.safeguard import (
    DayFigure,
    ServiceFacts,
    SurveyPoint,
    Thresholds,
    Windows,
)
from fleksi.servicelevel.models import Complaint, PublicService, SatisfactionSurvey, ServiceDaily


def thresholds_on(day: date) -> tuple[PolicyVersion | None, PolicyParams, Thresholds]:
    """The policy version in force on ``day`` (or the defaults) and its safeguard values."""
    version = version_in_force(day)
    params = params_of(version) if version else PolicyParams()
    return (
        version,
        params,
        Thresholds(
            degradation_pct=params.safeguard_degradation_pct, min_days=params.safeguard_min_days
        ),
    )


def _in_windows(field: str, w: Windows) -> Q:
    return Q(**{f"{field}__gte": w.baseline_start, f"{field}__lte": w.baseline_end}) | Q(
        **{f"{field}__gte": w.recent_start, f"{field}__lte": w.recent_end}
    )


def safeguard_facts(
    *, windows: Windows, service_ids: Iterable[int] | None = None
) -> dict[int, ServiceFacts]:
    """Facts of every active service (or of ``service_ids``) for the two windows."""
    services = PublicService.objects.filter(is_active=True)
    if service_ids is not None:
        services = services.filter(pk__in=list(service_ids))
    standards = dict(services.values_list("pk", "standard_max_processing"))
    ids = list(standards)
    figures: dict[int, list[DayFigure]] = defaultdict(list)
    for sid, day, received, completed, processing, waiting in (
        ServiceDaily.objects.filter(_in_windows("day", windows), service_id__in=ids)
        .order_by("service_id", "day")
        .values_list(
            "service_id",
            "day",
            "received",
            "completed",
            "median_processing",
            "median_waiting_minutes",
        )
    ):
        figures[sid].append(DayFigure(day, received, completed, processing, waiting))
    complaints: dict[int, list[date]] = defaultdict(list)
    for sid, received_on in Complaint.objects.filter(
        _in_windows("received_on", windows), service_id__in=ids
    ).values_list("service_id", "received_on"):
        complaints[sid].append(received_on)
    surveys: dict[int, list[SurveyPoint]] = defaultdict(list)
    survey_q = Q(period_end__gte=windows.baseline_start, period_end__lte=windows.baseline_end) | Q(
        period_start__gte=windows.wfa_start, period_end__lte=windows.recent_end
    )
    for sid, start, end, index, respondents in SatisfactionSurvey.objects.filter(
        survey_q, service_id__in=ids
    ).values_list("service_id", "period_start", "period_end", "index", "respondents"):
        surveys[sid].append(SurveyPoint(start, end, index, respondents))
    return {
        sid: ServiceFacts(
            standard_max_processing=standard,
            figures=tuple(figures[sid]),
            complaint_days=tuple(complaints[sid]),
            surveys=tuple(surveys[sid]),
        )
        for sid, standard in standards.items()
    }
