"""Dates inside sentences, in the reader's language ("9 Desember 2026", never "2026-12-09")."""

from __future__ import annotations

from datetime import date

from django.utils.formats import date_format
from django.utils.functional import Promise, lazy


def day_text(day: date) -> str:
    """``day`` as words in the active language: "9 Desember 2026" / "9 December 2026"."""
    return date_format(day, "j F Y")


_lazy_day_text = lazy(day_text, str)


def lazy_day_text(day: date) -> Promise:
    """:func:`day_text` rendered when shown, in the reader's language (for messages written
    once and rendered for several readers, such as notifications)."""
    return _lazy_day_text(day)  # type: ignore[return-value]
