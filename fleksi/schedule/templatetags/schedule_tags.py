"""Small presentation helpers of the schedule pages."""

from __future__ import annotations

from django import template

register = template.Library()

STATUS_CLASSES = {
    "approved": "ok",
    "allowed": "ok",
    "pending": "warn",
    "partly": "warn",
    "returned": "warn",
    "proposed": "warn",
    "allowed_with_warnings": "warn",
    "refused": "bad",
    "rejected": "bad",
    "recalled": "bad",
}


@register.filter
def status_class(status: str) -> str:
    """The badge class for a status (ok, warn, bad or none)."""
    return STATUS_CLASSES.get(str(status), "")


@register.filter
def iso(day: object) -> str:
    return day.isoformat() if hasattr(day, "isoformat") else ""
