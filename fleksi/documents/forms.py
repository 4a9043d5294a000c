from __future__ import annotations

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from fleksi.common.domain.months import parse_month
from fleksi.documents.models import GeneratedDocument


class DocumentForm(forms.Form):
    fmt = forms.ChoiceField(label=_("Format"), choices=GeneratedDocument.Format.choices)
    paper = forms.ChoiceField(label=_("Paper"), choices=GeneratedDocument.Paper.choices)


class DiffForm(DocumentForm):
    base = forms.TypedChoiceField(label=_("Compare with"), coerce=int, choices=())

    def __init__(self, *args: object, versions: list[tuple[int, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["base"].choices = versions  # type: ignore[attr-defined]


class KeputusanForm(DocumentForm):
    unit = forms.TypedChoiceField(label=_("Unit"), coerce=int, choices=())
    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("Until"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args: object, units: list[tuple[int, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["unit"].choices = units  # type: ignore[attr-defined]

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("The period ends before it starts."))
        return data


class MonitoringForm(DocumentForm):
    month = forms.CharField(
        label=_("Month"), max_length=7, widget=forms.TextInput(attrs={"type": "month"})
    )

    def clean_month(self) -> date:
        month = parse_month(self.cleaned_data["month"])
        if month is None:
            raise forms.ValidationError(_("Give the month as YYYY-MM."))
        return month
