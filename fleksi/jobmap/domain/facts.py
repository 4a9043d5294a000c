"""What other capabilities need to know about the duty mapping of a person on a day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

EXCEPTION_KINDS = ("special_circumstances", "duty_in_public_service", "other")
OVERRIDE_CLASSES = ("capable", "partly")


@dataclass(frozen=True)
class ExceptionFacts:
    """A per-employee exception in force on a day.

    ``override_class`` replaces the class of the employee's position (``None``: the
    position's class stands); ``waives_unit`` lifts the exclusion of public-service units;
    ``until`` is the last day the exception applies (included).
    """

    override_class: str | None
    waives_unit: bool
    until: date
    reason: str
    kind: str
