"""People's words for the roster: progress, the rules a cell edit would break, why a
preference was not met, and why a month cannot be rostered."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

PROGRESS: Mapping[str, Any] = {
    "queued": gettext_lazy("Waiting for a worker"),
    "collecting": gettext_lazy("Collecting the facts"),
    "solving": gettext_lazy("Solving (time limit %(n)s s)"),
    "saving": gettext_lazy("Saving"),
    "done": gettext_lazy("Done"),
    "failed": gettext_lazy("Failed"),
}

PREFERENCE_REASONS: Mapping[str, Any] = {
    "care": gettext_lazy("caring for family"),
    "health": gettext_lazy("health"),
    "commute": gettext_lazy("long commute"),
    "other": gettext_lazy("other reason"),
    "": gettext_lazy("no reason given"),
}
# An unmet preference of someone whose reasons the reader may not see (health is one).
PREFERENCE_REASON_WITHHELD = gettext_lazy("reason not shown")

RULE_NAMES: Mapping[str, Any] = {
    "fixed": gettext_lazy("Decided before"),
    "absent": gettext_lazy("Absence"),
    "placement": gettext_lazy("Placement"),
    "not_allowed": gettext_lazy("Eligibility and place"),
    "blackout": gettext_lazy("Day without WFA"),
    "weekly_cap": gettext_lazy("Maximum per week"),
    "daily_quota": gettext_lazy("Unit quota off-site"),
    "min_onsite": gettext_lazy("Minimum on site"),
    "min_wfa": gettext_lazy("Minimum WFA days"),
    "fair_share": gettext_lazy("Fair share"),
    "trade_off": gettext_lazy("Trade-off"),
}


def progress_text(step: str, time_limit_s: int) -> str:
    text = PROGRESS.get(step)
    if text is None:
        return step
    return str(text) % {"n": time_limit_s} if step == "solving" else str(text)


def day_text(day: date | str | None) -> str:
    if day is None or day == "":
        return ""
    if isinstance(day, str):
        day = date.fromisoformat(day)
    return formats.date_format(day, "D j F Y")


def group_text(group: str, units: Mapping[int, str]) -> str:
    """``unit:12`` → the unit's name; ``unit:12/role:counter`` → "name (counter)"."""
    unit_part, _sep, role_part = group.partition("/")
    unit_id = unit_part.removeprefix("unit:")
    name = units.get(int(unit_id), group) if unit_id.isdigit() else group
    role = role_part.removeprefix("role:")
    return f"{name} ({role})" if role else str(name)


def violation_text(rule: str, detail: str, weekly_cap: int, units: Mapping[int, str]) -> str:
    """Why a cell cannot be changed (a rule of ``evaluate.violations``)."""
    if rule == "weekly_cap":
        week = detail.rpartition(": ")[0].strip("() ").replace(", ", "-W")
        return _("The weekly maximum of %(n)d WFA days would be exceeded (week %(week)s).") % {
            "n": weekly_cap,
            "week": week,
        }
    if rule == "daily_quota":
        found, _gt, quota = detail.partition(" > ")
        return _(
            "The unit's quota off site would be exceeded: %(n)s people off site, the quota is "
            "%(quota)s."
        ) % {"n": found, "quota": quota}
    if rule == "min_onsite":
        group = detail.rpartition(": ")[0]
        return _("%(group)s would have fewer people on site than its minimum.") % {
            "group": group_text(group, units)
        }
    if rule == "min_wfa":
        held, _lt, owed = detail.partition(" < ")
        return _(
            "The employee would have %(held)s WFA days this month, fewer than the %(owed)s the "
            "policy's minimum gives them."
        ) % {"held": held, "owed": owed}
    texts = {
        "not_allowed": _(
            "The employee may not use WFA on this day (eligibility, or the place's connectivity)."
        ),
        "blackout": _("The policy allows no WFA on this day."),
        "fixed": _("This day was decided before the roster."),
        "absent": _("Only a recorded absence makes a day absent."),
    }
    return texts.get(rule, rule)


def unmet_reason_text(rule: str, subject: str, units: Mapping[int, str]) -> str:
    """Why a wish was not granted, or an unwanted day was rostered, in plain words."""
    if rule == "weekly_cap":
        return _("the week %(week)s already has the maximum of WFA days") % {"week": subject}
    if rule == "min_onsite":
        return _("%(group)s needs its minimum on site") % {"group": group_text(subject, units)}
    texts = {
        "fixed": _("the day was decided before (a request or an absence)"),
        "blackout": _("the policy allows no WFA on that day"),
        "not_allowed": _("WFA is not allowed for the employee on that day"),
        "daily_quota": _("the unit's quota off site was full that day"),
        "fair_share": _(
            "the employee already has as many WFA days as comparable colleagues (over the "
            "last months)"
        ),
        "trade_off": _(
            "other goals weighed more: fairness, a steady weekly pattern, colleagues' wishes"
        ),
    }
    return texts.get(rule, rule)


def explanation_text(
    x: Mapping[str, Any], units: Mapping[int, str], people: Mapping[int, str]
) -> str:
    """One explanation of an impossible (or strained) month: days, rule, group, numbers."""
    values = {
        "day": day_text(x.get("day")),
        "needed": x.get("needed"),
        "available": x.get("available"),
    }
    if x.get("rule") == "min_onsite":
        values["group"] = group_text(str(x.get("subject", "")), units)
        return (
            _(
                "%(day)s — minimum on site: %(group)s needs %(needed)s on site, but only "
                "%(available)s of its people are available (the others are absent or already "
                "have approved WFA)."
            )
            % values
        )
    if x.get("rule") == "daily_quota":
        return (
            _(
                "%(day)s — unit quota: %(available)s people already have WFA decided, above "
                "the quota of %(needed)s."
            )
            % values
        )
    if x.get("rule") == "weekly_cap":
        subject = str(x.get("subject", ""))
        emp = subject.removeprefix("employee:")
        values["person"] = people.get(int(emp), subject) if emp.isdigit() else subject
        return (
            _(
                "Week of %(day)s — maximum per week: %(person)s already has %(available)s WFA "
                "days decided, above the maximum of %(needed)s."
            )
            % values
        )
    if x.get("rule") == "min_wfa":
        subject = str(x.get("subject", ""))
        emp = subject.removeprefix("employee:")
        if not emp.isdigit():
            return (
                _(
                    "Minimum WFA days — the unit owes %(needed)s WFA days in all this month, but "
                    "the quota off site and the minimums on site leave room for only "
                    "%(available)s."
                )
                % values
            )
        values["person"] = people.get(int(emp), _("an employee"))
        if not x.get("blocking", True):
            return (
                _(
                    "Minimum WFA days — %(person)s is owed %(available)s of the %(needed)s WFA "
                    "days of the minimum: their own leave, eligible days or the weekly maximum "
                    "leave no more."
                )
                % values
            )
        return (
            _(
                "Minimum WFA days — %(person)s is owed %(needed)s WFA days this month, but the "
                "quota off site and the minimums on site leave room for only %(available)s."
            )
            % values
        )
    return str(x.get("rule", ""))


def peer_group_text(group: str, units: Mapping[int, str]) -> str:
    """A peer group of fairness in words: the groups with a minimum its people share."""
    if group in ("", "*"):
        return str(_("colleagues without a minimum on site"))
    return ", ".join(group_text(g, units) for g in group.split("|"))
