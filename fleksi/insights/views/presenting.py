"""Figures as the pages show them: each with the page of the rows behind it, when the user
may open that page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from fleksi.common.domain.months import month_key
from fleksi.common.formats import figure_text, number_text
from fleksi.insights.domain.concern import Concern
from fleksi.insights.domain.figures import INDICATORS, Figures
from fleksi.insights.messages import (
    INDICATOR_LABELS,
    METRIC_LABELS,
    RULE_ACTIONS,
    RULE_LABELS,
    TWO_DECIMALS,
    indicator_value,
)
from fleksi.insights.selectors.dashboards import Dashboard, Row
from fleksi.insights.views.common import Links
from fleksi.org.models import Unit


@dataclass(frozen=True)
class Cell:
    text: str
    href: str = ""
    title: str = ""
    css: str = "num"


def figure(value: float | None, unit: str = "") -> str:
    """A figure as the page shows it (``figure_text``), "–" when there is none."""
    return "–" if value is None else figure_text(value, unit)


def pct(value: float | None) -> str:
    return figure(value, "%")


def num(value: float | None) -> str:
    return "–" if value is None else number_text(value)


def delta_text(key: str, delta: float | None) -> str:
    """A change after − before, signed; percentages change by percentage points."""
    if delta is None:
        return "–"
    decimals = 2 if key in TWO_DECIMALS else 1
    delta = round(delta, decimals)
    sign = "+" if delta > 0 else ("−" if delta < 0 else "±")
    unit = INDICATORS[key].unit
    magnitude = number_text(abs(delta), 2) if decimals == 2 else figure(abs(delta))
    if unit == "%":
        return _("%(sign)s%(n)s pts") % {"sign": sign, "n": magnitude}
    if unit == "min":
        return _("%(sign)s%(n)s min") % {"sign": sign, "n": magnitude}
    return f"{sign}{magnitude}{unit}"


def _q(d: Dashboard, unit_id: int | None = None, **more: str) -> str:
    params = {"month": month_key(d.month), **({"unit": str(unit_id)} if unit_id else {}), **more}
    return "?" + "&".join(f"{k}={v}" for k, v in params.items())


def unit_links(unit_id: int, d: Dashboard, links: Links, *, public: bool) -> dict[str, str]:
    """The pages behind a unit's figures."""
    m = month_key(d.month)
    out: dict[str, str] = {}
    if links.people:
        out["attendance"] = f"{reverse('presence:recap_unit', args=[unit_id])}?month={m}"
        out["outputs"] = reverse("outputs:team") + _q(d, unit_id)
        out["wfa"] = (
            reverse("schedule:board") + f"?unit={unit_id}&view=week&day={d.month.isoformat()}"
        )
        out["eligible"] = reverse("eligibility:unit", args=[unit_id])
    if links.service:
        out["service"] = (
            reverse("servicelevel:unit", args=[unit_id])
            if public
            else reverse("servicelevel:complaints") + f"?unit={unit_id}"
        )
    if links.places:
        out["readiness"] = reverse("places:readiness")
    return out


def regency_links(d: Dashboard, links: Links) -> dict[str, str]:
    m = month_key(d.month)
    out: dict[str, str] = {}
    if links.people:
        out["attendance"] = f"{reverse('presence:recap_units')}?month={m}"
        out["outputs"] = reverse("outputs:team") + f"?month={m}&unit="
        out["wfa"] = reverse("schedule:board")
    if links.regency:
        out["eligible"] = reverse("eligibility:regency")
    if links.service:
        out["service"] = reverse("servicelevel:safeguard")
        out["complaints"] = reverse("servicelevel:complaints")
        out["ikm"] = reverse("servicelevel:surveys")
    if links.places:
        out["readiness"] = reverse("places:readiness")
    return out


def headline(d: Dashboard, links: Links, unit: Unit | None = None) -> list[dict[str, Any]]:
    f = d.total
    to = (
        unit_links(unit.pk, d, links, public=unit.is_public_service)
        if unit is not None
        else regency_links(d, links)
    )
    return [
        {
            "key": "wfa_use_pct",
            "label": INDICATOR_LABELS["wfa_use_pct"],
            "value": pct(f.wfa_use_pct),
            "sub": _("%(days)s WFA days, %(people)s people")
            % {"days": num(f.wfa_days), "people": num(f.wfa_users)},
            "href": to.get("wfa", ""),
        },
        {
            "key": "eligible_pct",
            "label": INDICATOR_LABELS["eligible_pct"],
            "value": pct(f.eligible_pct),
            "sub": _("%(n)s of %(total)s employees")
            % {"n": num(f.eligible), "total": num(f.headcount)},
            "href": to.get("eligible", ""),
        },
        {
            "key": "achievement_pct",
            "label": INDICATOR_LABELS["achievement_pct"],
            "value": pct(f.achievement_pct),
            "sub": _("%(n)s planned outputs, %(on_time)s on time")
            % {"n": num(f.outputs), "on_time": pct(f.on_time_pct)},
            "href": to.get("outputs", ""),
        },
        {
            "key": "attendance_pct",
            "label": INDICATOR_LABELS["attendance_pct"],
            "value": pct(f.attendance_pct),
            "sub": _("%(missing)s missing days, %(late)s late")
            % {"missing": num(f.missing_days), "late": num(f.late_days)},
            "href": to.get("attendance", ""),
        },
        {
            "key": "readiness_pct",
            "label": INDICATOR_LABELS["readiness_pct"],
            "value": pct(f.readiness_pct),
            "sub": _("%(n)s of %(total)s WFA-capable staff")
            % {"n": num(f.ready_home), "total": num(f.capable)},
            "href": to.get("readiness", ""),
        },
        {
            "key": "service_compliance_pct",
            "label": INDICATOR_LABELS["service_compliance_pct"],
            "value": pct(f.service_compliance_pct),
            "sub": _("%(c)s complaints per 1,000 requests, IKM %(ikm)s")
            % {
                "c": figure(f.complaints_per_1000),
                "ikm": indicator_value("ikm", f.ikm),
            },
            "href": to.get("service", ""),
        },
    ]


def row_cells(r: Row, kind: str, d: Dashboard, links: Links) -> dict[str, Any]:
    """A table row: the name linking to the row's own dashboard, and its figures."""
    f: Figures = r.figures
    m = month_key(d.month)
    if kind == "kecamatan":
        href = f"{reverse('insights:kecamatan', args=[r.id])}?month={m}" if links.regency else ""
        to = {"readiness": reverse("places:kecamatan", args=[r.id])} if links.places else {}
    else:
        href = f"{reverse('insights:unit', args=[r.id])}?month={m}"
        to = unit_links(r.id, d, links, public=r.is_public_service)
    return {
        "name": r.name,
        "href": href,
        "cells": [
            Cell(num(f.headcount)),
            Cell(pct(f.eligible_pct), to.get("eligible", "")),
            Cell(
                pct(f.wfa_use_pct), to.get("wfa", ""), _("%(n)s WFA days") % {"n": num(f.wfa_days)}
            ),
            Cell(
                pct(f.achievement_pct),
                to.get("outputs", ""),
                _("%(n)s planned outputs") % {"n": num(f.outputs)},
            ),
            Cell(pct(f.on_time_pct), to.get("outputs", "")),
            Cell(pct(f.attendance_pct), to.get("attendance", "")),
            Cell(num(f.missing_days), to.get("attendance", "")),
            Cell(pct(f.readiness_pct), to.get("readiness", "")),
            Cell(pct(f.service_compliance_pct), to.get("service", "") if f.svc_days else ""),
            Cell(
                num(f.complaints) if f.svc_days or f.complaints else "–",
                to.get("service", "") if f.complaints else "",
            ),
            Cell(
                num(f.alerts_active) if f.alerts_active else "",
                to.get("service", ""),
                css="num bad-text",
            ),
        ],
        "concern": any(c.unit_id == r.id for c in d.concerns),
    }


def _service_reasons(concerns: list[Concern]) -> list[str]:
    """One reason per degraded service, its measures together."""
    by_service: dict[str, list[str]] = {}
    for c in concerns:
        v = c.values
        by_service.setdefault(v["service"], []).append(
            _("%(metric)s worse by %(change)s %% (threshold %(threshold)s %%)")
            % {
                "metric": METRIC_LABELS.get(v["metric"], v["metric"]),
                "change": figure(v["change_pct"]),
                "threshold": v["threshold_pct"],
            }
        )
    return [f"{service}: {', '.join(parts)}" for service, parts in by_service.items()]


def _reason(c: Concern) -> str:
    v = c.values
    if c.rule == "readiness_low":
        return _("%(value)s ready · WFA on %(use)s of working days") % {
            "value": pct(v["value"]),
            "use": pct(v["use"]),
        }
    return pct(v["value"])


def concern_groups(d: Dashboard) -> list[dict[str, Any]]:
    """The units of concern by rule, the most serious rule first: the rule, what to do, and
    each unit once with its reasons (a unit with four degraded measures of one service is one
    entry), the lowest value first."""
    m = month_key(d.month)
    by_rule: dict[str, dict[int, list[Concern]]] = {}
    for c in d.concerns:
        by_rule.setdefault(c.rule, {}).setdefault(c.unit_id, []).append(c)
    groups = []
    for rule, units in by_rule.items():
        entries = []
        for unit_id, found in units.items():
            entries.append(
                {
                    "name": found[0].name,
                    "href": f"{reverse('insights:unit', args=[unit_id])}?month={m}",
                    "reasons": _service_reasons(found)
                    if rule == "service_degraded"
                    else [_reason(c) for c in found],
                    "order": min(float(c.values.get("value", 0.0)) for c in found),
                }
            )
        if rule != "service_degraded":
            entries.sort(key=lambda e: (e["order"], e["name"]))
        groups.append(
            {
                "rule": rule,
                "label": RULE_LABELS[rule],
                "action": RULE_ACTIONS[rule],
                "units": entries,
            }
        )
    return groups


COLUMNS = (
    gettext_lazy("Employees"),
    INDICATOR_LABELS["eligible_pct"],
    INDICATOR_LABELS["wfa_use_pct"],
    INDICATOR_LABELS["achievement_pct"],
    INDICATOR_LABELS["on_time_pct"],
    INDICATOR_LABELS["attendance_pct"],
    gettext_lazy("Missing days"),
    INDICATOR_LABELS["readiness_pct"],
    INDICATOR_LABELS["service_compliance_pct"],
    gettext_lazy("Complaints"),
    gettext_lazy("Alerts"),
)
