"""The SKP pages: my SKP, an SKP with its results, editing a result with its indicators,
agreeing an SKP, and the import of SKP files (BKPSDM)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from fleksi.accounts.current import user_of
from fleksi.common.errors import ServiceError
from fleksi.common.importing.page import ImportPage
from fleksi.common.views import report_error
from fleksi.outputs import services
from fleksi.outputs.domain.skp_rows import USUAL_QUALITY_PCT, USUAL_TIME_MONTHS
from fleksi.outputs.forms import IndicatorFormSet, RhkForm, SkpCreateForm
from fleksi.outputs.importing import LIMITS, skp_file_import
from fleksi.outputs.messages import row_problem_message
from fleksi.outputs.models import Skp, SkpResult
from fleksi.outputs.permissions import access_skp, leads, own_employee, require_skp_import
from fleksi.outputs.services.skp import IndicatorIn


@login_required
def skp_mine(request: HttpRequest) -> HttpResponse:
    employee = own_employee(user_of(request))
    year_text = request.GET.get("year", "")
    year = int(year_text) if year_text.isdigit() else timezone.localdate().year
    skp = Skp.objects.filter(employee=employee, year=year).first()
    if skp is not None:
        return redirect("outputs:skp_detail", skp.pk)
    return render(
        request,
        "outputs/skp_none.html",
        {
            "year": year,
            "form": SkpCreateForm(initial={"year": year}),
            "others": Skp.objects.filter(employee=employee).order_by("-year"),
        },
    )


@login_required
@require_POST
def skp_create(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    employee = own_employee(user)
    form = SkpCreateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a year from 2000 to 2100."))
        return redirect("outputs:skp_mine")
    try:
        skp = services.skp_create(actor=user, employee=employee, year=form.cleaned_data["year"])
    except ServiceError as exc:
        report_error(request, exc)
        return redirect("outputs:skp_mine")
    return redirect("outputs:skp_detail", skp.pk)


def _parents(skp: Skp) -> QuerySet[SkpResult]:
    """The results of the supervisor's SKP of the same year (those one may cascade from)."""
    supervisor_id = skp.employee.supervisor_id
    if supervisor_id is None:
        return SkpResult.objects.none()
    return SkpResult.objects.filter(skp__employee_id=supervisor_id, skp__year=skp.year).order_by(
        "number"
    )


@login_required
def skp_detail(request: HttpRequest, skp_id: int) -> HttpResponse:
    user = user_of(request)
    skp = access_skp(user, skp_id)
    results = list(
        skp.results.select_related("parent").prefetch_related("indicators").order_by("number")
    )
    own = user.employee_id == skp.employee_id
    return render(
        request,
        "outputs/skp_detail.html",
        {
            "skp": skp,
            "results": results,
            "supervisor_results": _parents(skp).prefetch_related("indicators"),
            "may_change": skp.status == Skp.Status.DRAFT and (own or leads(user, skp.employee)),
            "may_agree": skp.status == Skp.Status.DRAFT and leads(user, skp.employee),
        },
    )


def _indicators(formset: Any) -> list[IndicatorIn]:
    return [
        IndicatorIn(
            text=f.cleaned_data["text"],
            target_quantity=f.cleaned_data["target_quantity"],
            target_unit=f.cleaned_data["target_unit"],
            target_quality_pct=USUAL_QUALITY_PCT
            if f.cleaned_data.get("target_quality_pct") is None
            else f.cleaned_data["target_quality_pct"],
            target_time_months=f.cleaned_data.get("target_time_months") or USUAL_TIME_MONTHS,
        )
        for f in formset.forms
        if f.cleaned_data and not f.cleaned_data.get("DELETE")
    ]


def _result_form(request: HttpRequest, skp: Skp, result: SkpResult | None) -> HttpResponse:
    user = user_of(request)
    initial: dict[str, Any] = {}
    indicators: list[dict[str, Any]] = []
    if result is not None:
        initial = {
            "number": result.number,
            "kind": result.kind,
            "text": result.text,
            "parent": result.parent_id,
        }
        indicators = [
            {
                "text": i.text,
                "target_quantity": i.target_quantity,
                "target_unit": i.target_unit,
                "target_quality_pct": i.target_quality_pct,
                "target_time_months": i.target_time_months,
            }
            for i in result.indicators.all()
        ]
    else:
        initial = {"number": (max((r.number for r in skp.results.all()), default=0) + 1)}
    form = RhkForm(request.POST or None, parents=_parents(skp), initial=initial)
    formset = IndicatorFormSet(request.POST or None, initial=indicators, prefix="ind")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        data = form.cleaned_data
        try:
            services.skp_result_save(
                actor=user,
                skp=skp,
                result=result,
                number=data["number"],
                text=data["text"],
                kind=data["kind"],
                parent=data["parent"],
                indicators=_indicators(formset),
            )
            messages.success(request, _("Result saved."))
            return redirect("outputs:skp_detail", skp.pk)
        except ServiceError as exc:
            report_error(request, exc, form)
    return render(
        request,
        "outputs/rhk_form.html",
        {"skp": skp, "result": result, "form": form, "formset": formset},
    )


@login_required
def rhk_create(request: HttpRequest, skp_id: int) -> HttpResponse:
    skp = access_skp(user_of(request), skp_id, change=True)
    return _result_form(request, skp, None)


def _result(request: HttpRequest, result_id: int) -> SkpResult:
    result = SkpResult.objects.select_related("skp").filter(pk=result_id).first()
    if result is None:
        raise Http404
    access_skp(user_of(request), result.skp_id, change=True)
    return result


@login_required
def rhk_edit(request: HttpRequest, result_id: int) -> HttpResponse:
    result = _result(request, result_id)
    return _result_form(request, result.skp, result)


@login_required
@require_POST
def rhk_delete(request: HttpRequest, result_id: int) -> HttpResponse:
    result = _result(request, result_id)
    try:
        services.skp_result_delete(actor=user_of(request), result=result)
        messages.success(request, _("Result removed."))
    except ServiceError as exc:
        report_error(request, exc)
    return redirect("outputs:skp_detail", result.skp_id)


@login_required
@require_POST
def skp_agree(request: HttpRequest, skp_id: int) -> HttpResponse:
    user = user_of(request)
    skp = access_skp(user, skp_id, agree=True)
    try:
        services.skp_agree(actor=user, skp=skp)
        messages.success(request, _("SKP agreed."))
    except ServiceError as exc:
        report_error(request, exc)
    return redirect("outputs:skp_detail", skp.pk)


IMPORT_PAGE = ImportPage(
    template="outputs/skp_import.html",
    import_file=skp_file_import,
    describe=row_problem_message,
    counts=(
        ("skps", gettext_lazy("SKPs")),
        ("created", gettext_lazy("Results added")),
        ("updated", gettext_lazy("Results updated")),
        ("deleted", gettext_lazy("Results removed")),
        ("unchanged", gettext_lazy("Unchanged")),
    ),
    limits=LIMITS,
    help_text=gettext_lazy("At most 10 MB; layout as in the e-Kinerja SKP export (see the guide)."),
)


@login_required
def skp_import(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    require_skp_import(user)
    return IMPORT_PAGE.render(request, actor=user)
