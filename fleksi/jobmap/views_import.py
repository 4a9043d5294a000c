"""Upload of a duty file (BKPSDM anywhere; a unit personnel administrator for their units)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from fleksi.accounts.current import user_of
from fleksi.common.importing.page import ImportPage, columns_help
from fleksi.jobmap.domain.rows import COLUMNS
from fleksi.jobmap.importing import LIMITS, duty_file_import
from fleksi.jobmap.messages import row_problem_message
from fleksi.jobmap.permissions import import_scope

PAGE = ImportPage(
    template="jobmap/import.html",
    import_file=duty_file_import,
    describe=row_problem_message,
    counts=(
        ("positions", _("Positions")),
        ("created", _("Duties added")),
        ("updated", _("Duties updated")),
        ("deleted", _("Duties removed")),
        ("unchanged", _("Unchanged")),
    ),
    limits=LIMITS,
    help_text=columns_help(COLUMNS),
)


@login_required
def duty_import(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    return PAGE.render(request, actor=user, unit_paths=import_scope(user))
