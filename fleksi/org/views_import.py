"""The people-import pages of the BKPSDM administrator: upload and validate (step 1), read
the report, apply (step 2), download the problems; and the list of past imports."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fleksi.accounts.domain.access import Perm
from fleksi.accounts.models import User
from fleksi.accounts.permissions import require
from fleksi.accounts.services import accounts_provision
from fleksi.common.errors import ServiceError
from fleksi.common.exports import csv_response
from fleksi.common.pagination import paginate
from fleksi.org.domain.people_import import OPTIONAL_COLUMNS, REQUIRED_COLUMNS
from fleksi.org.forms import ImportApplyForm, PeopleImportForm
from fleksi.org.importing.batches import import_batch_apply, import_batch_run, problems_from_json
from fleksi.org.importing.messages import describe
from fleksi.org.models import ImportBatch

PROBLEMS_PER_PAGE = 100


def _admin(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    require(request.user, Perm.PEOPLE_IMPORT)
    return request.user


@login_required
def import_people(request: HttpRequest) -> HttpResponse:
    """Step 1: upload a file; it is kept and validated, nothing is imported yet."""
    user = _admin(request)
    form = PeopleImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        batch, _result = import_batch_run(
            actor=user, file=upload, file_name=upload.name, dry_run=True
        )
        return redirect("org:import_batch", batch.pk)
    batches = ImportBatch.objects.defer("errors", "summary", "result")
    return render(
        request,
        "org/import_people.html",
        {
            "form": form,
            "page": paginate(batches, request.GET, per_page=20),
            "required_columns": [c.value for c in REQUIRED_COLUMNS],
            "optional_columns": [c.value for c in OPTIONAL_COLUMNS],
        },
    )


@login_required
def import_batch(request: HttpRequest, batch_id: int) -> HttpResponse:
    """The report of one import: summary, problems (paginated), and the apply step."""
    _admin(request)
    batch = get_object_or_404(ImportBatch, pk=batch_id)
    page = Paginator(problems_from_json(batch.errors), PROBLEMS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    rows = [(p.line, p.column, describe(p)) for p in page.object_list]
    return render(
        request,
        "org/import_batch.html",
        {
            "batch": batch,
            "counts": batch.result if batch.status == ImportBatch.Status.APPLIED else batch.summary,
            "page": page,
            "rows": rows,
            "stored_all": len(batch.errors) >= batch.error_count,
            "form": ImportApplyForm(has_problems=batch.error_count > 0),
        },
    )


@login_required
@require_POST
def import_apply(request: HttpRequest, batch_id: int) -> HttpResponse:
    """Step 2: write the stored file (all of it, or its valid rows when the box is ticked)."""
    user = _admin(request)
    batch = get_object_or_404(ImportBatch, pk=batch_id)
    form = ImportApplyForm(request.POST, has_problems=batch.error_count > 0)
    if not form.is_valid():
        for error in form.non_field_errors():
            messages.error(request, str(error))
        return redirect("org:import_batch", batch.pk)
    try:
        result = import_batch_apply(
            actor=user, batch=batch, accept_partial=form.cleaned_data["accept_partial"]
        )
    except ServiceError as exc:
        messages.error(request, exc.message)
        return redirect("org:import_batch", batch.pk)
    if result.written:
        accounts = accounts_provision(actor=user, employee_ids=result.created_employee_ids)
        messages.success(
            request,
            _(
                "The import was applied: %(created)d people added, %(updated)d updated, "
                "%(accounts)d sign-in accounts created."
            )
            % {
                "created": result.employees_created,
                "updated": result.employees_updated,
                "accounts": accounts,
            },
        )
    else:
        messages.error(
            request,
            _(
                "Nothing was written: checked again, the file now has problems. Read the "
                "report, then import the valid rows only or upload a corrected file."
            ),
        )
    return redirect("org:import_batch", batch.pk)


@login_required
def import_errors(request: HttpRequest, batch_id: int) -> HttpResponse:
    """Every stored problem as CSV (UTF-8 with BOM, so that spreadsheets read it right)."""
    _admin(request)
    batch = get_object_or_404(ImportBatch, pk=batch_id)
    return csv_response(
        f"import-{batch.pk}-problems.csv",
        [_("Line"), _("Column"), _("Code"), _("Problem")],
        ([p.line, p.column, p.code, describe(p)] for p in problems_from_json(batch.errors)),
        delimiter=",",
    )
