"""The REST API, ``/api/v1/``: every app contributes a router; the same services and
scoping as the pages. OpenAPI document at ``/api/v1/openapi.json``."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.security import SessionAuth

from fleksi.accounts.api import router as accounts_router
from fleksi.api.auth import TokenAuth
from fleksi.common.errors import ServiceError
from fleksi.eligibility.api import router as eligibility_router
from fleksi.insights.api import router as insights_router
from fleksi.jobmap.api import router as jobmap_router
from fleksi.notify.api import router as notify_router
from fleksi.org.api import router as org_router
from fleksi.outputs.api import router as outputs_router
from fleksi.places.api import router as places_router
from fleksi.policy.api import router as policy_router
from fleksi.presence.api import router as presence_router
from fleksi.roster.api import router as roster_router
from fleksi.schedule.api import router as schedule_router
from fleksi.servicelevel.api import router as servicelevel_router
from fleksi.worktime.api import router as worktime_router

api = NinjaAPI(
    title="Fleksi API",
    version="1",
    description=(
        "Flexible work (WFA) for the civil servants of the regency. Authenticate with a "
        "session (browser, CSRF token required for writes) or a personal token "
        "(`Authorization: Bearer fk_…`). Every list is limited to what the caller may see."
    ),
    auth=[TokenAuth(), SessionAuth()],
    urls_namespace="api",
    docs_decorator=login_required,
)
api.add_router("/", accounts_router)
api.add_router("/", org_router)
api.add_router("/jobmap", jobmap_router)
api.add_router("/policy", policy_router)
api.add_router("/eligibility", eligibility_router)
api.add_router("/places", places_router)
api.add_router("/presence", presence_router)
api.add_router("/schedule", schedule_router)
api.add_router("/outputs", outputs_router)
api.add_router("/roster", roster_router)
api.add_router("/servicelevel", servicelevel_router)
api.add_router("/insights", insights_router)
api.add_router("/notifications", notify_router)
api.add_router("/worktime", worktime_router)


@api.exception_handler(ServiceError)
def service_error(request: HttpRequest, exc: ServiceError) -> HttpResponse:
    return api.create_response(
        request, {"code": exc.code, "message": str(exc.message), **exc.params}, status=exc.status
    )


@api.exception_handler(PermissionDenied)
def permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return api.create_response(
        request,
        {"code": "forbidden", "message": _("Your role does not allow this action.")},
        status=403,
    )
