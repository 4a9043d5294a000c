from __future__ import annotations

from typing import Any

from django import forms

from fleksi.notify.selectors import PreferenceRow


class PreferencesForm(forms.Form):
    """One check box per kind of notification: send me an e-mail."""

    def __init__(self, *args: Any, rows: list[PreferenceRow], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            self.fields[row.kind] = forms.BooleanField(
                label=str(row.label), required=False, initial=row.email
            )

    def choices(self) -> dict[str, bool]:
        return {row.kind: bool(self.cleaned_data.get(row.kind)) for row in self.rows}
