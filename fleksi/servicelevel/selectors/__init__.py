"""Reads of the public-service figures."""

from fleksi.servicelevel.selectors.config import WfaStart, config_get, grade_scale, wfa_start
from fleksi.servicelevel.selectors.facts import safeguard_facts, thresholds_on
from fleksi.servicelevel.selectors.figures import (
    ServiceTrend,
    service_picture,
    service_trend,
    week_figures,
)

__all__ = [
    "ServiceTrend",
    "WfaStart",
    "config_get",
    "grade_scale",
    "safeguard_facts",
    "service_picture",
    "service_trend",
    "thresholds_on",
    "week_figures",
    "wfa_start",
]
