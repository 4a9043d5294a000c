"""Team measures (a unit subtree, or the people one leads) and the realisation export."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from fleksi.accounts.current import user_of
from fleksi.accounts.permissions import scope_for
from fleksi.common.domain.months import month_end, month_key, month_start, next_month, parse_month
from fleksi.common.domain.months import previous_month as prev_month
from fleksi.common.domain.tables import Sheet
from fleksi.common.exports import csv_response, xlsx_response
from fleksi.common.replica import reads_from_replica
from fleksi.org.models import Employee, Unit
from fleksi.outputs.domain.measures import MODES, group_measures
from fleksi.outputs.messages import MODE_LABELS
from fleksi.outputs.permissions import (
    export_people,
    leads,
    measures_unit_choice,
    reads_all,
    require_team_page,
    team_of,
)
from fleksi.outputs.selectors.export import COLUMNS, export_rows
from fleksi.outputs.selectors.inbox import inbox_for
from fleksi.outputs.selectors.measures import period_facts

PER_PAGE = 100


def _query(month: date, unit: Unit | None) -> str:
    """The page's filters, for the pagination links."""
    return urlencode({"month": month_key(month), **({"unit": unit.pk} if unit else {"unit": ""})})


@login_required
def team(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    require_team_page(user)
    scope = scope_for(user)
    everyone = reads_all(user)
    month = parse_month(request.GET.get("month")) or month_start(timezone.localdate())
    headed = list(scope.headed_units())
    unit = measures_unit_choice(user, request.GET.get("unit", ""))
    if unit is None and headed and request.GET.get("unit") is None:
        unit = headed[0]
    people: QuerySet[Employee] | None
    if unit is not None:
        people = Employee.objects.filter(unit__path__startswith=unit.path, is_active=True)
    elif scope.employee_id is not None:
        people = team_of(user)
    else:
        people = None
    context: dict[str, object] = {
        "month": month,
        "month_key": month_key(month),
        "previous": month_key(prev_month(month)),
        "next": month_key(next_month(month)),
        "unit": unit,
        "headed": headed,
        "everyone": everyone,
        "top_units": Unit.objects.filter(parent__isnull=True).order_by("name") if everyone else [],
        "inbox_count": inbox_for(user).count(),
        "query": _query(month, unit),
    }
    if people is not None:
        facts = period_facts(people, start=month, end=month_end(month))
        measures = facts.measures()
        names = dict(people.values_list("pk", "name"))
        units = dict(people.values_list("pk", "unit__name"))
        group = group_measures(measures.values())
        rows = sorted(measures.values(), key=lambda m: names.get(m.employee_id, ""))
        page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
        by_id = {e.pk: e for e in Employee.objects.filter(pk__in=[m.employee_id for m in page])}
        context.update(
            {
                "group": group,
                "compare": [(MODE_LABELS[m], group.by_mode_same_people[m]) for m in MODES],
                "page": page,
                "lines": [
                    (
                        m,
                        names[m.employee_id],
                        units[m.employee_id],
                        leads(user, by_id[m.employee_id]),
                    )
                    for m in page
                ],
            }
        )
    return render(request, "outputs/team.html", context)


@login_required
@reads_from_replica
def export(request: HttpRequest) -> HttpResponse:
    """Realisations of a month with evidence links, as CSV or XLSX (e-Kinerja entry)."""
    user = user_of(request)
    require_team_page(user)
    month = parse_month(request.GET.get("month")) or month_start(timezone.localdate())
    unit = measures_unit_choice(user, request.GET.get("unit", ""))
    people = export_people(user, unit)
    facts = period_facts(people, start=month, end=month_end(month))
    # NIPs (they encode birth dates) only of those whose personal details the user may read.
    nips = scope_for(user).personal_details_among(people)
    name = f"fleksi-realisasi-{month_key(month)}"
    if request.GET.get("format") == "xlsx":
        return xlsx_response(
            f"{name}.xlsx", [Sheet("Realisasi", COLUMNS, export_rows(facts, nips))]
        )
    return csv_response(f"{name}.csv", COLUMNS, export_rows(facts, nips))
