"""Quarters as the evaluation reports them (pure); months are ``fleksi.common.domain.months``."""

from __future__ import annotations

from datetime import date

from fleksi.common.domain.months import add_months, month_end


def quarter_of(day: date) -> tuple[date, date]:
    """The first and last day of the quarter holding ``day``."""
    first = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return first, month_end(add_months(first, 2))
