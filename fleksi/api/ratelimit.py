"""API rate limits per token and per address: over the limit, 429 with ``Retry-After``.

Counted before authentication (so guessing tokens from one address is limited too), with two
cache operations per limit and no database query."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from fleksi.common.throttle import Rate, client_address, hit


def _rates() -> tuple[Rate, Rate]:
    return (
        Rate.parse(settings.FLEKSI_API_RATE_PER_TOKEN),
        Rate.parse(settings.FLEKSI_API_RATE_PER_ADDRESS),
    )


def too_many(retry_after: int) -> HttpResponse:
    response = JsonResponse(
        {
            "code": "rate_limited",
            "message": _("Too many requests: wait %(s)d seconds and try again.")
            % {"s": retry_after},
            "retry_after": retry_after,
        },
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    return response


class ApiRateLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith("/api/"):
            return self.get_response(request)
        per_token, per_address = _rates()
        wait = hit("api-address", client_address(request), per_address)
        header = request.META.get("HTTP_AUTHORIZATION", "")
        if not wait and header[:7].lower() == "bearer ":
            digest = hashlib.sha256(header[7:].strip().encode()).hexdigest()[:32]
            wait = hit("api-token", digest, per_token)
        if wait:
            return too_many(wait)
        return self.get_response(request)
