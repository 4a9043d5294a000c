"""The kinds of notification: a short code, a label for people, and whether e-mail is on by
default.

Notify registers the kinds of the WFA request workflow and a generic ``system`` kind below.
Another app registers its own kinds from its ``AppConfig.ready()``, without editing notify::

    # fleksi/outputs/apps.py
    class OutputsConfig(AppConfig):
        name = "fleksi.outputs"

        def ready(self) -> None:
            from fleksi.notify.kinds import register_kind

            register_kind("output.rejected", _("Output rejected"), default_email=True)

Codes are ``<area>.<event>`` in lower case. Registering the same code twice with the same
values is harmless (``ready()`` may run more than once in tests); a different label or
default for a known code is a programming error and raises :class:`ValueError`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

CODE_PATTERN = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$")
CODE_MAX_LENGTH = 64

REQUEST_SUBMITTED = "request.submitted"
REQUEST_APPROVED = "request.approved"
REQUEST_REJECTED = "request.rejected"
REQUEST_RETURNED = "request.returned"
REQUEST_RECALLED = "request.recalled"
REQUEST_ESCALATED = "request.escalated"
REQUEST_CANCELLED = "request.cancelled"
SYSTEM = "system"


@dataclass(frozen=True)
class Kind:
    code: str
    label: str | Promise
    default_email: bool


_REGISTRY: dict[str, Kind] = {}


class UnknownKind(LookupError):
    """A notification kind that no app registered."""


def register_kind(code: str, label: str | Promise, *, default_email: bool) -> Kind:
    """Make a kind known (see the module documentation). Returns the registered kind."""
    if not CODE_PATTERN.match(code) or len(code) > CODE_MAX_LENGTH:
        raise ValueError(f"invalid notification kind code: {code!r}")
    kind = Kind(code=code, label=label, default_email=default_email)
    known = _REGISTRY.get(code)
    if known is not None:
        if known != kind:
            raise ValueError(f"notification kind {code!r} is already registered differently")
        return known
    _REGISTRY[code] = kind
    return kind


def get_kind(code: str) -> Kind:
    try:
        return _REGISTRY[code]
    except KeyError:
        raise UnknownKind(code) from None


def all_kinds() -> list[Kind]:
    """Every registered kind, in the order of registration."""
    return list(_REGISTRY.values())


# The WFA request workflow. E-mail is on by default for every kind that asks the recipient to
# act or tells them the outcome; a cancelled request needs no action.
register_kind(REQUEST_SUBMITTED, _("A WFA request awaits your approval"), default_email=True)
register_kind(REQUEST_APPROVED, _("Your WFA request was approved"), default_email=True)
register_kind(REQUEST_REJECTED, _("Your WFA request was rejected"), default_email=True)
register_kind(REQUEST_RETURNED, _("Your WFA request was returned for changes"), default_email=True)
register_kind(REQUEST_RECALLED, _("A WFA request was recalled"), default_email=True)
register_kind(REQUEST_ESCALATED, _("A WFA request was escalated to you"), default_email=True)
register_kind(REQUEST_CANCELLED, _("A WFA request was cancelled"), default_email=False)
register_kind(SYSTEM, _("Messages from Fleksi"), default_email=False)
