"""Forms of the legal path's steps on the version page."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from fleksi.policy.domain.params import param_keys
from fleksi.policy.messages import PARAM_LABELS

# ISO in the value: a date input ignores any other form (the initial day would be lost).
_DATE = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


class StepNoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class LegalNoteForm(forms.Form):
    """A harmonisation comment: on the whole draft, one setting or one article."""

    target = forms.ChoiceField(label=_("About"), required=False)
    article = forms.CharField(
        label=_("or the article"),
        required=False,
        max_length=40,
        help_text=_("For example: Pasal 5 ayat (2)"),
    )
    text = forms.CharField(
        label=_("Comment"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = [("", _("the draft as a whole"))] + [  # type: ignore[attr-defined]
            (key, PARAM_LABELS.get(key, key)) for key in param_keys()
        ]

    def target_key(self) -> str:
        return (self.cleaned_data.get("article") or "").strip() or self.cleaned_data["target"]


class EnactForm(forms.Form):
    number = forms.CharField(label=_("Number of the Perbup"), max_length=8)
    enacted_on = forms.DateField(label=_("Enacted on (ditetapkan)"), widget=_DATE)


class PromulgateForm(forms.Form):
    gazette_number = forms.CharField(label=_("Number in the Berita Daerah"), max_length=8)
    promulgated_on = forms.DateField(label=_("Promulgated on (diundangkan)"), widget=_DATE)
    effective_from = forms.DateField(
        label=_("In force from"),
        required=False,
        widget=_DATE,
        help_text=_("As the text states it; empty: the date of the draft."),
    )


class SignedDocumentForm(forms.Form):
    file = forms.FileField(
        label=_("Signed PDF (from SRIKANDI)"),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )


class StartDateForm(forms.Form):
    effective_from = forms.DateField(label=_("In force from"), widget=_DATE)
