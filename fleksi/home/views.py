from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from fleksi.accounts.domain.access import Perm
from fleksi.accounts.models import User
from fleksi.accounts.permissions import scope_for
from fleksi.eligibility.services import eligibility_evaluate
from fleksi.home import selectors
from fleksi.org.models import Employee
from fleksi.org.selectors import employee_get
from fleksi.outputs.selectors.risk import wfa_at_risk
from fleksi.presence.selectors.checkins import today_for
from fleksi.schedule.selectors.requests import next_wfa_days


@login_required
def index(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    scope = scope_for(user)
    today = timezone.localdate()
    ctx: dict[str, object] = {"scope": scope, "today": today}
    if scope.employee_id is not None:
        ctx["me"] = me = employee_get(scope.employee_id)
        ctx["wfa_version"], ctx["wfa_today"] = eligibility_evaluate(
            employee=me, day=timezone.localdate()
        )
        ctx["next_wfa"] = next_wfa = next_wfa_days(me.pk)
        # Today on the home page: the schedule, where the person works and the check-ins.
        presence = today_for(me, timezone.localtime().replace(tzinfo=None))
        ctx["presence_today"] = presence
        ctx["checkins_done"] = sum(1 for s in presence.slots if s.checkin is not None)
        ctx["wfa_approved_today"] = any(
            d.day == ctx["today"] and d.status == "approved" for d in next_wfa
        )
    leads = scope.has_role("supervisor") or bool(scope.headed_unit_paths or scope.acting_unit_ids)
    if scope.employee_id is not None and leads:
        ctx["waiting"] = selectors.decisions_waiting(user, scope.employee_id)
        # The regency's leaders get figures, not their office's list of names (issue 16).
        if not scope.has(Perm.REGENCY_VIEW):
            ctx["team_today"] = selectors.team_today(scope, today)
            # Who may lose WFA, before the monthly output check applies (issue 16).
            ctx["at_risk"] = wfa_at_risk(
                Employee.objects.filter(selectors.team_q(scope), is_active=True), today
            )
    if scope.managed_unit_paths:
        ctx["managed_units"] = scope.managed_units()
    # The Sekda and the Bupati: the regency's figures and their decisions, no raw audit lines.
    leader = scope.has_role("sekda") or scope.has_role("bupati")
    if scope.has(Perm.REGENCY_VIEW):
        ctx["regency_today"] = selectors.regency_today(today)
        ctx["regency"] = selectors.regency_overview()
        ctx["largest"] = selectors.largest_perangkat_daerah()
    regency_waiting = selectors.regency_waiting(user, scope, today)
    if any(v is not None for v in vars(regency_waiting).values()):
        ctx["regency_waiting"] = regency_waiting
    if scope.has(Perm.PLACES_MANAGE):
        ctx["kecamatan"] = selectors.kecamatan_residents()
    if scope.has(Perm.AUDIT_VIEW) and not leader:
        ctx["recent_audit"] = selectors.recent_audit_entries()
    if scope.unit_paths:
        ctx["n_in_scope"] = Employee.objects.filter(scope.in_subtrees_q(), is_active=True).count()
    return render(request, "home/index.html", ctx)


THEME_COLOUR = "#0b6e4f"


@require_GET
@cache_control(public=True, max_age=86400)
def manifest(request: HttpRequest) -> HttpResponse:
    """The web app manifest of the whole site: Fleksi installs on a phone's home screen and
    opens on the person's home page (public: browsers fetch it without cookies, so its name
    is in the site's language, Bahasa Indonesia, unless the person chose another). The
    check-in page keeps its own manifest and service worker (presence), for offline use."""
    start = reverse("home:index")
    icons = "fleksi/icons/"
    body: dict[str, Any] = {
        "id": start,
        "name": _("Fleksi: flexible work of the regency's civil servants"),
        "short_name": "Fleksi",
        "description": _("WFA requests, check-in, outputs and schedules of the ASN"),
        "lang": getattr(request, "LANGUAGE_CODE", "id"),
        "start_url": start,
        "scope": start,
        "display": "standalone",
        "orientation": "portrait",
        "background_color": "#f6f7f9",
        "theme_color": THEME_COLOUR,
        "icons": [
            {"src": static(f"{icons}icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static(f"{icons}icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {
                "src": static(f"{icons}icon-maskable-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
        ],
    }
    return JsonResponse(
        body, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False}
    )
