"""Forms of the output pages (parsing only; the rules are in the services)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from fleksi.outputs.domain.evidence import MAX_BYTES, URL_MAX
from fleksi.outputs.domain.rating import BERAKHLAK
from fleksi.outputs.domain.skp_rows import USUAL_QUALITY_PCT, USUAL_TIME_MONTHS
from fleksi.outputs.messages import BERAKHLAK_LABELS
from fleksi.outputs.models import LEVEL_CHOICES, PREDIKAT_CHOICES, SkpResult


class RhkChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.number}. {obj.text}"


def _rhk_field(queryset: QuerySet[SkpResult]) -> RhkChoiceField:
    return RhkChoiceField(
        queryset=queryset,
        required=False,
        label=_("SKP result (RHK)"),
        empty_label=_("— not linked —"),
    )


class PlanForm(forms.Form):
    description = forms.CharField(label=_("Planned output"), max_length=255)
    target_quantity = forms.DecimalField(
        label=_("Target"), min_value=Decimal("0.01"), initial=1, max_digits=8, decimal_places=2
    )
    unit = forms.CharField(label=_("Unit of measure"), max_length=40, initial=_("document"))

    def __init__(self, *args: Any, rhks: QuerySet[SkpResult], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rhk"] = _rhk_field(rhks)


class ReportForm(forms.Form):
    quantity = forms.DecimalField(
        label=_("Quantity delivered"), min_value=Decimal(0), max_digits=8, decimal_places=2
    )
    description = forms.CharField(
        label=_("What was delivered"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    evidence = forms.FileField(
        label=_("Evidence file"),
        required=False,
        help_text=_("A photo, PDF, Word or Excel file of at most %(mb)d MB.")
        % {"mb": MAX_BYTES // 2**20},
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,.docx,.xlsx"}),
    )
    evidence_url = forms.CharField(
        label=_("Or a link to the document"),
        required=False,
        max_length=URL_MAX,
        help_text=_("For example the letter in the e-office (SRIKANDI): https://…"),
        widget=forms.URLInput(),
    )

    def __init__(
        self, *args: Any, rhks: QuerySet[SkpResult], free: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rhk"] = _rhk_field(rhks)
        if free:
            self.fields["unit"] = forms.CharField(label=_("Unit of measure"), max_length=40)


DECISION_CHOICES = [
    ("accepted", pgettext_lazy("verify an output", "Accept")),
    ("returned", pgettext_lazy("verify an output", "Return")),
    ("rejected", pgettext_lazy("verify an output", "Reject")),
]


class VerifyForm(forms.Form):
    # Radio buttons with none chosen: the verifier decides, nothing is preselected.
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=DECISION_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose accept, return or reject.")},
    )
    quality = forms.IntegerField(
        label=_("Quality (0–100)"), min_value=0, max_value=100, required=False, initial=100
    )
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class BulkAcceptForm(forms.Form):
    quality = forms.IntegerField(
        label=_("Quality (0–100)"), min_value=0, max_value=100, initial=100
    )
    comment = forms.CharField(label=_("Comment"), required=False, max_length=500)


class SkpCreateForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)


class RhkForm(forms.Form):
    number = forms.IntegerField(label=_("Number"), min_value=1, max_value=99)
    kind = forms.ChoiceField(label=_("Kind"), choices=SkpResult.Kind.choices)
    text = forms.CharField(
        label=_("Planned result (RHK)"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, parents: QuerySet[SkpResult], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["parent"] = RhkChoiceField(
            queryset=parents,
            required=False,
            label=_("Cascaded from the supervisor's result"),
            empty_label=_("— none —"),
        )


class IndicatorForm(forms.Form):
    text = forms.CharField(label=_("Indicator"), max_length=500)
    target_quantity = forms.DecimalField(
        label=_("Target quantity"), min_value=Decimal("0.01"), max_digits=10, decimal_places=2
    )
    target_unit = forms.CharField(label=_("Unit"), max_length=40)
    # Blank means the usual target (shown as the hint), so that an unused row stays empty.
    target_quality_pct = forms.IntegerField(
        label=_("Quality (%)"),
        min_value=0,
        max_value=100,
        required=False,
        widget=forms.NumberInput(attrs={"placeholder": str(USUAL_QUALITY_PCT)}),
    )
    target_time_months = forms.IntegerField(
        label=_("Time (months)"),
        min_value=1,
        max_value=12,
        required=False,
        widget=forms.NumberInput(attrs={"placeholder": str(USUAL_TIME_MONTHS)}),
    )


IndicatorFormSet = forms.formset_factory(IndicatorForm, extra=2, max_num=10, can_delete=True)


class RatingForm(forms.Form):
    results = forms.ChoiceField(
        label=_("Work results"), choices=[("", "—"), *LEVEL_CHOICES], required=False
    )
    behaviour = forms.ChoiceField(label=_("Work behaviour (BerAKHLAK)"), choices=LEVEL_CHOICES)
    predikat = forms.ChoiceField(label=_("Predikat"), choices=PREDIKAT_CHOICES)
    reason = forms.CharField(
        label=_("Reason, if the predikat differs from the quadrant's"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code in BERAKHLAK:
            self.fields[f"note_{code}"] = forms.CharField(
                label=BERAKHLAK_LABELS[code], required=False, max_length=500
            )

    def notes(self) -> dict[str, str]:
        return {c: self.cleaned_data.get(f"note_{c}", "") for c in BERAKHLAK}

    def note_fields(self) -> list[forms.BoundField]:
        return [self[f"note_{c}"] for c in BERAKHLAK]


class DialogueForm(forms.Form):
    text = forms.CharField(
        label=_("Note of the performance dialogue"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
