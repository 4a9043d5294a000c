from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fleksi.accounts.current import user_of
from fleksi.accounts.domain.access import Perm
from fleksi.accounts.permissions import require, scope_for
from fleksi.common.errors import ServiceError
from fleksi.org.models import Unit
from fleksi.policy import services
from fleksi.policy.domain.params import diff_params, param_keys, spec_of
from fleksi.policy.forms import (
    CalendarOverrideForm,
    CompareForm,
    DraftCreateForm,
    DraftMetaForm,
    ParamsForm,
    RamadanForm,
    RoleMinimumForm,
    UnitOverrideForm,
    WfaWindowForm,
)
from fleksi.policy.messages import GROUP_LABELS, PARAM_LABELS, value_label
from fleksi.policy.models import CalendarOverride, NationalWfaWindow, PolicyVersion, RamadanPeriod
from fleksi.policy.permissions import access_version, may_see_drafts
from fleksi.policy.selectors import (
    overrides_diff,
    params_of,
    role_minimums_diff,
    version_in_force,
    versions_visible,
    work_calendar,
)
from fleksi.policy.views_legal import legal_context


def _service_error(request: HttpRequest, exc: ServiceError, form: Any = None) -> None:
    errors = exc.params.get("errors") if exc.params else None
    if form is not None and errors:
        for field, msgs in errors.items():
            for msg in msgs:
                form.add_error(field if field in form.fields else None, msg)
    messages.error(request, exc.message)


@login_required
def version_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    drafts = may_see_drafts(user)
    return render(
        request,
        "policy/version_list.html",
        {
            "versions": versions_visible(drafts=drafts),
            "in_force": version_in_force(timezone.localdate()),
            "can_draft": scope_for(user).has(Perm.POLICY_DRAFT),
            "compare_form": CompareForm() if drafts else None,
        },
    )


def _param_rows(version: PolicyVersion) -> list[tuple[Any, list[dict[str, Any]]]]:
    params = params_of(version)
    groups: dict[str, list[dict[str, Any]]] = {}
    for key in param_keys():
        spec = spec_of(key)
        groups.setdefault(spec.group, []).append(
            {
                "key": key,
                "label": PARAM_LABELS.get(key, key),
                "value": value_label(getattr(params, key)),
                "article": params.article(key),
                "basis": params.basis(key),
            }
        )
    return [(GROUP_LABELS.get(g, g), rows) for g, rows in groups.items()]


@login_required
def version_detail(request: HttpRequest, version_id: int) -> HttpResponse:
    user = user_of(request)
    version = access_version(user, version_id)
    scope = scope_for(user)
    return render(
        request,
        "policy/version_detail.html",
        {
            **legal_context(user, version),
            "version": version,
            "groups": _param_rows(version),
            "overrides": version.unit_overrides.select_related("unit").order_by("unit__name"),
            "can_edit": version.is_editable and scope.has(Perm.POLICY_DRAFT),
            "can_simulate": version.is_draft and may_see_drafts(user),
            "override_form": UnitOverrideForm(),
            "role_minimums": version.role_minimums.select_related("unit").order_by(
                "unit__name", "role"
            ),
            "role_form": RoleMinimumForm(),
        },
    )


@login_required
def draft_create(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    require(user, Perm.POLICY_DRAFT)
    form = DraftCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        version = services.policy_draft_create(actor=user, **form.cleaned_data)
        messages.success(request, _("Draft created. Adjust its settings, then simulate it."))
        return redirect("policy:version_edit", version_id=version.pk)
    return render(request, "policy/draft_create.html", {"form": form})


@login_required
def version_edit(request: HttpRequest, version_id: int) -> HttpResponse:
    user = user_of(request)
    require(user, Perm.POLICY_DRAFT)
    version = access_version(user, version_id)
    if not version.is_editable:
        messages.error(
            request,
            _("This version cannot be changed now: %(stage)s.")
            % {"stage": version.get_stage_display()},
        )
        return redirect("policy:version_detail", version_id=version.pk)
    params = params_of(version)
    meta = DraftMetaForm(
        request.POST or None,
        prefix="meta",
        initial={
            "regulation_number": version.regulation_number,
            "title": version.title,
            "effective_from": version.effective_from,
            "notes": version.notes,
        },
    )
    form = ParamsForm(request.POST or None, params=params)
    if request.method == "POST" and meta.is_valid() and form.is_valid():
        try:
            services.policy_draft_update(
                actor=user, version=version, params=form.raw_params(), **meta.cleaned_data
            )
        except ServiceError as exc:
            _service_error(request, exc, form)
        else:
            messages.success(request, _("The draft was saved."))
            return redirect("policy:version_detail", version_id=version.pk)
    return render(
        request,
        "policy/version_edit.html",
        {
            "version": version,
            "meta": meta,
            "form": form,
            "groups": [(GROUP_LABELS.get(g, g), fields) for g, fields in form.grouped()],
        },
    )


def _unit_by_code(request: HttpRequest, code: str) -> Unit | None:
    """The unit with this code, or None with an error message for the page."""
    unit = Unit.objects.filter(code=code.strip()).first()
    if unit is None:
        messages.error(request, _("There is no unit with the code “%(code)s”.") % {"code": code})
    return unit


@login_required
@require_POST
def override_set(request: HttpRequest, version_id: int) -> HttpResponse:
    user = user_of(request)
    require(user, Perm.POLICY_DRAFT)
    version = access_version(user, version_id)
    form = UnitOverrideForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a unit code and at least one value."))
        return redirect("policy:version_detail", version_id=version.pk)
    data = form.cleaned_data
    unit = _unit_by_code(request, data["unit_code"])
    if unit is None:
        return redirect("policy:version_detail", version_id=version.pk)
    share = data.get("max_offsite_share")
    try:
        services.policy_unit_override_set(
            actor=user,
            version=version,
            unit=unit,
            max_offsite_share=(share / Decimal(100)) if share is not None else None,
            min_onsite_staff=data.get("min_onsite_staff"),
            reason=data.get("reason") or "",
        )
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The values of %(unit)s were saved.") % {"unit": unit.name})
    return redirect("policy:version_detail", version_id=version.pk)


@login_required
@require_POST
def role_minimum_set(request: HttpRequest, version_id: int) -> HttpResponse:
    """Set or remove a minimum on site for one service role of a unit, in a draft."""
    user = user_of(request)
    require(user, Perm.POLICY_DRAFT)
    version = access_version(user, version_id)
    form = RoleMinimumForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a unit code, a role (e.g. counter) and the minimum."))
        return redirect("policy:version_detail", version_id=version.pk)
    data = form.cleaned_data
    unit = _unit_by_code(request, data["unit_code"])
    if unit is None:
        return redirect("policy:version_detail", version_id=version.pk)
    try:
        services.policy_role_minimum_set(
            actor=user,
            version=version,
            unit=unit,
            role=data["role"],
            min_onsite=data.get("min_onsite"),
        )
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("The minimum of the role “%(role)s” in %(unit)s was saved.")
            % {"role": data["role"], "unit": unit.name},
        )
    return redirect("policy:version_detail", version_id=version.pk)


@login_required
@require_POST
def version_delete(request: HttpRequest, version_id: int) -> HttpResponse:
    user = user_of(request)
    require(user, Perm.POLICY_DRAFT)
    version = access_version(user, version_id)
    try:
        services.policy_draft_delete(actor=user, version=version)
    except ServiceError as exc:
        messages.error(request, exc.message)
        return redirect("policy:version_detail", version_id=version.pk)
    messages.success(request, _("The draft was deleted."))
    return redirect("policy:version_list")


@login_required
def version_diff(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    form = CompareForm(request.GET or None)
    if not form.is_valid():
        raise Http404
    a = access_version(user, form.cleaned_data["a"].pk)
    b = access_version(user, form.cleaned_data["b"].pk)
    changes = [
        {
            "label": PARAM_LABELS.get(c.key, c.key),
            "before": value_label(c.before),
            "after": value_label(c.after),
            "direction": c.direction,
            "key": c.key,
            "article": params_of(b).article(c.key) if c.key != "articles" else "",
        }
        for c in diff_params(params_of(a), params_of(b))
        if c.key != "articles"
    ]
    articles = [
        {
            "label": PARAM_LABELS.get(k, k),
            "before": params_of(a).article(k),
            "after": params_of(b).article(k),
        }
        for k in param_keys()
        if params_of(a).article(k) != params_of(b).article(k)
    ]
    return render(
        request,
        "policy/version_diff.html",
        {
            "a": a,
            "b": b,
            "changes": changes,
            "articles": articles,
            "overrides": [
                (name, _fmt_override(x), _fmt_override(y)) for name, x, y in overrides_diff(a, b)
            ]
            + [(name, _fmt_role(x), _fmt_role(y)) for name, x, y in role_minimums_diff(a, b)],
        },
    )


def _fmt_role(value: int | None) -> str:
    return "—" if value is None else _("on site ≥ %(n)d") % {"n": value}


def _fmt_override(value: tuple[float | None, int | None] | None) -> str:
    if value is None:
        return "—"
    share, minimum = value
    parts = []
    if share is not None:
        parts.append(_("off-site ≤ %(share)s") % {"share": value_label(share)})
    if minimum is not None:
        parts.append(_("on site ≥ %(n)d") % {"n": minimum})
    return ", ".join(parts)


@login_required
def calendar_view(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    today = timezone.localdate()
    try:
        year = int(request.GET.get("year", today.year))
    except ValueError:
        year = today.year
    year = min(max(year, 2020), 2100)
    cal = work_calendar(date(year, 1, 1), date(year, 12, 31))
    can_manage = scope_for(user).has(Perm.CALENDAR_MANAGE)
    return render(
        request,
        "policy/calendar.html",
        {
            "year": year,
            "holidays": sorted(cal.holidays.items()),
            "extra_working": sorted(cal.extra_working_days),
            "working_days": len(cal.working_days(date(year, 1, 1), date(year, 12, 31))),
            "overrides": CalendarOverride.objects.filter(day__year=year),
            "ramadan": RamadanPeriod.objects.filter(start__year__lte=year, end__year__gte=year),
            "windows": NationalWfaWindow.objects.filter(start__year__lte=year, end__year__gte=year),
            "can_manage": can_manage,
            "override_form": CalendarOverrideForm() if can_manage else None,
            "ramadan_form": RamadanForm() if can_manage else None,
            "window_form": WfaWindowForm() if can_manage else None,
        },
    )


@login_required
@require_POST
def calendar_change(request: HttpRequest) -> HttpResponse:
    """Add a local override, a Ramadan period or a national window; decide or remove one."""
    user = user_of(request)
    require(user, Perm.CALENDAR_MANAGE)
    action = request.POST.get("action", "")
    try:
        if action == "override":
            form: Any = CalendarOverrideForm(request.POST)
            if form.is_valid():
                services.calendar_override_set(actor=user, **form.cleaned_data)
            else:
                raise ServiceError("invalid", _("Give a date, a kind and a name."))
        elif action == "override_remove":
            override = CalendarOverride.objects.filter(pk=request.POST.get("id", "0")).first()
            if override is None:
                raise Http404
            services.calendar_override_remove(actor=user, override=override)
        elif action == "ramadan":
            form = RamadanForm(request.POST)
            if not form.is_valid():
                raise ServiceError("invalid", _("Give the first and last day."))
            services.ramadan_period_set(actor=user, **form.cleaned_data)
        elif action == "window":
            form = WfaWindowForm(request.POST)
            if not form.is_valid():
                raise ServiceError("invalid", _("Give a name, a reference and the dates."))
            services.wfa_window_create(actor=user, **form.cleaned_data)
        elif action == "window_decide":
            window = NationalWfaWindow.objects.filter(pk=request.POST.get("id", "0")).first()
            if window is None:
                raise Http404
            services.wfa_window_decide(
                actor=user, window=window, decision=request.POST.get("decision", "")
            )
        else:
            raise ServiceError("invalid", _("Unknown action."))
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The calendar was updated."))
    year = request.POST.get("year", "")
    return redirect(reverse("policy:calendar") + (f"?year={int(year)}" if year.isdigit() else ""))
