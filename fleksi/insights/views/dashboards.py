"""The dashboards: ``/insights/`` picks the tier by the user's scope (regency, Inspektorat,
perangkat daerah, unit); a unit's and a kecamatan's dashboard; the Inspektorat's page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from fleksi.accounts.current import user_of
from fleksi.accounts.models import User
from fleksi.common.domain.months import month_end
from fleksi.common.pagination import paginate
from fleksi.common.replica import reads_from_replica
from fleksi.insights import permissions as perms
from fleksi.insights.domain.compare import Change
from fleksi.insights.domain.svg import to_svg
from fleksi.insights.messages import (
    INDICATOR_HELP,
    INDICATOR_LABELS,
    TIER_LABELS,
    VERDICT_LABELS,
    indicator_value,
)
from fleksi.insights.models import PersonMonth
from fleksi.insights.selectors.audit import audit_summary
from fleksi.insights.selectors.charts import achievement_chart, trend_charts
from fleksi.insights.selectors.dashboards import (
    Dashboard,
    Row,
    kecamatan_dashboard,
    regency_dashboard,
    unit_dashboard,
)
from fleksi.insights.views.common import links_for, month_of, nav_of
from fleksi.insights.views.presenting import (
    COLUMNS,
    concern_groups,
    delta_text,
    headline,
    row_cells,
)
from fleksi.org.models import Unit
from fleksi.places.models import Kecamatan

PEOPLE_PER_PAGE = 50


TREND_WIDTH = 520  # the width of a chart in the two-column grid: text at its drawn size


def _charts(d: Dashboard, extra: list[Any]) -> list[dict[str, Any]]:
    """The trend charts (two columns) and the bar charts (a row each), as SVG markup."""
    empty = _("No figures for these months yet.")
    return [
        {
            "svg": mark_safe(to_svg(c, chart_id=f"chart-{i}", empty_text=empty)),  # noqa: S308
            "wide": bool(c.bars) or c.height > 300,
        }
        for i, c in enumerate([*trend_charts(d, width=TREND_WIDTH), *extra])
    ]


def _change(c: Change) -> dict[str, Any]:
    delta = None if c.before is None or c.after is None else c.after - c.before
    return {
        "key": c.key,
        "label": INDICATOR_LABELS[c.key],
        "help": INDICATOR_HELP.get(c.key, ""),
        "before": indicator_value(c.key, c.before),
        "after": indicator_value(c.key, c.after),
        "delta": delta_text(c.key, delta),
        "verdict": c.verdict,
        "verdict_label": VERDICT_LABELS[c.verdict],
    }


def _context(
    request: HttpRequest, user: User, d: Dashboard, tier: str, **extra: Any
) -> dict[str, Any]:
    links = links_for(user)
    return {
        "d": d,
        "tier": tier,
        "tier_label": TIER_LABELS[tier],
        "nav": nav_of(d.month),
        "links": links,
        "headline": headline(d, links, extra.get("unit")),
        "columns": COLUMNS,
        "changes": [_change(c) for c in d.changes],
        "definitions": [(INDICATOR_LABELS[k], text) for k, text in INDICATOR_HELP.items()],
        "concern_groups": concern_groups(d),
        "month_end": month_end(d.month),
        **extra,
    }


def _unit_link(month_key: str) -> Callable[[Row], str]:
    return lambda r: f"{reverse('insights:unit', args=[r.id])}?month={month_key}"


def _regency(request: HttpRequest, user: User, tier: str) -> HttpResponse:
    month = month_of(request)
    d = regency_dashboard([month])
    nav = nav_of(month)
    charts = _charts(
        d,
        [
            achievement_chart(
                str(INDICATOR_LABELS["achievement_pct"]), d.rows, d, _unit_link(nav.key)
            )
        ],
    )
    extra: dict[str, Any] = {
        "charts": charts,
        "rows": [row_cells(r, "unit", d, links_for(user)) for r in d.rows],
        "kecamatan_rows": [row_cells(r, "kecamatan", d, links_for(user)) for r in d.kecamatan_rows],
        "may_generate": perms.may_generate_reports(user),
    }
    if tier == perms.INSPEKTORAT:
        extra["audit"] = audit_summary(month)
    return render(request, "insights/dashboard.html", _context(request, user, d, tier, **extra))


def _unit(request: HttpRequest, user: User, unit: Unit) -> HttpResponse:
    month = month_of(request)
    d = unit_dashboard(unit, [month])
    nav = nav_of(month)
    tier = perms.PERANGKAT_DAERAH if unit.parent_id is None else perms.UNIT
    extra_charts = (
        [
            achievement_chart(
                str(INDICATOR_LABELS["achievement_pct"]), d.rows, d, _unit_link(nav.key)
            )
        ]
        if d.rows
        else []
    )
    people = None
    if perms.may_see_people(user, unit):
        qs = (
            PersonMonth.objects.filter(month=month, unit__path__startswith=unit.path)
            .select_related("employee", "unit")
            .order_by("unit__path", "employee__name", "employee_id")
        )
        people = paginate(qs, request.GET, per_page=PEOPLE_PER_PAGE)
    return render(
        request,
        "insights/dashboard.html",
        _context(
            request,
            user,
            d,
            tier,
            unit=unit,
            charts=_charts(d, extra_charts),
            rows=[row_cells(r, "unit", d, links_for(user)) for r in d.rows],
            people=people,
            ancestors=Unit.objects.filter(pk__in=[int(p) for p in unit.path.split(".") if p][:-1])
            .filter(pk__in=perms.units_visible(user).values("pk"))
            .order_by("depth"),
        ),
    )


@login_required
@require_GET
@reads_from_replica
def index(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    tier = perms.tier_for(user)
    if tier in (perms.REGENCY, perms.INSPEKTORAT):
        return _regency(request, user, tier)
    unit = perms.home_unit(user)
    if tier is None or unit is None:
        raise Http404
    return _unit(request, user, unit)


@login_required
@require_GET
@reads_from_replica
def audit(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    perms.require_audit(user)
    perms.require_regency(user)
    return _regency(request, user, perms.INSPEKTORAT)


@login_required
@require_GET
@reads_from_replica
def unit(request: HttpRequest, unit_id: int) -> HttpResponse:
    user = user_of(request)
    return _unit(request, user, perms.access_unit(user, unit_id))


@login_required
@require_GET
@reads_from_replica
def kecamatan(request: HttpRequest, kecamatan_id: int) -> HttpResponse:
    user = user_of(request)
    perms.require_regency(user)
    kec = get_object_or_404(Kecamatan, pk=kecamatan_id)
    month = month_of(request)
    d = kecamatan_dashboard(kec, [month])
    nav = nav_of(month)
    return render(
        request,
        "insights/dashboard.html",
        _context(
            request,
            user,
            d,
            perms.REGENCY,
            kecamatan=kec,
            charts=_charts(
                d,
                [
                    achievement_chart(
                        str(INDICATOR_LABELS["achievement_pct"]), d.rows, d, _unit_link(nav.key)
                    )
                ],
            ),
            rows=[row_cells(r, "unit", d, links_for(user)) for r in d.rows],
        ),
    )


__all__ = ["Row", "audit", "index", "kecamatan", "unit"]
