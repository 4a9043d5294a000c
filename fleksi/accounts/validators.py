"""A password validator for what Django's lists do not know here: the NIP (which is the
username and starts with the birth date), the birth date written as people write it, and
Indonesian words that leaked-password lists show over and over with digits around them
("rahasia123", "Bismillah!", "Kukar2026")."""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Compared with the password's letters alone, lower-cased ("Rahasia-2026!" -> "rahasia").
LOCAL_WORDS = frozenset(
    {
        "rahasia",
        "katasandi",
        "sandi",
        "bismillah",
        "alhamdulillah",
        "indonesia",
        "merdeka",
        "sayang",
        "cinta",
        "kucing",
        "garuda",
        "pancasila",
        "asn",
        "pns",
        "pppk",
        "bkpsdm",
        "pemda",
        "pemkab",
        "kabupaten",
        "fleksi",
        "kukar",
        "kutaikartanegara",
        "tenggarong",
        "samarinda",
        "admin",
        "administrator",
        "rahasianegara",
        "qwerty",
        "asdf",
        "password",
    }
)


class LocalPasswordValidator:
    def validate(self, password: str, user: Any = None) -> None:
        letters = re.sub(r"[^a-z]", "", password.lower())
        if letters in LOCAL_WORDS:
            raise ValidationError(
                _("This password is a common word with digits or symbols around it."),
                code="password_local_word",
            )
        digits = re.sub(r"\D", "", password)
        for part in _personal_numbers(user):
            if part and part in digits:
                raise ValidationError(
                    _("This password contains your NIP or your birth date."),
                    code="password_personal_number",
                )

    def get_help_text(self) -> str:
        return _("Your password cannot contain your NIP or birth date, or be a common word.")


def _personal_numbers(user: Any) -> list[str]:
    numbers = []
    username = getattr(user, "username", "") or ""
    if username.isdigit() and len(username) >= 8:
        numbers += [username, username[:8]]  # the NIP starts with the birth date
    employee = getattr(user, "employee", None) if getattr(user, "employee_id", None) else None
    birth = getattr(employee, "birth_date", None)
    if birth is not None:
        numbers += [f"{birth:%d%m%Y}", f"{birth:%Y%m%d}", f"{birth:%d%m%y}"]
    return numbers
