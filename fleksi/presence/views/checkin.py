"""The check-in page, its web app manifest and its service worker (all from our origin)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from fleksi.accounts.current import user_of
from fleksi.org.selectors import employee_get
from fleksi.presence.messages import clock, slot_label
from fleksi.presence.models import Mode
from fleksi.presence.permissions import checkin_employee_id, may_recap_any
from fleksi.presence.selectors.checkins import today_for
from fleksi.presence.selectors.facts import day_rules
from fleksi.presence.services.contact import contact_issue

STATIC_FILES = ("fleksi/fleksi.css", "presence/presence.css", "presence/checkin.js")


def _texts() -> dict[str, str]:
    """The words the script shows ("{n}" is filled in by it)."""
    return {
        "locating": _("Looking for your position…"),
        "accuracy": _("Position found, accurate to {n} m."),
        "no_position": _("No position: the check-in is kept and flagged, not refused."),
        "queued": _(
            "No network: the check-in is kept on this phone and sent when the network returns."
        ),
        "waiting": _("Waiting for the network ({n})"),
        "waiting_one": _("waiting for the network"),
        "sign_in": _("Sign in again to send the check-ins waiting on this phone."),
        "refused": _("The check-in was refused."),
        "button_in": _("Check in: {n}"),
        "button_out": _("Check out: {n}"),
        "all_done": _("All check-ins of today are made"),
        "outcome_pass": _("in order"),
        "outcome_warn": _("flagged"),
        "outcome_fail": _("rule not met"),
    }


@login_required
@require_GET
def checkin_page(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    employee_id = checkin_employee_id(user)
    if employee_id is None:
        raise Http404
    employee = employee_get(employee_id)
    now = timezone.localtime()
    t = today_for(employee, now.replace(tzinfo=None))
    slots = [
        {
            "slot": s.slot.number,
            "kind": s.slot.kind,
            "role": s.slot.role,
            "label": slot_label(s.slot.role),
            "checkin": {
                "checked_at": s.checkin.checked_at.isoformat(),
                "outcome": s.checkin.outcome,
                "counted": s.checkin.counted,
            }
            if s.checkin
            else None,
        }
        for s in t.slots
    ]
    data = {
        "employee": employee.pk,
        "day": t.day.isoformat(),
        "rendered_at": now.isoformat(),
        "api": reverse("api:presence_checkin_create"),
        "today": reverse("api:presence_today"),
        "sw": reverse("presence:sw"),
        "scope": reverse("presence:checkin"),
        "csrf": get_token(request),
        "contact": contact_issue(employee.pk, now),
        "slots": slots,
        "texts": _texts(),
    }
    return render(
        request,
        "presence/checkin.html",
        {
            "employee": employee,
            "today": t,
            "starts": clock(t.hours[0]) if t.hours else "",
            "ends": clock(t.hours[1]) if t.hours else "",
            "slots": [
                (
                    s.slot,
                    slot_label(s.slot.role),
                    s.checkin,
                    clock(timezone.localtime(s.checkin.checked_at).time()) if s.checkin else "",
                )
                for s in t.slots
            ],
            "modes": Mode.choices,
            "data": data,
            "may_recap": may_recap_any(user),
            "retention": day_rules(t.day).params.location_retention_days,
        },
    )


@require_GET
def manifest(request: HttpRequest) -> HttpResponse:
    """The web app manifest: the check-in page installs as an app (public: browsers fetch it
    without cookies)."""
    scope = reverse("presence:checkin")
    body: dict[str, Any] = {
        "name": _("Fleksi presence"),
        "short_name": "Fleksi",
        "start_url": scope,
        "scope": scope,
        "display": "standalone",
        "background_color": "#f6f7f9",
        "theme_color": "#0b6e4f",
        "lang": request.LANGUAGE_CODE if hasattr(request, "LANGUAGE_CODE") else "id",
        "icons": [
            {"src": static("presence/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("presence/icon-512.png"), "sizes": "512x512", "type": "image/png"},
        ],
    }
    return JsonResponse(
        body,
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False},
    )


@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    """The service worker, served under ``/presence/`` so that its scope covers the page.
    Its text changes whenever a file it keeps changes (hashed names in production), so
    phones pick up a new version."""
    files = [static(f) for f in STATIC_FILES]
    page = reverse("presence:checkin")
    version = hashlib.sha256(json.dumps([page, *files]).encode()).hexdigest()[:12]
    response = render(
        request,
        "presence/sw.js",
        {
            "version": version,
            "scope": page,
            "page_json": json.dumps(page),
            "files_json": json.dumps(files),
        },
        content_type="application/javascript; charset=utf-8",
    )
    response["Cache-Control"] = "no-cache"
    return response
