"""Filters of the places pages: levels, bands and shares in words."""

from __future__ import annotations

from django import template

from fleksi.common.formats import number_text
from fleksi.places.messages import SOURCE_LABELS, band_label, level_label

register = template.Library()


@register.filter
def level(value: str | None) -> str:
    return level_label(value)


@register.filter
def band(value: str) -> str:
    return band_label(value)


@register.filter
def level_source(value: str) -> str:
    return str(SOURCE_LABELS.get(value, value))


# A missing object (no evidence yet) reaches the filters as "" from the template engine.
type Number = float | int | str | None


@register.filter
def pct(value: Number) -> str:
    """A share 0–1 as a whole percentage ("—" when there is none)."""
    return "—" if value is None or value == "" else f"{number_text(float(value) * 100)} %"


@register.filter
def score(value: Number) -> str:
    return "—" if value is None or value == "" else number_text(float(value))


@register.filter
def number(value: Number, digits: int = 0) -> str:
    if value is None or value == "":
        return "—"
    return number_text(float(value), digits)
