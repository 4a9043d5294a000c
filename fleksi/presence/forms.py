"""Forms of the presence pages (the check-in itself is the script and the API)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from fleksi.presence.domain.slots import slots_of
from fleksi.presence.messages import slot_label
from fleksi.presence.models import Mode


class ManualRequestForm(forms.Form):
    day = forms.DateField(label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}))
    slot = forms.TypedChoiceField(label=_("Check-in"), coerce=int)
    mode = forms.ChoiceField(label=_("Where you worked"), choices=Mode.choices)
    time = forms.TimeField(label=_("Time (WITA)"), widget=forms.TimeInput(attrs={"type": "time"}))
    reason = forms.CharField(
        label=_("Why the check-in could not be made"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )

    def __init__(self, *args: Any, per_day: int = 2, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slot"].choices = [  # type: ignore[attr-defined]
            (s.number, slot_label(s.role)) for s in slots_of(per_day)
        ]


class DecideForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("reject", _("Reject"))], widget=forms.HiddenInput
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=255)
