"""Labels and badges of the duty mapping for templates."""

from __future__ import annotations

from django import template

from fleksi.jobmap.messages import PROGRESS_LABELS, class_label, criterion_label

register = template.Library()

BADGES = {"capable": "ok", "partly": "warn", "onsite": "bad", "unassessed": ""}
STATUS_BADGES = {"approved": "ok", "proposed": "warn", "returned": "bad"}


@register.filter
def wfa_class(code: str) -> str:
    return class_label(code)


@register.filter
def wfa_class_badge(code: str) -> str:
    return BADGES.get(code, "")


@register.filter
def progress_label(code: str) -> str:
    return str(PROGRESS_LABELS.get(code, code))


@register.filter
def status_badge(code: str) -> str:
    return STATUS_BADGES.get(code, "")


@register.filter
def criterion(code: str) -> str:
    return criterion_label(code)


@register.filter
def answer_label(value: bool | None) -> str:
    from django.utils.translation import gettext as _

    if value is None:
        return "—"
    return _("Yes") if value else _("No")


@register.filter
def as_percent(share: float) -> str:
    """0.75 → "75 %" (a share of the policy as people read it)."""
    value = round(float(share) * 100, 2)
    return f"{value:g} %"


@register.filter
def get_answer(
    answers: dict[str, tuple[bool | None, str]], code: str
) -> tuple[bool | None, str] | None:
    return answers.get(code)
