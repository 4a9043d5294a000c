"""Read pages: the start page, the regency summary, a unit at a glance, a position, an
assessment, and the BKPSDM approval queue."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from fleksi.accounts.current import user_of
from fleksi.accounts.permissions import scope_for
from fleksi.common.pagination import paginate
from fleksi.jobmap import permissions as perms
from fleksi.jobmap import selectors
from fleksi.jobmap.domain.classify import CLASSES
from fleksi.jobmap.forms import DecisionForm
from fleksi.jobmap.messages import criterion_label
from fleksi.jobmap.models import Assessment
from fleksi.jobmap.selectors.summaries import PROGRESS
from fleksi.org.models import Position
from fleksi.org.selectors import unit_ancestors


@login_required
def index(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    scope = scope_for(user)
    own_id = perms.own_position_id(user)
    return render(
        request,
        "jobmap/index.html",
        {
            "own_position": Position.objects.filter(pk=own_id).select_related("unit").first()
            if own_id
            else None,
            "units": scope.root_units(),
            "whole": perms.sees_whole_mapping(scope),
            "regency": perms.may_view_regency(user),
            "approver": perms.may_approve(user),
            "queue_size": selectors.assessment_queue().count() if perms.may_approve(user) else 0,
            "can_import": perms.may_import(user),
        },
    )


@login_required
def regency(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    if not perms.may_view_regency(user):
        raise PermissionDenied
    params = selectors.params_in_force()
    rows, total = selectors.regency_summary(params=params)
    return render(
        request,
        "jobmap/regency.html",
        {"rows": rows, "total": total, "params": params, "classes": CLASSES},
    )


@login_required
def unit(request: HttpRequest, unit_id: int) -> HttpResponse:
    user = user_of(request)
    unit = perms.access_mapping_unit(user, unit_id)
    params = selectors.params_in_force()
    rows = selectors.unit_mapping(unit, params=params)
    counts = selectors.counts_of(rows)
    wanted_class = request.GET.get("class", "")
    wanted_progress = request.GET.get("progress", "")
    shown = [
        r
        for r in rows
        if (not wanted_class or r.position_class == wanted_class)
        and (not wanted_progress or r.progress == wanted_progress)
    ]
    page = Paginator(shown, 100).get_page(request.GET.get("page"))
    rest = request.GET.copy()
    rest.pop("page", None)
    return render(
        request,
        "jobmap/unit.html",
        {
            "unit": unit,
            "ancestors": unit_ancestors(unit),
            "counts": counts,
            "page": page,
            "query": rest.urlencode(),
            "params": params,
            "classes": CLASSES,
            "progress_codes": PROGRESS,
            "wanted_class": wanted_class,
            "wanted_progress": wanted_progress,
            "can_edit": perms.may_edit_unit(user, unit),
        },
    )


@login_required
def position(request: HttpRequest, position_id: int) -> HttpResponse:
    user = user_of(request)
    pos = perms.access_position(user, position_id)
    params = selectors.params_in_force()
    current = selectors.assessment_current(pos)
    latest = selectors.assessment_latest(pos)
    shown = latest if latest is not None and latest.status != Assessment.Status.DRAFT else current
    history = list(selectors.assessment_history(pos))
    criteria = selectors.criteria_in_force()
    return render(
        request,
        "jobmap/position.html",
        {
            "position": pos,
            "ancestors": [*unit_ancestors(pos.unit), pos.unit],
            "duties": selectors.position_duties(pos),
            "total": selectors.duties_total(pos),
            "position_class": selectors.position_class_map(params=params, position_ids=[pos.pk])[
                pos.pk
            ],
            "current": current,
            "latest": latest,
            "shown": shown,
            "table": selectors.assessment_table(shown) if shown is not None else [],
            "criteria": [(c.code, criterion_label(c)) for c in criteria],
            "history": history,
            "can_edit": perms.may_edit_unit(user, pos.unit),
            "proposed": latest is not None and latest.status == Assessment.Status.PROPOSED,
            "may_decide": perms.may_approve(user),
            "decision_form": DecisionForm(),
        },
    )


@login_required
def assessment_detail(request: HttpRequest, assessment_id: int) -> HttpResponse:
    user = user_of(request)
    assessment = perms.access_assessment(user, assessment_id)
    in_force = {c.code: c for c in selectors.criteria_in_force()}
    codes = assessment.criteria or list(in_force)
    criteria = [(code, criterion_label(in_force.get(code, code))) for code in codes]
    return render(
        request,
        "jobmap/assessment_detail.html",
        {
            "assessment": assessment,
            "position": assessment.position,
            "table": selectors.assessment_table(assessment),
            "criteria": criteria,
            "may_decide": perms.may_approve(user)
            and assessment.status == Assessment.Status.PROPOSED,
            "decision_form": DecisionForm(),
        },
    )


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    perms.require_approver(user)
    return render(
        request,
        "jobmap/queue.html",
        {"page": paginate(selectors.assessment_queue(), request.GET, per_page=50)},
    )
