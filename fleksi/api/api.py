"""The REST API, ``/api/v1/``: every app contributes a router; the same services and
scoping as the pages. OpenAPI document at ``/api/v1/openapi.json``."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db import DatabaseError, transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import HttpError
from ninja.security import SessionAuth

from fleksi.accounts.api import router as accounts_router
from fleksi.api.auth import TokenAuth
from fleksi.common.apikit import StrictParser, document_errors
from fleksi.common.dberrors import RETRY_AFTER_SECONDS, classify
from fleksi.common.errors import ServiceError
from fleksi.documents.api import router as documents_router
from fleksi.eligibility.api import router as eligibility_router
from fleksi.home.api import router as home_router
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
from fleksi.tpp.api import router as tpp_router
from fleksi.worktime.api import router as worktime_router


class FleksiAPI(NinjaAPI):
    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> Any:
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        return document_errors(schema)


api = FleksiAPI(
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
    parser=StrictParser(),
)
api.add_router("/", accounts_router)
api.add_router("/", home_router)
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
api.add_router("/documents", documents_router)
api.add_router("/notifications", notify_router)
api.add_router("/worktime", worktime_router)
api.add_router("/tpp", tpp_router)


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


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(
        request,
        {"code": "not_found", "message": _("Not found, or not yours to see.")},
        status=404,
    )


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    # ninja wraps what the body parser raises into "Cannot parse request body"; keep our code.
    if isinstance(exc.__cause__, ServiceError):
        return service_error(request, exc.__cause__)
    status = exc.status_code
    code = "bad_request" if status == 400 else f"http_{status}"
    return api.create_response(request, {"code": code, "message": str(exc)}, status=status)


def _unreadable(request: HttpRequest, exc: Any) -> HttpResponse:
    # A multipart body without a boundary, too many fields, a body beyond the size limit.
    return api.create_response(
        request,
        {"code": "unreadable_body", "message": _("The request body cannot be read.")},
        status=400,
    )


api.add_exception_handler(MultiPartParserError, _unreadable)
api.add_exception_handler(SuspiciousOperation, _unreadable)


def _database_error(request: HttpRequest, exc: Any) -> HttpResponse:
    failure = classify(exc)
    if failure is None:  # pragma: no cover - registered for database errors only
        raise exc
    if transaction.get_connection().in_atomic_block:
        transaction.set_rollback(True)
    response = api.create_response(
        request, {"code": failure.code, "message": str(failure.message)}, status=failure.status
    )
    if failure.status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


api.add_exception_handler(DatabaseError, _database_error)
api.add_exception_handler(OverflowError, _database_error)
