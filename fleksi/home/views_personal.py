"""*Data pribadi saya*: what Fleksi holds about the signed-in person, and its download as one
JSON file (``fleksi.home.personal``). The download asks for a recent sign-in (step-up) and
is recorded in the audit trail."""

from __future__ import annotations

import json

from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from fleksi.accounts.current import user_of
from fleksi.accounts.models import User
from fleksi.accounts.stepup import step_up
from fleksi.audit.services import Change, audit_record
from fleksi.home.personal import personal_data


def personal_data_json(user: User) -> bytes:
    """The download's bytes (shared by the page and the API), recorded in the audit trail."""
    data = personal_data(user)
    audit_record(
        actor=user,
        change=Change(
            action="personal_data.export",
            object_type="accounts.user",
            object_id=str(user.pk),
            object_repr=user.username,
            after={"tables": {k: len(v["rows"]) for k, v in data["tables"].items()}},
        ),
    )
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1).encode()


@login_required
@require_GET
def personal_data_page(request: HttpRequest) -> HttpResponse:
    data = personal_data(user_of(request))
    tables = sorted(
        ((t["name"], len(t["rows"])) for t in data["tables"].values()), key=lambda t: t[0]
    )
    return render(request, "home/personal_data.html", {"tables": tables})


@login_required
@require_GET
@step_up()
def personal_data_download(request: HttpRequest) -> HttpResponse:
    body = personal_data_json(user_of(request))
    name = f"data-pribadi-{timezone.localdate():%Y%m%d}.json"
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response
