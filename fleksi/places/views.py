"""Pages of the places: the readiness map and table, a kecamatan's desa, the profile form,
the survey import and "my place"."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from fleksi.accounts.current import user_of
from fleksi.common.errors import ServiceError
from fleksi.common.formats import number_text
from fleksi.common.importing.page import ImportPage, columns_help
from fleksi.org.selectors import employee_get
from fleksi.places.domain.profile_rows import COLUMNS
from fleksi.places.domain.readiness import (
    ELECTRICITY_POINTS,
    MIN_SAMPLES,
    NO_BLANK_SPOT_POINTS,
    READY_MIN_SCORE,
    WINDOW_DAYS,
    Survey,
    why_not_ready,
)
from fleksi.places.domain.sketch_map import Site, sketch_map
from fleksi.places.forms import ProfileForm
from fleksi.places.importing import LIMITS, profile_file_import
from fleksi.places.messages import (
    BAND_LABELS,
    band_label,
    level_label,
    reason_texts,
    row_problem_message,
)
from fleksi.places.models import Desa, Kecamatan
from fleksi.places.permissions import (
    may_manage_places,
    require_places_manage,
    require_readiness_view,
)
from fleksi.places.selectors import (
    KecamatanRow,
    Rules,
    desa_readiness_get,
    readiness_contacts,
    readiness_picture,
    rules_on,
    unit_readiness_table,
)
from fleksi.places.services import profile_update


def _scoring(rules: Rules) -> dict[str, Any]:
    """How the score is computed, with the points of the policy in force."""
    return {
        "points": [(level_label(k), v) for k, v in rules.points.items()],
        "electricity": ELECTRICITY_POINTS,
        "no_blank_spot": NO_BLANK_SPOT_POINTS,
        "threshold": READY_MIN_SCORE,
        "min_samples": MIN_SAMPLES,
        "window_days": WINDOW_DAYS,
    }


def _map(rows: list[KecamatanRow]) -> dict[str, Any]:
    """The shapes of the schematic map, with the class, link and title of each."""
    placed = [r for r in rows if r.latitude is not None and r.longitude is not None]
    sketch = sketch_map(
        [Site(r.id, r.name, r.number, r.latitude or 0.0, r.longitude or 0.0) for r in placed]
    )
    by_id = {r.id: r for r in placed}
    shapes = []
    for shape in sketch.shapes:
        row = by_id[shape.key]
        s = row.summary
        title = _("%(name)s: score %(score)s, %(ready)d of %(places)d desa ready") % {
            "name": row.name,
            "score": number_text(s.mean_score) if s.mean_score is not None else "—",
            "ready": s.ready,
            "places": s.places,
        }
        shapes.append(
            {
                "shape": shape,
                "band": s.band,
                "href": reverse("places:kecamatan", args=[row.id]),
                "title": f"{title} ({band_label(s.band)})",
            }
        )
    return {"width": sketch.width, "height": sketch.height, "shapes": shapes}


@login_required
def readiness(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    require_readiness_view(user)
    picture = readiness_picture()
    units = unit_readiness_table(ready_desa=picture.ready_desa_ids, day=picture.rules.day)
    return render(
        request,
        "places/readiness.html",
        {
            "picture": picture,
            "map": _map(picture.kecamatan),
            "legend": list(BAND_LABELS.items()),
            "units": units,
            "scoring": _scoring(picture.rules),
            "may_manage": may_manage_places(user),
            "min_label": level_label(picture.rules.min_connectivity),
        },
    )


@login_required
def kecamatan(request: HttpRequest, kecamatan_id: int) -> HttpResponse:
    user = user_of(request)
    require_readiness_view(user)
    kec = get_object_or_404(Kecamatan, pk=kecamatan_id)
    picture = readiness_picture(kecamatan_id=kec.pk)
    return render(
        request,
        "places/kecamatan.html",
        {
            "kecamatan": kec,
            "row": picture.kecamatan[0],
            "picture": picture,
            "may_manage": may_manage_places(user),
            "scoring": _scoring(picture.rules),
            "min_label": level_label(picture.rules.min_connectivity),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def desa_edit(request: HttpRequest, desa_id: int) -> HttpResponse:
    user = user_of(request)
    require_places_manage(user)
    desa = get_object_or_404(Desa.objects.select_related("kecamatan"), pk=desa_id)
    rules = rules_on()
    row = desa_readiness_get(desa.pk, rules=rules)
    assert row is not None
    profile = row.profile
    initial = (
        {
            "best_network": profile.best_network,
            "electricity_24h": profile.electricity_24h,
            "blank_spot": profile.blank_spot,
            "source": profile.source,
            "surveyed_on": profile.surveyed_on,
        }
        if profile is not None
        else {}
    )
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            profile_update(actor=user, desa=desa, **form.cleaned_data)
        except ServiceError as exc:
            for field, texts in (exc.params.get("errors") or {}).items():
                for text in texts:
                    form.add_error(field if field in form.fields else None, text)
            messages.error(request, exc.message)
        else:
            messages.success(
                request, _("The connectivity profile of %(desa)s is saved.") % {"desa": desa}
            )
            return redirect("places:kecamatan", desa.kecamatan_id)
    return render(
        request,
        "places/desa_edit.html",
        {"desa": desa, "row": row, "form": form, "scoring": _scoring(rules)},
    )


IMPORT_PAGE = ImportPage(
    template="places/import.html",
    import_file=profile_file_import,
    describe=row_problem_message,
    counts=(
        ("rows", gettext_lazy("Rows")),
        ("created", gettext_lazy("Profiles added")),
        ("updated", gettext_lazy("Profiles changed")),
        ("unchanged", gettext_lazy("Unchanged")),
    ),
    limits=LIMITS,
    help_text=columns_help(COLUMNS),
)


@login_required
@require_http_methods(["GET", "POST"])
def profile_import(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    require_places_manage(user)
    return IMPORT_PAGE.render(request, actor=user)


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    """Pak Darto's question: does my village count as ready, and whom do I tell if not?"""
    user = user_of(request)
    if user.employee_id is None:
        raise Http404
    employee = employee_get(user.employee_id)
    rules = rules_on()
    row = desa_readiness_get(employee.domicile_id, rules=rules) if employee.domicile_id else None
    reasons: list[str] = []
    if row is not None:
        p = row.profile
        survey = Survey(p.best_network, p.electricity_24h, p.blank_spot) if p else None
        codes = why_not_ready(row.readiness, survey, rules.points)
        reasons = reason_texts(codes, row.readiness, rules)
    return render(
        request,
        "places/mine.html",
        {
            "employee": employee,
            "row": row,
            "rules": rules,
            "reasons": reasons,
            "contacts": readiness_contacts(),
            "scoring": _scoring(rules),
            "min_label": level_label(rules.min_connectivity),
        },
    )
