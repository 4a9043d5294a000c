from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from fleksi.org.models import Employee


class PeopleFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or NIP"), required=False, max_length=100)
    asn_type = forms.ChoiceField(
        label=_("ASN type"),
        required=False,
        choices=[("", _("All"))] + list(Employee.AsnType.choices),
    )
    unit = forms.IntegerField(required=False, widget=forms.HiddenInput)
    inactive = forms.BooleanField(label=_("Include inactive"), required=False)
