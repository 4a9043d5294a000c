"""Words for people: indicator names, the reasons of a concern and what to tighten, the
verdicts of before vs after. English message ids, translated by the catalogue."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from fleksi.common.formats import figure_text, number_text
from fleksi.insights.domain.concern import Concern
from fleksi.insights.domain.figures import INDICATORS

INDICATOR_LABELS: Mapping[str, Any] = {
    "wfa_use_pct": gettext_lazy("WFA use (share of working days)"),
    "eligible_pct": gettext_lazy("Employees eligible for WFA"),
    "achievement_pct": gettext_lazy("Output achievement"),
    "on_time_pct": gettext_lazy("Reports on time"),
    "quality_mean": gettext_lazy("Mean quality (0–100)"),
    "unreported_pct": gettext_lazy("Unreported WFA days"),
    "good_rating_pct": gettext_lazy("Ratings Baik or better"),
    "attendance_pct": gettext_lazy("Attendance compliance"),
    "missing_pct": gettext_lazy("Missing days"),
    "readiness_pct": gettext_lazy("Readiness of where staff live"),
    "service_compliance_pct": gettext_lazy("Service days within the standard"),
    "completion_pct": gettext_lazy("Requests completed"),
    "complaints_per_1000": gettext_lazy("Complaints per 1,000 requests"),
    "waiting_mean": gettext_lazy("Mean waiting time (minutes)"),
    "ikm": gettext_lazy("IKM"),
}
INDICATOR_HELP: Mapping[str, Any] = {
    "wfa_use_pct": gettext_lazy("Approved WFA days ÷ working person-days."),
    "achievement_pct": gettext_lazy(
        "Mean over planned outputs of delivered ÷ target, each capped at 100 %."
    ),
    "attendance_pct": gettext_lazy(
        "Days present (on site, WFA, official duty) with an on-time first check-in ÷ days "
        "expected (working days not on leave)."
    ),
    "readiness_pct": gettext_lazy(
        "Employees in WFA-capable positions whose domicile is a ready desa ÷ those employees."
    ),
    "service_compliance_pct": gettext_lazy(
        "Days whose median processing time is within the service standard ÷ days with figures."
    ),
}
VERDICT_LABELS: Mapping[str, Any] = {
    "better": gettext_lazy("better"),
    "worse": gettext_lazy("worse"),
    "same": gettext_lazy("about the same"),
    "unknown": gettext_lazy("not known"),
    "": "",
}
RULE_LABELS: Mapping[str, Any] = {
    "service_degraded": gettext_lazy("Public service degraded"),
    "achievement_low": gettext_lazy("Output achievement below the threshold"),
    "attendance_low": gettext_lazy("Attendance compliance below the threshold"),
    "readiness_low": gettext_lazy("Low readiness where WFA is used"),
}
RULE_ACTIONS: Mapping[str, Any] = {
    "service_degraded": gettext_lazy(
        "Lower the unit's off-site share and raise its minimum on site until the service "
        "recovers: turn the safeguard alert into a draft policy change and try it in the "
        "what-if simulation."
    ),
    "achievement_low": gettext_lazy(
        "Review the work plans and their verification with the unit head; people below the "
        "threshold lose WFA through the monthly check."
    ),
    "attendance_low": gettext_lazy(
        "Follow up the missing days and late check-ins before approving more WFA days."
    ),
    "readiness_low": gettext_lazy(
        "Improve connectivity where the staff live (Diskominfo), or limit WFA to approved "
        "places that are ready."
    ),
}
METRIC_LABELS: Mapping[str, Any] = {
    "processing_time": gettext_lazy("processing time"),
    "processing_compliance": gettext_lazy("days within the standard"),
    "completion_rate": gettext_lazy("completion rate"),
    "waiting_time": gettext_lazy("waiting time"),
    "complaint_rate": gettext_lazy("complaints per 1,000 requests"),
    "ikm": gettext_lazy("IKM"),
}
TIER_LABELS: Mapping[str, Any] = {
    "regency": gettext_lazy("Regency"),
    "inspektorat": gettext_lazy("Inspektorat"),
    "perangkat_daerah": gettext_lazy("Perangkat daerah"),
    "unit": gettext_lazy("Unit"),
}


TWO_DECIMALS = ("ikm", "complaints_per_1000")


def indicator_value(key: str, value: float | None) -> str:
    """An indicator's value with its unit, in the reader's language (IKM and complaints per
    1,000 with two decimals)."""
    if value is None:
        return "–"
    unit = INDICATORS[key].unit
    if key in TWO_DECIMALS:
        return number_text(value, 2) + (unit if unit == "‰" else "")
    if unit == "min":
        return _("%(n)s min") % {"n": figure_text(value)}
    return figure_text(value, unit)


def concern_reason(c: Concern) -> str:
    v = c.values
    if c.rule == "service_degraded":
        return _(
            "%(service)s: %(metric)s worse by %(change)s %% since WFA (threshold %(threshold)s %%)."
        ) % {
            "service": v["service"],
            "metric": METRIC_LABELS.get(v["metric"], v["metric"]),
            "change": figure_text(v["change_pct"]),
            "threshold": v["threshold_pct"],
        }
    if c.rule == "achievement_low":
        return _("Output achievement %(value)s %% is below the policy's %(threshold)s %%.") % {
            "value": figure_text(v["value"]),
            "threshold": figure_text(v["threshold"]),
        }
    if c.rule == "attendance_low":
        return _("Attendance compliance %(value)s %% is below %(threshold)s %%.") % {
            "value": figure_text(v["value"]),
            "threshold": figure_text(v["threshold"]),
        }
    return _(
        "Only %(value)s %% of its WFA-capable staff live in a ready desa (under %(threshold)s "
        "%%), while WFA is used on %(use)s %% of working days."
    ) % {
        "value": figure_text(v["value"]),
        "threshold": figure_text(v["threshold"]),
        "use": figure_text(v["use"]),
    }


def recommendation(c: Concern) -> str:
    name = c.name
    if c.action == "lower_offsite_share":
        return _(
            "Lower the off-site share of %(unit)s and raise its minimum on site until the "
            "service recovers (turn the alert into a draft policy change)."
        ) % {"unit": name}
    if c.action == "review_work_plans":
        return _(
            "Review the work plans and their verification in %(unit)s with its head; people "
            "below the threshold lose WFA through the monthly check."
        ) % {"unit": name}
    if c.action == "follow_up_attendance":
        return _(
            "Follow up the missing days and late check-ins in %(unit)s before approving more "
            "WFA days."
        ) % {"unit": name}
    return _(
        "Improve connectivity where the staff of %(unit)s live (Diskominfo), or limit their "
        "WFA to approved places that are ready."
    ) % {"unit": name}
