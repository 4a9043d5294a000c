"""Forms of the schedule pages: a new request (its days as single days, a range or a weekly
pattern; its place; its work plan), decisions, recalls, places and absences."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from fleksi.common.formats import day_text
from fleksi.org.models import Employee, Office
from fleksi.places.models import Desa
from fleksi.schedule.domain.planning import PlanMode, PlanSpec, month_bounds
from fleksi.schedule.models import Absence, WfaPlace, WfaRequest
from fleksi.schedule.services import PlanItemIn

SINGLE_DAYS = 6
PLAN_ITEMS = 5
WEEKDAYS = [
    ("0", _("Monday")),
    ("1", _("Tuesday")),
    ("2", _("Wednesday")),
    ("3", _("Thursday")),
    ("4", _("Friday")),
]
PLAN_ERRORS: dict[str, Any] = {
    "no_days": _("Choose at least one day."),
    "range_missing": _("Give the first and the last day."),
    "range_reversed": _("The last day is before the first day."),
    "range_too_long": _("A plan may cover at most 92 days."),
    "no_weekdays": _("Choose at least one weekday."),
    "bad_weekday": _("Unknown weekday."),
}
MONTH = re.compile(r"^(\d{4})-(\d{2})$")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class OfficesByKecamatan(forms.models.ModelChoiceIterator):
    """Offices grouped by the kecamatan they stand in (one ``<optgroup>`` each), so a
    142-office list is scanned by place, not scrolled."""

    def __iter__(self) -> Any:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        groups: dict[str, list[Any]] = {}
        for office in self.queryset:
            kecamatan = office.desa.kecamatan.name if office.desa_id else ""
            groups.setdefault(kecamatan, []).append(self.choice(office))
        for name in sorted(groups, key=lambda n: (n == "", n)):
            yield (name or str(_("Other")), groups[name])


class OfficeChoiceField(forms.ModelChoiceField):
    iterator = OfficesByKecamatan


class RequestForm(forms.Form):
    mode = forms.ChoiceField(
        label=_("Which days"),
        choices=[
            (PlanMode.DAYS.value, _("Single days")),
            (PlanMode.RANGE.value, _("A period (every working day)")),
            (PlanMode.WEEKLY.value, _("Every week on the same days")),
        ],
        initial=PlanMode.DAYS.value,
        widget=forms.RadioSelect,
    )
    start = forms.DateField(label=_("From"), required=False, widget=DateInput())
    end = forms.DateField(label=_("Until"), required=False, widget=DateInput())
    month = forms.CharField(
        label=_("or the whole month"),
        required=False,
        widget=forms.TextInput(attrs={"type": "month"}),
    )
    weekdays = forms.MultipleChoiceField(
        label=_("On these weekdays"),
        choices=WEEKDAYS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=WfaRequest.Kind.choices)
    location_type = forms.ChoiceField(
        label=_("Where"), choices=WfaRequest.Location.choices, widget=forms.RadioSelect
    )
    office = OfficeChoiceField(
        label=_("Office (grouped by kecamatan)"), queryset=Office.objects.none(), required=False
    )
    place = forms.ModelChoiceField(
        label=_("Approved place"), queryset=WfaPlace.objects.none(), required=False
    )
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    evidence = forms.FileField(
        label=_("Evidence (special circumstances: PDF, JPG or PNG, at most 5 MB)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )

    duty_letter_number = forms.CharField(
        label=_("Surat tugas: number"), required=False, max_length=100
    )
    duty_letter_date = forms.DateField(
        label=_("Surat tugas: date"), required=False, widget=DateInput()
    )
    duty_letter = forms.FileField(
        label=_(
            "Surat tugas: the signed file (PDF, JPG or PNG). Dinas luar without a surat tugas "
            "counts towards the weekly maximum."
        ),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )

    def __init__(self, *args: Any, employee: Employee, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for i in range(1, SINGLE_DAYS + 1):
            self.fields[f"day_{i}"] = forms.DateField(
                label=_("Day %(n)d") % {"n": i}, required=False, widget=DateInput()
            )
        for i in range(1, PLAN_ITEMS + 1):
            self.fields[f"plan_{i}_description"] = forms.CharField(
                label=_("Planned output"), required=False, max_length=255
            )
            self.fields[f"plan_{i}_quantity"] = forms.DecimalField(
                label=_("How many"),
                required=False,
                min_value=Decimal("0.01"),
                max_digits=8,
                decimal_places=2,
            )
            self.fields[f"plan_{i}_unit"] = forms.CharField(
                label=_("Unit of measure"), required=False, max_length=40
            )
            self.fields[f"plan_{i}_due"] = forms.DateField(
                label=_("By when"), required=False, widget=DateInput()
            )
        office_field = self.fields["office"]
        place_field = self.fields["place"]
        assert isinstance(office_field, forms.ModelChoiceField)
        assert isinstance(place_field, forms.ModelChoiceField)
        office_field.queryset = Office.objects.select_related("desa__kecamatan").order_by("name")
        place_field.queryset = WfaPlace.objects.filter(
            employee=employee, status=WfaPlace.Status.APPROVED
        ).order_by("name")
        domicile = employee.domicile.name if employee.domicile is not None else None
        location = self.fields["location_type"]
        assert isinstance(location, forms.ChoiceField)
        location.choices = [
            (
                value,
                (_("Home (%(desa)s)") % {"desa": domicile} if domicile else label)
                if value == WfaRequest.Location.HOME
                else label,
            )
            for value, label in WfaRequest.Location.choices
        ]
        location.initial = WfaRequest.Location.HOME
        # A hint where the browser has no month picker: next month, as YYYY-MM.
        today = timezone.localdate()
        following = date(today.year + today.month // 12, today.month % 12 + 1, 1)
        self.fields["month"].widget.attrs["placeholder"] = f"{following:%Y-%m}"

    def day_fields(self) -> list[forms.BoundField]:
        return [self[f"day_{i}"] for i in range(1, SINGLE_DAYS + 1)]

    def plan_rows(self) -> list[list[forms.BoundField]]:
        return [
            [self[f"plan_{i}_{part}"] for part in ("description", "quantity", "unit", "due")]
            for i in range(1, PLAN_ITEMS + 1)
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        month = (data.get("month") or "").strip()
        if month:
            match = MONTH.match(month)
            if match is None or not 1 <= int(match.group(2)) <= 12:
                self.add_error("month", _("Give the month as YYYY-MM."))
            else:
                first, last = month_bounds(int(match.group(1)), int(match.group(2)))
                data["start"], data["end"] = max(first, timezone.localdate()), last
        items: list[PlanItemIn] = []
        for i in range(1, PLAN_ITEMS + 1):
            parts = [data.get(f"plan_{i}_{p}") for p in ("description", "quantity", "unit", "due")]
            if not any(p not in (None, "") for p in parts):
                continue
            description, quantity, unit, due = parts
            if not description or quantity is None or not unit or due is None:
                self.add_error(
                    f"plan_{i}_description",
                    _("Give what, how many, the unit of measure and by when."),
                )
                continue
            items.append(PlanItemIn(str(description), Decimal(quantity), str(unit), due))
        data["plan"] = items
        return data

    def spec(self) -> PlanSpec:
        data = self.cleaned_data
        mode = PlanMode(data["mode"])
        days = tuple(
            d for i in range(1, SINGLE_DAYS + 1) if (d := data.get(f"day_{i}")) is not None
        )
        return PlanSpec(
            mode=mode,
            days=days,
            start=data.get("start"),
            end=data.get("end"),
            weekdays=frozenset(int(w) for w in data.get("weekdays") or ()),
        )


class DecisionForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("reject", _("Reject")), ("return", _("Return"))]
    )
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    days = forms.TypedMultipleChoiceField(
        required=False, coerce=date.fromisoformat, choices=(), empty_value=None
    )

    def __init__(self, *args: Any, days: list[date] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(d.isoformat(), d.isoformat()) for d in days or []]
        field = self.fields["days"]
        assert isinstance(field, forms.TypedMultipleChoiceField)
        field.choices = choices


class BulkForm(forms.Form):
    action = forms.ChoiceField(choices=[("approve", _("Approve")), ("reject", _("Reject"))])
    comment = forms.CharField(
        label=_("One comment for all"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def picks(self, raw: list[str]) -> dict[int, list[date]]:
        """``["12:2026-12-03", …]`` → {step id: [days]} (malformed values are ignored)."""
        out: dict[int, list[date]] = {}
        for value in raw[:500]:
            step, _sep, day = value.partition(":")
            try:
                out.setdefault(int(step), []).append(date.fromisoformat(day))
            except ValueError:
                continue
        return out


class RecallForm(forms.Form):
    days = forms.TypedMultipleChoiceField(
        label=_("Days to recall"),
        coerce=date.fromisoformat,
        choices=(),
        widget=forms.CheckboxSelectMultiple,
    )
    reason = forms.CharField(
        label=_("Why the service needs the person on site"),
        max_length=255,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, days: tuple[date, ...] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["days"]
        assert isinstance(field, forms.TypedMultipleChoiceField)
        field.choices = [(d.isoformat(), day_text(d)) for d in days]


class DesaChoiceField(forms.ModelChoiceField[Desa]):
    def label_from_instance(self, obj: Desa) -> str:
        return f"{obj.kecamatan.name} · {obj.name}"


class PlaceForm(forms.Form):
    name = forms.CharField(label=_("Name of the place"), max_length=120)
    address = forms.CharField(label=_("Address"), max_length=255)
    desa = DesaChoiceField(label=_("Desa/kelurahan"), queryset=Desa.objects.none())
    reason = forms.CharField(label=_("Why this place"), max_length=255)
    latitude = forms.FloatField(label=_("Latitude"), required=False)
    longitude = forms.FloatField(label=_("Longitude"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["desa"]
        assert isinstance(field, forms.ModelChoiceField)
        desa: QuerySet[Desa] = Desa.objects.select_related("kecamatan").order_by(
            "kecamatan__name", "name"
        )
        field.queryset = desa


class PlaceDecisionForm(forms.Form):
    action = forms.ChoiceField(choices=[("approve", _("Approve")), ("reject", _("Refuse"))])
    comment = forms.CharField(label=_("Comment"), required=False, max_length=255)


class AbsenceForm(forms.Form):
    nip = forms.CharField(label=_("NIP"), max_length=18)
    kind = forms.ChoiceField(label=_("Kind"), choices=Absence.Kind.choices)
    start = forms.DateField(label=_("From"), widget=DateInput())
    end = forms.DateField(label=_("Until"), widget=DateInput())
    note = forms.CharField(label=_("Note"), required=False, max_length=255)
