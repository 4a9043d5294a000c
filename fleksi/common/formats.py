"""Dates and numbers as people read them, in the reader's language.

Dates inside sentences: "9 Desember 2026", never "2026-12-09". Numbers: Indonesian writes
12,5 and 1.234 (comma for decimals, dot for thousands), English 12.5 and 1,234. Every number
that Python code turns into text for a person (a page, a chart, a PDF, a message) goes through
:func:`number_text` or :func:`figure_text`; templates use ``intcomma`` and ``floatformat``,
which rest on the same Django localisation. ``USE_THOUSAND_SEPARATOR`` stays off: it would
also group the ids, years and coordinates that templates print into links, forms and SVG.
Spreadsheet cells stay numbers (``fleksi.common.domain.tables`` gives them a number format).
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.utils.formats import date_format, number_format
from django.utils.functional import Promise, lazy


def day_text(day: date) -> str:
    """``day`` as words in the active language: "9 Desember 2026" / "9 December 2026"."""
    return date_format(day, "j F Y")


_lazy_day_text = lazy(day_text, str)


def lazy_day_text(day: date) -> Promise:
    """:func:`day_text` rendered when shown, in the reader's language (for messages written
    once and rendered for several readers, such as notifications)."""
    return _lazy_day_text(day)  # type: ignore[return-value]


def month_text(day: date) -> str:
    """The month of ``day`` as words in the active language: "Desember 2026"."""
    return date_format(day, "F Y")


_lazy_month_text = lazy(month_text, str)


def lazy_month_text(day: date) -> Promise:
    """:func:`month_text` rendered when shown, in the reader's language."""
    return _lazy_month_text(day)  # type: ignore[return-value]


type Number = int | float | Decimal | Fraction


def number_text(value: Number, decimals: int = 0) -> str:
    """``value`` with ``decimals`` decimals and thousands grouped, in the active language:
    "1.234,5" in Indonesian, "1,234.5" in English."""
    exact = Decimal(str(float(value))) if isinstance(value, Fraction | float) else Decimal(value)
    # Rounded half up here: Django's number_format cuts the extra decimals off (12.46 -> 12.4).
    rounded = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return number_format(rounded, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def figure_text(value: Number, unit: str = "") -> str:
    """A figure as pages, charts and reports print it: no decimals from 100 on (or when
    whole), one below; ``%`` and ``‰`` attached, another unit after a space."""
    tenths = Decimal(str(float(value))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    text = number_text(tenths, 0 if abs(tenths) >= 100 or tenths == tenths.to_integral() else 1)
    return f"{text}{unit}" if unit in ("%", "‰") else (f"{text} {unit}" if unit else text)
