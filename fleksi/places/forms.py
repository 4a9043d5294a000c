"""Forms of the places pages (parsing only; the rules are in the services)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from fleksi.places.domain.profile_rows import SOURCE_MAX
from fleksi.places.models import NetworkLevel


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
