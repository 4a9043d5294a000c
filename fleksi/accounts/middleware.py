"""A person whose role needs a second factor and who has none yet is sent to set it up
before anything else (decided at sign-in and kept in the session: no query per request)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

SETUP_NEEDED = "fleksi_mfa_setup_needed"
_OPEN = ("/static/", "/i18n/", "/logout/", "/me/two-step/", "/language/")


class MfaSetupMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = getattr(request, "session", None)
        if session is None or not session.get(SETUP_NEEDED):
            return self.get_response(request)
        if request.path.startswith(_OPEN):
            return self.get_response(request)
        if request.path.startswith("/api/") and "HTTP_AUTHORIZATION" not in request.META:
            return JsonResponse(
                {
                    "code": "mfa_setup_required",
                    "message": _("Set up the second sign-in step first."),
                },
                status=403,
            )
        if request.path.startswith("/api/"):
            return self.get_response(request)
        return redirect(reverse("accounts:mfa"))
