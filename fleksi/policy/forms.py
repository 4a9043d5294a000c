"""Forms of the policy pages. The parameter form is built from the parameter specs, so a new
parameter appears in the form without touching this module."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from fleksi.policy.domain.params import (
    PolicyParams,
    Spec,
    basis_of,
    param_keys,
    params_to_json,
    spec_of,
)
from fleksi.policy.messages import PARAM_LABELS, value_label
from fleksi.policy.models import CalendarOverride, NationalWfaWindow, PolicyVersion

ARTICLE_PREFIX = "article__"


class DraftCreateForm(forms.Form):
    regulation_number = forms.CharField(
        label=_("Regulation number"),
        max_length=120,
        help_text=_(
            "A working name, e.g. Rancangan Perbup tentang Fleksibilitas Kerja ASN; the "
            "Bupati gives the number when enacting it."
        ),
    )
    title = forms.CharField(label=_("Title"), max_length=255)
    effective_from = forms.DateField(
        label=_("In force from"), widget=forms.DateInput(attrs={"type": "date"})
    )
    based_on = forms.ModelChoiceField(
        label=_("Start from"),
        required=False,
        queryset=PolicyVersion.objects.none(),
        empty_label=_("the version in force (or the defaults)"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["based_on"].queryset = PolicyVersion.objects.order_by("-effective_from")  # type: ignore[attr-defined]


class DraftMetaForm(forms.Form):
    regulation_number = forms.CharField(label=_("Regulation number"), max_length=120)
    title = forms.CharField(label=_("Title"), max_length=255)
    effective_from = forms.DateField(
        label=_("In force from"), widget=forms.DateInput(attrs={"type": "date"})
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


def _field_for(key: str, spec: Spec, label: Any) -> forms.Field:
    if spec.kind == "int":
        return forms.IntegerField(
            label=label,
            min_value=int(spec.low or 0),
            max_value=int(spec.high) if spec.high is not None else None,
        )
    if spec.kind == "choice_int":
        return forms.TypedChoiceField(
            label=label, coerce=int, choices=[(c, c) for c in spec.choices]
        )
    if spec.kind == "share":
        return forms.DecimalField(
            label=label,
            min_value=Decimal(0),
            max_value=Decimal(100),
            decimal_places=2,
            help_text=_("percent"),
        )
    if spec.kind == "bool":
        return forms.BooleanField(label=label, required=False)
    if spec.kind == "choice":
        return forms.ChoiceField(
            label=label,
            required=False,
            choices=[(c, value_label(c) if c else _("none")) for c in spec.choices],
        )
    if spec.kind == "choices":
        return forms.MultipleChoiceField(
            label=label,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            choices=[(c, value_label(c)) for c in spec.choices],
        )
    if spec.kind == "dates":
        return forms.CharField(
            label=label,
            required=False,
            widget=forms.Textarea(attrs={"rows": 3}),
            help_text=_("One date per line, YYYY-MM-DD."),
        )
    return forms.CharField(
        label=label,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One criterion per line: code | Indonesian label | English label"),
    )


class ParamsForm(forms.Form):
    """Every parameter of a version, with an optional Perbup article for each."""

    def __init__(self, data: Any = None, *, params: PolicyParams) -> None:
        super().__init__(data, initial=self._initial(params))
        for key in param_keys():
            spec = spec_of(key)
            self.fields[key] = _field_for(key, spec, PARAM_LABELS.get(key, key))
            basis = basis_of(key)
            self.fields[f"{ARTICLE_PREFIX}{key}"] = forms.CharField(
                label=_("Article of the Perbup"),
                required=False,
                max_length=200,
                help_text=(
                    _("Set by the PPK in the Perbup; national basis: %(basis)s")
                    % {"basis": basis.national or "—"}
                    if basis.ppk
                    else _("National basis: %(basis)s") % {"basis": basis.national}
                ),
            )

    @staticmethod
    def _initial(params: PolicyParams) -> dict[str, Any]:
        raw = params_to_json(params)
        initial: dict[str, Any] = {}
        for key in param_keys():
            spec, value = spec_of(key), raw[key]
            if spec.kind == "share":
                initial[key] = (Decimal(str(value)) * 100).quantize(Decimal("0.01"))
            elif spec.kind == "dates":
                initial[key] = "\n".join(value)
            elif spec.kind == "criteria":
                initial[key] = "\n".join(" | ".join(c) for c in value)
            else:
                initial[key] = value
            initial[f"{ARTICLE_PREFIX}{key}"] = params.articles.get(key, "")
        return initial

    def grouped(self) -> list[tuple[str, list[tuple[forms.BoundField, forms.BoundField]]]]:
        groups: dict[str, list[tuple[forms.BoundField, forms.BoundField]]] = {}
        for key in param_keys():
            groups.setdefault(spec_of(key).group, []).append(
                (self[key], self[f"{ARTICLE_PREFIX}{key}"])
            )
        return list(groups.items())

    def raw_params(self) -> dict[str, Any]:
        """The cleaned values in the stored JSON form (validated again by the service)."""
        data = self.cleaned_data
        raw: dict[str, Any] = {}
        for key in param_keys():
            spec, value = spec_of(key), data.get(key)
            if spec.kind == "share":
                raw[key] = float(Decimal(value) / 100) if value is not None else None
            elif spec.kind == "choices":
                raw[key] = list(value or [])
            elif spec.kind == "dates":
                raw[key] = [line.strip() for line in (value or "").splitlines() if line.strip()]
            elif spec.kind == "criteria":
                raw[key] = [
                    [part.strip() for part in line.split("|")]
                    for line in (value or "").splitlines()
                    if line.strip()
                ]
            else:
                raw[key] = value
        raw["articles"] = {
            key: data[f"{ARTICLE_PREFIX}{key}"].strip()
            for key in param_keys()
            if data.get(f"{ARTICLE_PREFIX}{key}", "").strip()
        }
        return raw

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for key in param_keys():
            if spec_of(key).kind == "dates" and data.get(key):
                for line in str(data[key]).splitlines():
                    if line.strip():
                        try:
                            date.fromisoformat(line.strip())
                        except ValueError:
                            self.add_error(
                                key,
                                _("“%(value)s” is not a date (YYYY-MM-DD).")
                                % {"value": line.strip()},
                            )
        return data


class UnitOverrideForm(forms.Form):
    unit_code = forms.CharField(label=_("Unit code"), max_length=40)
    max_offsite_share = forms.DecimalField(
        label=_("Maximum share off-site (%)"),
        required=False,
        min_value=Decimal(0),
        max_value=Decimal(100),
    )
    min_onsite_staff = forms.IntegerField(
        label=_("Minimum on site"), required=False, min_value=0, max_value=10_000
    )
    reason = forms.CharField(label=_("Reason"), required=False, max_length=255)


class RoleMinimumForm(forms.Form):
    unit_code = forms.CharField(label=_("Unit code"), max_length=40)
    role = forms.SlugField(
        label=_("Service role"),
        max_length=30,
        help_text=_("As recorded on the positions, e.g. counter."),
    )
    min_onsite = forms.IntegerField(
        label=_("Minimum on site"),
        required=False,
        min_value=0,
        max_value=10_000,
        help_text=_("Empty removes the role's minimum."),
    )


class CompareForm(forms.Form):
    a = forms.ModelChoiceField(label=_("Version"), queryset=PolicyVersion.objects.all())
    b = forms.ModelChoiceField(label=_("compared with"), queryset=PolicyVersion.objects.all())


class CalendarOverrideForm(forms.ModelForm):
    class Meta:
        model = CalendarOverride
        fields = ["day", "kind", "name"]
        widgets = {"day": forms.DateInput(attrs={"type": "date"})}


class RamadanForm(forms.Form):
    start = forms.DateField(label=_("First day"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("Last day"), widget=forms.DateInput(attrs={"type": "date"}))


class WfaWindowForm(forms.ModelForm):
    class Meta:
        model = NationalWfaWindow
        fields = ["name", "reference", "start", "end"]
        widgets = {
            "start": forms.DateInput(attrs={"type": "date"}),
            "end": forms.DateInput(attrs={"type": "date"}),
        }
