"""People's words for the request-level rules (see ``fleksi.policy.domain.requests``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

from fleksi.policy.domain.engine import TraceEntry


def request_message(entry: TraceEntry, label: Callable[[Any], str]) -> str | None:
    """The text of a request-rule result, or ``None`` if the code is not a request rule."""
    o, lim, d = label(entry.observed), label(entry.limit), entry.details
    day = label(entry.observed) if entry.rule in ("working_day", "blackout") else ""
    unit = str(d.get("unit", ""))
    role = str(d.get("role", "") or "")
    where = f"{unit} ({role})" if role else unit
    texts: dict[str, Callable[[], str]] = {
        "working_day.pass": lambda: _("%(day)s is a working day.") % {"day": day},
        "working_day.fail": lambda: (
            _("%(day)s is not a working day (%(holiday)s).")
            % {"day": day, "holiday": d.get("holiday") or _("weekend")}
        ),
        "blackout.pass": lambda: _("%(day)s is not a day without WFA.") % {"day": day},
        "blackout.fail": lambda: _("%(day)s is a day without WFA in the policy.") % {"day": day},
        "lead_time.pass": lambda: (
            _("Asked %(o)s working days ahead (at least %(lim)s).") % {"o": o, "lim": lim}
        ),
        "lead_time.fail": lambda: (
            _("Requests need %(lim)s working days of notice; this one gives %(o)s.")
            % {"o": o, "lim": lim}
        ),
        "lead_time.exempt": lambda: _("Special circumstances need no notice period."),
        "eligibility.pass": lambda: _("The employee may use WFA on this day."),
        "eligibility.fail": lambda: (
            _("The employee may not use WFA on this day: %(rules)s.")
            % {"rules": ", ".join(str(r) for r in d.get("rules", [])) or "—"}
        ),
        "weekly_cap.pass": lambda: (
            _("WFA day %(o)s of at most %(lim)s in that week.") % {"o": o, "lim": lim}
        ),
        "weekly_cap.fail": lambda: (
            _("This would be WFA day %(o)s in that week; the maximum is %(lim)s.")
            % {"o": o, "lim": lim}
        ),
        "weekly_cap.no_letter": lambda: (
            _(
                "Dinas luar without a surat tugas counts towards the weekly maximum: this would "
                "be WFA day %(o)s in that week; the maximum is %(lim)s. Give the number, date "
                "and file of the surat tugas."
            )
            % {"o": o, "lim": lim}
        ),
        "weekly_cap.exempt": lambda: _("This kind of request is not limited per week."),
        "unit_share.pass": lambda: (
            _("%(unit)s: %(o)s off-site of at most %(lim)s.") % {"unit": unit, "o": o, "lim": lim}
        ),
        "unit_share.fail": lambda: (
            _("%(unit)s: only %(lim)s people may be off-site on this day; it would be %(o)s.")
            % {"unit": unit, "o": o, "lim": lim}
        ),
        "unit_share.none": lambda: _("No off-site quota applies."),
        "min_onsite.pass": lambda: (
            _("%(unit)s keeps %(o)s on site (minimum %(lim)s).")
            % {"unit": where, "o": o, "lim": lim}
        ),
        "min_onsite.fail": lambda: (
            _("%(unit)s needs at least %(lim)s on site; only %(o)s would be left.")
            % {"unit": where, "o": o, "lim": lim}
        ),
        "min_onsite.none": lambda: _("No minimum on site applies."),
        "location_type.pass": lambda: _("The place (%(o)s) is allowed.") % {"o": o},
        "location_type.fail": lambda: (
            _("The place (%(o)s) is not allowed; allowed: %(lim)s.") % {"o": o, "lim": lim}
        ),
        "unreported_outputs.pass": lambda: (
            _("%(o)s past WFA days without an output report (at most %(lim)s).")
            % {"o": o, "lim": lim}
        ),
        "unreported_outputs.fail": lambda: (
            _(
                "%(o)s past WFA days are still without an output report; new WFA days need "
                "at most %(lim)s. Report those outputs first (a late report counts)."
            )
            % {"o": o, "lim": lim}
        ),
        "unreported_outputs.off": lambda: _("Unreported WFA days are not counted here."),
        "published_roster.pass": lambda: _("The published roster plans WFA on this day."),
        "published_roster.fail": lambda: _(
            "The published roster of your unit plans you on site that day; ask your head of "
            "unit to change the roster."
        ),
        "published_roster.none": lambda: _("No published roster plans this day."),
        "published_roster.exempt": lambda: _(
            "A roster plans regular WFA only; this kind of request is not bound by it."
        ),
    }
    text = texts.get(entry.code)
    return text() if text is not None else None
