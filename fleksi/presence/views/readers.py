"""The import pages of office attendance readers: who each reader user id is, and the punches
(services/readers.py; the shared import page, decision 0016)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from fleksi.accounts.current import user_of
from fleksi.common.domain.importing import RowProblem
from fleksi.common.importing.messages import describe
from fleksi.common.importing.page import ImportPage, columns_help
from fleksi.presence.domain.punches import GENERIC_COLUMNS
from fleksi.presence.messages import IMPORT_MESSAGES
from fleksi.presence.permissions import reader_import_paths
from fleksi.presence.services.readers import (
    LIMITS,
    USER_COLUMNS,
    attendance_file_import,
    reader_users_file_import,
)


def _describe(problem: RowProblem) -> str:
    return describe(problem, IMPORT_MESSAGES)


PUNCHES_PAGE = ImportPage(
    template="presence/reader_import.html",
    import_file=attendance_file_import,
    describe=_describe,
    counts=(
        ("rows", gettext_lazy("Punches read")),
        ("created", gettext_lazy("Check-ins added")),
        ("unchanged", gettext_lazy("Already imported")),
        ("taken", gettext_lazy("For a check-in already made")),
        ("ignored", gettext_lazy("Break punches left out")),
    ),
    limits=LIMITS,
    help_text=columns_help(GENERIC_COLUMNS),
)

USERS_PAGE = ImportPage(
    template="presence/reader_users_import.html",
    import_file=reader_users_file_import,
    describe=_describe,
    counts=(
        ("rows", gettext_lazy("Rows")),
        ("created", gettext_lazy("Added")),
        ("updated", gettext_lazy("Changed")),
        ("unchanged", gettext_lazy("Unchanged")),
    ),
    help_text=columns_help(USER_COLUMNS),
)


@login_required
@require_http_methods(["GET", "POST"])
def reader_import(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    paths = reader_import_paths(user)
    device = request.POST.get("device", "").strip()[:40]
    return PUNCHES_PAGE.render(
        request, actor=user, device=device, unit_paths=paths, context={"device": device}
    )


@login_required
@require_http_methods(["GET", "POST"])
def reader_users_import(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    return USERS_PAGE.render(request, actor=user, unit_paths=reader_import_paths(user))
