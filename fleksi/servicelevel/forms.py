"""Forms of the service-level pages. The week's grid is built from the unit's services and
the days of the week; the services validate again."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from fleksi.org.models import Unit
from fleksi.servicelevel.domain.rows import COUNT_MAX, MEDIAN_MAX
from fleksi.servicelevel.messages import ELEMENT_LABELS
from fleksi.servicelevel.models import PublicService
from fleksi.servicelevel.services import FigureEntry

DATE_WIDGET = forms.DateInput(attrs={"type": "date"})


class ServiceForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=40, help_text=_("For example DUKCAPIL-KK"))
    name = forms.CharField(label=_("Name"), max_length=200)
    processing_unit = forms.ChoiceField(
        label=_("Processing time in"), choices=PublicService.TimeUnit.choices
    )
    standard_max_processing = forms.IntegerField(
        label=_("Maximum processing time (standard)"), min_value=1, max_value=100_000
    )
    standard_max_waiting_minutes = forms.IntegerField(
        label=_("Maximum waiting time (minutes)"), min_value=1, max_value=10_000, required=False
    )
    standard_reference = forms.CharField(
        label=_("Service standard (reference)"), max_length=255, required=False
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class ConfigForm(forms.Form):
    wfa_start = forms.DateField(
        label=_("WFA start"),
        required=False,
        widget=DATE_WIDGET,
        help_text=_("Empty: the start of the first published policy version."),
    )
    ikm_a_min = forms.DecimalField(
        label=_("Grade A from"), min_value=25, max_value=100, decimal_places=2, localize=True
    )
    ikm_b_min = forms.DecimalField(
        label=_("Grade B from"), min_value=25, max_value=100, decimal_places=2, localize=True
    )
    ikm_c_min = forms.DecimalField(
        label=_("Grade C from"), min_value=25, max_value=100, decimal_places=2, localize=True
    )
    ikm_basis = forms.CharField(label=_("Basis of the grades"), max_length=200)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        a, b, c = data.get("ikm_a_min"), data.get("ikm_b_min"), data.get("ikm_c_min")
        if a is not None and b is not None and c is not None and not (25 < c < b < a <= 100):
            raise forms.ValidationError(
                _("The boundaries must rise from C to A, above 25 and at most 100.")
            )
        return data


def _element_field(label: Any) -> forms.DecimalField:
    return forms.DecimalField(
        label=label, min_value=1, max_value=4, decimal_places=3, localize=True
    )


class SurveyForm(forms.Form):
    service = forms.ModelChoiceField(
        label=_("Service"),
        queryset=PublicService.objects.none(),
        required=False,
        empty_label=_("the whole unit"),
    )
    unit = forms.ModelChoiceField(
        label=_("Unit"),
        queryset=Unit.objects.none(),
        required=False,
        help_text=_("Needed when the survey is of a whole unit."),
    )
    period_start = forms.DateField(label=_("Period from"), widget=DATE_WIDGET)
    period_end = forms.DateField(label=_("Period until"), widget=DATE_WIDGET)
    respondents = forms.IntegerField(label=_("Respondents"), min_value=1, max_value=COUNT_MAX)

    def __init__(
        self,
        *args: Any,
        services: QuerySet[PublicService],
        units: QuerySet[Unit],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = services  # type: ignore[attr-defined]
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        for i, label in enumerate(ELEMENT_LABELS, start=1):
            self.fields[f"u{i}"] = _element_field(f"U{i} {label}")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        service, unit = data.get("service"), data.get("unit")
        if service is None and unit is None:
            raise forms.ValidationError(_("Choose a service or a unit."))
        if service is not None and unit is not None and service.unit_id != unit.pk:
            self.add_error("unit", _("The service belongs to another unit."))
        if service is not None:
            data["unit"] = service.unit
        return data

    def elements(self) -> list[Decimal]:
        return [self.cleaned_data[f"u{i}"] for i in range(1, 10)]

    def element_fields(self) -> list[forms.BoundField]:
        return [self[f"u{i}"] for i in range(1, 10)]


GRID_FIELDS = ("received", "completed", "median_processing", "median_waiting")


class WeekForm(forms.Form):
    """One row per service and day: received, completed, median processing and waiting
    time. An empty row is left as it is; a row with any value needs both counts."""

    def __init__(
        self, *args: Any, services: list[PublicService], days: list[date], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.services, self.days = services, days
        for s in services:
            for d in days:
                prefix = self.key(s.pk, d)
                for name in ("received", "completed"):
                    self.fields[f"{prefix}_{name}"] = forms.IntegerField(
                        required=False,
                        min_value=0,
                        max_value=COUNT_MAX,
                        widget=forms.NumberInput(attrs={"size": 4, "inputmode": "numeric"}),
                    )
                for name in ("median_processing", "median_waiting"):
                    self.fields[f"{prefix}_{name}"] = forms.DecimalField(
                        required=False,
                        min_value=0,
                        max_value=MEDIAN_MAX,
                        decimal_places=2,
                        localize=True,
                        widget=forms.TextInput(attrs={"size": 5, "inputmode": "decimal"}),
                    )

    @staticmethod
    def key(service_id: int, day: date) -> str:
        return f"s{service_id}_{day:%Y%m%d}"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for s in self.services:
            for d in self.days:
                prefix = self.key(s.pk, d)
                values = [data.get(f"{prefix}_{n}") for n in GRID_FIELDS]
                if any(v is not None for v in values):
                    for name in ("received", "completed"):
                        if data.get(f"{prefix}_{name}") is None:
                            self.add_error(f"{prefix}_{name}", _("A value is required."))
        return data

    def entries(self) -> list[FigureEntry]:
        data = self.cleaned_data
        out: list[FigureEntry] = []
        for s in self.services:
            for d in self.days:
                p = self.key(s.pk, d)
                if data.get(f"{p}_received") is None or data.get(f"{p}_completed") is None:
                    continue
                out.append(
                    FigureEntry(
                        service_id=s.pk,
                        day=d,
                        received=data[f"{p}_received"],
                        completed=data[f"{p}_completed"],
                        median_processing=data.get(f"{p}_median_processing"),
                        median_waiting=data.get(f"{p}_median_waiting"),
                    )
                )
        return out

    def grid(self) -> list[tuple[PublicService, list[tuple[date, list[forms.BoundField]]]]]:
        return [
            (s, [(d, [self[f"{self.key(s.pk, d)}_{n}"] for n in GRID_FIELDS]) for d in self.days])
            for s in self.services
        ]
