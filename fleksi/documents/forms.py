from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from fleksi.documents.models import GeneratedDocument


class DocumentForm(forms.Form):
    fmt = forms.ChoiceField(label=_("Format"), choices=GeneratedDocument.Format.choices)
    paper = forms.ChoiceField(label=_("Paper"), choices=GeneratedDocument.Paper.choices)


class DiffForm(DocumentForm):
    base = forms.TypedChoiceField(label=_("Compare with"), coerce=int, choices=())

    def __init__(self, *args: object, versions: list[tuple[int, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["base"].choices = versions  # type: ignore[attr-defined]
