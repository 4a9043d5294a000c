from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from fleksi.accounts.models import ASSIGNABLE_ROLES, TokenScope
from fleksi.org.models import Unit


def compact_nip(value: str) -> str:
    """People copy NIPs with spaces ("19850312 201001 1 002"): accept that."""
    value = value.strip()
    compact = value.replace(" ", "")
    return compact if compact.isdigit() else value


class SignInForm(AuthenticationForm):
    username = forms.CharField(
        label=_("NIP or username"),
        max_length=150,
        widget=forms.TextInput(
            attrs={
                "autofocus": True,
                "autocomplete": "username",
                "autocapitalize": "none",
                "inputmode": "text",
            }
        ),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _(
            "The NIP/username or password is wrong. After several failures, sign-in is "
            "blocked for a while."
        ),
        "inactive": _("This account is not active."),
    }

    def clean_username(self) -> str:
        return compact_nip(self.cleaned_data["username"])


class PasswordLinkForm(forms.Form):
    username = forms.CharField(
        label=_("NIP or username"),
        max_length=150,
        widget=forms.TextInput(
            attrs={"autofocus": True, "autocomplete": "username", "autocapitalize": "none"}
        ),
    )

    def clean_username(self) -> str:
        return compact_nip(self.cleaned_data["username"])


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=100,
        help_text=_("For example the name of the script or system using it."),
    )
    scope = forms.ChoiceField(
        label=_("May do"),
        choices=TokenScope.choices,
        initial="read",
    )
    days = forms.IntegerField(label=_("Valid for (days)"), min_value=1, max_value=365, initial=90)


def _code_field() -> forms.CharField:
    return forms.CharField(
        label=_("Code from the authenticator app (or a recovery code)"),
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autocapitalize": "none"}
        ),
    )


class CodeForm(forms.Form):
    code = _code_field()


class ReauthForm(forms.Form):
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "autofocus": True}),
    )

    def __init__(self, *args: Any, with_code: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if with_code:
            self.fields["code"] = _code_field()


def _role_choices() -> list[tuple[str, str]]:
    return [(r.value, str(r.label)) for r in ASSIGNABLE_ROLES]


class RoleAssignForm(forms.Form):
    account = forms.CharField(
        label=_("NIP or username"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocapitalize": "none", "autocomplete": "off"}),
    )
    role = forms.ChoiceField(label=_("Role"), choices=_role_choices)
    unit: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Unit"),
        queryset=None,
        required=False,
        help_text=_("Only for a service-unit manager or a unit personnel administrator."),
    )
    reason = forms.CharField(
        label=_("Basis"),
        max_length=300,
        help_text=_("For example the number of the decree (SK) or memo."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        unit_field = self.fields["unit"]
        assert isinstance(unit_field, forms.ModelChoiceField)
        unit_field.queryset = Unit.objects.order_by("path")


class RoleRevokeForm(forms.Form):
    reason = forms.CharField(label=_("Basis"), max_length=300)


class RoleHistoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Name, NIP or username"), required=False, max_length=150)
    role = forms.ChoiceField(
        label=_("Role"), required=False, choices=lambda: [("", "—"), *_role_choices()]
    )
    held_on = forms.DateField(
        label=_("Held on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
