from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from fleksi.common.importing.reader import EXTENSIONS, LIMITS
from fleksi.org.models import Employee

MAX_BYTES = LIMITS.max_bytes
MAX_MB = MAX_BYTES // (1024 * 1024)


class PeopleFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or NIP"), required=False, max_length=100)
    asn_type = forms.ChoiceField(
        label=_("ASN type"),
        required=False,
        choices=[("", _("All")), *Employee.AsnType.choices],
    )
    unit = forms.IntegerField(required=False, widget=forms.HiddenInput)
    inactive = forms.BooleanField(label=_("Include inactive"), required=False)


class PeopleImportForm(forms.Form):
    file = forms.FileField(
        label=_("Registry export (.csv or .xlsx)"),
        validators=[FileExtensionValidator([e.lstrip(".") for e in EXTENSIONS])],
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(EXTENSIONS)}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = gettext("At most %(mb)d MB.") % {"mb": MAX_MB}

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                gettext("The file is larger than %(mb)d MB: split it into smaller files.")
                % {"mb": MAX_MB}
            )
        return upload


class ImportApplyForm(forms.Form):
    accept_partial = forms.BooleanField(
        label=_("Import the valid rows only and leave out the rows with problems"),
        required=False,
    )

    def __init__(self, *args: Any, has_problems: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.has_problems = has_problems

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.has_problems and not data.get("accept_partial"):
            raise forms.ValidationError(
                _(
                    "The file has rows with problems: tick the box to import the valid rows "
                    "only, or upload a corrected file."
                )
            )
        return data
