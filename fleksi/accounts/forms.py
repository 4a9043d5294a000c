from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


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
        # People copy NIPs with spaces ("19850312 201001 1 002"): accept that.
        value: str = self.cleaned_data["username"].strip()
        compact = value.replace(" ", "")
        return compact if compact.isdigit() else value


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=100,
        help_text=_("For example the name of the script or system using it."),
    )
    days = forms.IntegerField(label=_("Valid for (days)"), min_value=1, max_value=365, initial=90)
