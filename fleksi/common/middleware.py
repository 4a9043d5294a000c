from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers

from fleksi.common.request_context import new_request_id, reset_request_id, set_request_id


class RequestIdMiddleware:
    """Give every request an id, echo it in ``X-Request-ID`` and expose it to the audit trail."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = new_request_id(request.headers.get("X-Request-ID"))
        request.request_id = request_id  # type: ignore[attr-defined]
        token = set_request_id(request_id)
        try:
            response = self.get_response(request)
        finally:
            reset_request_id(token)
        response["X-Request-ID"] = request_id
        return response


def chosen_language(request: HttpRequest) -> str:
    """The interface language for this request: the account's saved choice, else the
    language cookie (set by the switcher, also before signing in), else the site's language.

    The browser's Accept-Language is deliberately ignored: many phones here are set to
    English, and Fleksi is Indonesian unless the person picks English."""
    available = {code for code, _name in settings.LANGUAGES}
    user = getattr(request, "user", None)
    saved = getattr(user, "language", "") if user is not None and user.is_authenticated else ""
    if saved in available:
        return str(saved)
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    if cookie in available:
        return cookie
    return str(settings.LANGUAGE_CODE)


class ChosenLanguageMiddleware:
    """Activate :func:`chosen_language` (replaces Django's LocaleMiddleware; after sign-in
    middleware so the account's choice is known)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = chosen_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response
