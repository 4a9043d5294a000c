"""Forms of the places pages (parsing only; the rules are in the services)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from fleksi.places.domain.profile_rows import COLUMNS, SOURCE_MAX
from fleksi.places.models import NetworkLevel

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class ProfileForm(forms.Form):
    best_network = forms.ChoiceField(
        label=_("Best network available"), choices=NetworkLevel.choices
    )
    electricity_24h = forms.BooleanField(label=_("Electricity 24 hours a day"), required=False)
    blank_spot = forms.BooleanField(
        label=_("Blank spot (part of the village has no mobile signal)"), required=False
    )
    source = forms.CharField(
        label=_("Source of the data"),
        max_length=SOURCE_MAX,
        help_text=_("For example: Survei Diskominfo 2025, laporan kepala desa, BAKTI."),
    )
    surveyed_on = forms.DateField(
        label=_("Date of the data"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class ImportForm(forms.Form):
    file = forms.FileField(label=_("File (CSV or XLSX)"))
    dry_run = forms.BooleanField(
        label=_("Only check the file; import nothing"), required=False, initial=True
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = gettext("Columns: %(columns)s.") % {
            "columns": ", ".join(COLUMNS)
        }

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload
