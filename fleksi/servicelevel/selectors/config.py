"""The capability's settings, with their defaults when nobody has saved them yet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Min

from fleksi.policy.models import PolicyVersion
from fleksi.servicelevel.domain.ikm import GradeScale
from fleksi.servicelevel.models import ServiceLevelConfig


def config_get() -> ServiceLevelConfig:
    """The stored settings, or an unsaved row with the defaults."""
    return ServiceLevelConfig.objects.filter(pk=1).first() or ServiceLevelConfig(pk=1)


def grade_scale(config: ServiceLevelConfig | None = None) -> GradeScale:
    c = config or config_get()
    return GradeScale(a_min=c.ikm_a_min, b_min=c.ikm_b_min, c_min=c.ikm_c_min)


@dataclass(frozen=True)
class WfaStart:
    day: date | None
    source: str  # "config" (set on the settings page), "policy" (first published version), ""


def wfa_start(config: ServiceLevelConfig | None = None) -> WfaStart:
    """Where the safeguard's baseline ends: the configured WFA start, else the start of the
    first policy version ever published."""
    c = config or config_get()
    if c.wfa_start is not None:
        return WfaStart(c.wfa_start, "config")
    first = (
        PolicyVersion.objects.exclude(status=PolicyVersion.Status.DRAFT)
        .aggregate(first=Min("effective_from"))
        .get("first")
    )
    return WfaStart(first, "policy" if first else "")
