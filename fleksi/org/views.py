from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from fleksi.accounts.current import user_of
from fleksi.accounts.permissions import (
    access_employee,
    access_unit,
    employees_visible_to,
    scope_for,
    unit_people_visible,
    units_visible_to,
)
from fleksi.common.pagination import paginate
from fleksi.org.forms import PeopleFilterForm
from fleksi.org.selectors import (
    employee_search,
    unit_acting_on,
    unit_ancestors,
    unit_children_with_counts,
    unit_head_on,
)


@login_required
def unit_list(request: HttpRequest) -> HttpResponse:
    units = (
        units_visible_to(user_of(request))
        .filter(depth__lte=1)
        .select_related("parent")
        .order_by("path")
    )
    top = [u for u in units if u.parent_id is None]
    children: dict[int, list[object]] = {}
    for u in units:
        if u.parent_id is not None:
            children.setdefault(u.parent_id, []).append(u)
    visible_ids = {u.pk for u in units}
    # Someone who sees only sub-units (a head of bidang) gets them as the top of their list.
    orphans = [u for u in units if u.parent_id is not None and u.parent_id not in visible_ids]
    tree = [(u, children.get(u.pk, [])) for u in top + orphans]
    return render(request, "org/unit_list.html", {"tree": tree})


@login_required
def unit_detail(request: HttpRequest, unit_id: int) -> HttpResponse:
    user = user_of(request)
    unit = access_unit(user, unit_id)
    scope = scope_for(user)
    today = timezone.localdate()
    people = (
        unit_people_visible(user, unit)
        .filter(unit=unit)
        .select_related("position")
        .order_by("-position__is_head", "name")
    )
    visible_people = set(employees_visible_to(user).filter(unit=unit).values_list("id", flat=True))
    return render(
        request,
        "org/unit_detail.html",
        {
            "unit": unit,
            "ancestors": unit_ancestors(unit),
            "children": unit_children_with_counts(unit),
            "head": unit_head_on(unit, today),
            "acting": unit_acting_on(unit, today),
            "page": paginate(people, request.GET, per_page=100),
            "visible_people": visible_people,
            "total_in_subtree": unit_people_visible(user, unit).count(),
            "can_see_eligibility": scope.sees_unit_people(unit.path),
        },
    )


@login_required
def people(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    form = PeopleFilterForm(request.GET or None)
    qs = employees_visible_to(user)
    unit = None
    scope = scope_for(user)
    if form.is_valid():
        data = form.cleaned_data
        if data.get("unit"):
            unit = units_visible_to(user).filter(pk=data["unit"]).first()
        if (data.get("q") or "").strip().isdigit():
            # A NIP begins with the birth date: searching by it is for those who may read it.
            qs = qs.filter(scope.personal_details_q())
        qs = employee_search(
            qs,
            text=data.get("q") or "",
            unit=unit,
            asn_type=data.get("asn_type") or "",
            active=None if data.get("inactive") else True,
        )
    else:
        qs = qs.filter(is_active=True)
    qs = qs.select_related("unit", "position").order_by("name", "nip")
    page = paginate(qs, request.GET, per_page=50)
    rows = list(page.page.object_list)
    shown = scope.personal_details_among(qs.filter(pk__in=[e.pk for e in rows]))
    return render(
        request,
        "org/people.html",
        {
            "form": form,
            "unit": unit,
            "page": page,
            "rows": [(e, shown is None or e.pk in shown) for e in rows],
            "scope": scope,
        },
    )


@login_required
def employee_detail(request: HttpRequest, employee_id: int) -> HttpResponse:
    user = user_of(request)
    employee = access_employee(user, employee_id)
    return render(
        request,
        "org/employee_detail.html",
        {
            "e": employee,
            "details": scope_for(user).sees_personal_details_of(employee),
            "ancestors": unit_ancestors(employee.unit),
            "subordinates": employees_visible_to(user)
            .filter(supervisor=employee, is_active=True)
            .select_related("position")
            .order_by("name")[:200],
        },
    )
