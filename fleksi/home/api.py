"""``/api/v1/me/personal-data``: everything Fleksi holds about the caller, as the page's
download gives it (``fleksi.home.personal``); needs a recent sign-in (or a full-scope token)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Router

from fleksi.accounts.models import User
from fleksi.accounts.stepup import require_step_up
from fleksi.home.views_personal import personal_data_json

router = Router(tags=["accounts"])


@router.get(
    "/me/personal-data",
    url_name="home_personal_data",
    summary="Everything Fleksi holds about you (UU 27/2022 PDP, Pasal 7), as one JSON document",
    response={200: dict},
)
def personal_data_export(request: HttpRequest) -> HttpResponse:
    require_step_up(request)
    assert isinstance(request.user, User)
    response = HttpResponse(
        personal_data_json(request.user), content_type="application/json; charset=utf-8"
    )
    response["Cache-Control"] = "no-store"
    return response
