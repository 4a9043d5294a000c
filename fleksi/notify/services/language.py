"""The language notifications are written in, and rendering a translatable message in it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.functional import Promise

from fleksi.accounts.models import User


def notification_language(user: User) -> str:
    """The language a user's notifications are written in.

    The language the person chose in the interface (saved on the account), else the site's
    language, Bahasa Indonesia.
    """
    return str(user.language or settings.LANGUAGE_CODE)


def render_message(
    message: str | Promise, *, language: str, params: Mapping[str, Any] | None = None
) -> str:
    """``message`` (usually a ``gettext_lazy`` string) in ``language``, with ``%(name)s``
    placeholders filled from ``params`` (lazy values are rendered in that language too)."""
    with translation.override(language):
        text = str(message)
        if params:
            text = text % {k: str(v) if isinstance(v, Promise) else v for k, v in params.items()}
        return text
