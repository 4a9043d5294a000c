"""Forms of the duty-mapping pages (parsing only; the rules are in the services)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from fleksi.jobmap.domain.criteria import REASON_MAX_LENGTH, Criterion
from fleksi.jobmap.domain.rows import DESCRIPTION_MAX, OUTPUT_MAX
from fleksi.jobmap.messages import criterion_label
from fleksi.jobmap.models import Duty, EmployeeException

DATE = forms.DateInput(attrs={"type": "date"})


class DutyForm(forms.Form):
    description = forms.CharField(
        label=_("Duty (uraian tugas)"),
        max_length=DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    output = forms.CharField(label=_("Output (hasil kerja)"), max_length=OUTPUT_MAX)
    time_share = forms.DecimalField(
        label=_("Share of working time (%)"),
        max_digits=5,
        decimal_places=2,
        min_value=Decimal("0.01"),
        max_value=Decimal(100),
        help_text=_("From the job analysis (Anjab/ABK). The duties of a position add up to 100 %."),
    )


@dataclass(frozen=True)
class CriterionCell:
    code: str
    label: str
    answer: forms.BoundField
    reason: forms.BoundField


@dataclass(frozen=True)
class DutyBlock:
    duty: Duty
    cells: list[CriterionCell]
    errors: list[str]


ANSWER_CHOICES = [("", "—"), ("yes", _("Yes")), ("no", _("No"))]


class AssessmentForm(forms.Form):
    """For every duty × criterion: yes/no and a short reason. Gaps are allowed in a draft."""

    def __init__(
        self,
        data: Mapping[str, Any] | None = None,
        *,
        duties: Sequence[Duty],
        criteria: Sequence[Criterion],
        answers: Mapping[tuple[int, str], tuple[bool | None, str]],
    ) -> None:
        super().__init__(data)
        self.duties = list(duties)
        self.criteria = list(criteria)
        self.duty_errors: dict[str, list[str]] = {}
        for duty in self.duties:
            for c in self.criteria:
                answer, reason = answers.get((duty.pk, c.code), (None, ""))
                self.fields[f"a_{duty.pk}_{c.code}"] = forms.ChoiceField(
                    label=criterion_label(c),
                    choices=ANSWER_CHOICES,
                    required=False,
                    initial={True: "yes", False: "no"}.get(answer, ""),  # type: ignore[arg-type]
                )
                self.fields[f"r_{duty.pk}_{c.code}"] = forms.CharField(
                    label=_("Reason"),
                    required=False,
                    max_length=REASON_MAX_LENGTH,
                    initial=reason,
                    widget=forms.TextInput(attrs={"size": 40}),
                )

    def blocks(self) -> list[DutyBlock]:
        return [
            DutyBlock(
                duty,
                [
                    CriterionCell(
                        c.code,
                        criterion_label(c),
                        self[f"a_{duty.pk}_{c.code}"],
                        self[f"r_{duty.pk}_{c.code}"],
                    )
                    for c in self.criteria
                ],
                self.duty_errors.get(str(duty.pk), []),
            )
            for duty in self.duties
        ]

    def answers(self) -> dict[tuple[int, str], tuple[bool | None, str]]:
        data = self.cleaned_data
        return {
            (duty.pk, c.code): (
                {"yes": True, "no": False}.get(data.get(f"a_{duty.pk}_{c.code}") or ""),
                data.get(f"r_{duty.pk}_{c.code}") or "",
            )
            for duty in self.duties
            for c in self.criteria
        }


class DecisionForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when returning: say what must change."),
    )


class ExceptionGrantForm(forms.Form):
    nip = forms.CharField(label=_("NIP / NI PPPK of the employee"), max_length=18)
    kind = forms.ChoiceField(label=_("Kind"), choices=EmployeeException.Kind.choices)
    reason = forms.CharField(
        label=_("Reason"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )
    start = forms.DateField(label=_("From"), widget=DATE)
    end = forms.DateField(label=_("Until (included)"), widget=DATE)
    override_class = forms.ChoiceField(
        label=_("Class for this employee"),
        choices=EmployeeException.Override.choices,
        required=False,
    )
    waives_unit_exclusion = forms.BooleanField(
        label=_("Lift the exclusion of public-service units for this employee"), required=False
    )


class ExceptionEndForm(forms.Form):
    last_day = forms.DateField(label=_("Last day"), widget=DATE)
