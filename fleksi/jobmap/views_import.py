"""Upload of a duty file (BKPSDM anywhere; a unit personnel administrator for their units)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from fleksi.jobmap.forms import ImportForm
from fleksi.jobmap.importing import duty_file_import
from fleksi.jobmap.messages import row_problem_message
from fleksi.jobmap.permissions import import_scope
from fleksi.jobmap.views.common import user_of


@login_required
def duty_import(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    unit_paths = import_scope(user)
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    problems: list[tuple[int, str, str]] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        report = duty_file_import(
            actor=user,
            name=upload.name,
            data=upload.read(),
            dry_run=form.cleaned_data["dry_run"],
            unit_paths=unit_paths,
        )
        problems = [(p.line, p.column, row_problem_message(p)) for p in report.problems[:500]]
    return render(
        request,
        "jobmap/import.html",
        {
            "form": form,
            "report": report,
            "problems": problems,
            "more_problems": max(0, len(report.problems) - 500) if report else 0,
        },
    )
