"""Forms of the roster pages: preferences for a month (one choice and one reason per working
day), and the request for a new roster."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from fleksi.common.formats import day_text
from fleksi.roster.models import PreferenceDay, PreferenceReason
from fleksi.roster.services import PreferenceDayIn

CHOICES = [("", _("no preference")), *PreferenceDay.Kind.choices]
REASONS = [("", _("reason…")), *PreferenceReason.choices]


def _key(day: date) -> str:
    return day.isoformat()


class PreferenceForm(forms.Form):
    note = forms.CharField(label=_("Note for the head of unit"), max_length=255, required=False)

    def __init__(
        self, *args: Any, days: Sequence[date], initial_days: dict[date, tuple[str, str]], **kw: Any
    ) -> None:
        super().__init__(*args, **kw)
        self.days = list(days)
        for day in self.days:
            kind, reason = initial_days.get(day, ("", ""))
            self.fields[f"k-{_key(day)}"] = forms.ChoiceField(
                label=_("Preference"), choices=CHOICES, required=False, initial=kind
            )
            self.fields[f"r-{_key(day)}"] = forms.ChoiceField(
                label=_("Reason"),
                choices=REASONS,
                required=False,
                initial=reason,
                widget=forms.Select(
                    attrs={"aria-label": _("Reason for %(day)s") % {"day": day_text(day)}}
                ),
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for day in self.days:
            kind, reason = data.get(f"k-{_key(day)}"), data.get(f"r-{_key(day)}")
            if kind and not reason:
                self.add_error(f"r-{_key(day)}", _("Say why."))
        return data

    def chosen(self) -> list[PreferenceDayIn]:
        data = self.cleaned_data
        return [
            PreferenceDayIn(day, data[f"k-{_key(day)}"], data[f"r-{_key(day)}"])
            for day in self.days
            if data.get(f"k-{_key(day)}")
        ]

    def cells(self) -> Iterable[tuple[date, forms.BoundField, forms.BoundField]]:
        for day in self.days:
            yield day, self[f"k-{_key(day)}"], self[f"r-{_key(day)}"]


class GenerateForm(forms.Form):
    unit = forms.TypedChoiceField(label=_("Unit (with its sub-units)"), coerce=int)
    month = forms.ChoiceField(label=_("Month"))
    relax = forms.BooleanField(
        label=_("Where a minimum cannot be met, keep everyone available on site and go on"),
        required=False,
    )

    def __init__(
        self,
        *args: Any,
        units: Sequence[tuple[int, str]],
        months: Sequence[date],
        **kw: Any,
    ) -> None:
        super().__init__(*args, **kw)
        unit_field = self.fields["unit"]
        assert isinstance(unit_field, forms.ChoiceField)
        unit_field.choices = list(units)
        month_field = self.fields["month"]
        assert isinstance(month_field, forms.ChoiceField)
        month_field.choices = [(f"{m:%Y-%m}", formats.date_format(m, "F Y")) for m in months]
