from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from fleksi.insights.models import EvaluationReport


class ReportForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=EvaluationReport.Kind.choices)
    month = forms.CharField(
        label=_("Month (the quarter holding it, for a quarterly report)"),
        max_length=7,
        widget=forms.TextInput(attrs={"type": "month"}),
    )
