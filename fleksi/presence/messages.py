"""People's words for presence: modes, slots, and the text of every check-in rule result in
the active language. Stored traces keep both languages, as every decision of the engine does
(``fleksi.policy.messages``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import nullcontext
from datetime import datetime, time
from typing import Any

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from fleksi.common.formats import number_text
from fleksi.common.importing.messages import Catalogue
from fleksi.policy.domain.engine import Decision, TraceEntry
from fleksi.presence.domain.rules import classify

RULE_LABELS: Mapping[str, Any] = {
    "policy_in_force": gettext_lazy("Policy in force"),
    "assignment": gettext_lazy("Reason to be there"),
    "geofence": gettext_lazy("Office geofence"),
    "wfa_location": gettext_lazy("Approved WFA place"),
    "late_arrival": gettext_lazy("Arrival time"),
    "early_departure": gettext_lazy("Departure time"),
    "accuracy": gettext_lazy("Position accuracy"),
    "travel_speed": gettext_lazy("Travel speed"),
    "clock_skew": gettext_lazy("Device clock"),
    "sync": gettext_lazy("Sending"),
    "time_proof": gettext_lazy("Time evidence"),
}

SLOT_LABELS: Mapping[str, Any] = {
    "arrival": gettext_lazy("Arrival"),
    "break_out": gettext_lazy("Break (out)"),
    "break_in": gettext_lazy("Back from the break"),
    "departure": gettext_lazy("Departure"),
}


def clock(value: Any) -> str:
    """A time of day as HH:MM (stored traces keep "HH:MM" strings)."""
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return str(value)[:5] if value is not None else "—"


def _absence_label(kind: Any) -> str:
    return str(
        {"leave": _("leave"), "sick": _("sick leave"), "official_travel": _("official travel")}.get(
            str(kind), str(kind)
        )
    )


def _location_label(kind: Any) -> str:
    return str(
        {
            "home": _("home"),
            "office": _("another office of the agency"),
            "approved_place": _("a place approved beforehand"),
        }.get(str(kind), str(kind))
    )


def _hhmm(value: Any) -> str:
    """An ISO time stamp from a trace as the local HH:MM."""
    if not value:
        return "—"
    try:
        return clock(timezone.localtime(datetime.fromisoformat(str(value))).time())
    except ValueError:
        return "—"


def _texts(e: TraceEntry) -> dict[str, Callable[[], str]]:
    d = e.details
    place = str(d.get("place", ""))
    o, lim = e.observed, e.limit
    metres = number_text(float(o)) if isinstance(o, int | float) else "—"
    no_position = _(
        "No position was received: the check-in is kept and flagged for your supervisor."
    )
    return {
        "policy_in_force.pass": lambda: _("A policy version is in force."),
        "policy_in_force.none": lambda: _(
            "No policy version is in force on this day: the defaults were used."
        ),
        "assignment.office": lambda: _("Your unit has an office to check in at."),
        "assignment.no_office": lambda: _(
            "No office with a position is recorded for your unit: the check-in is kept and flagged."
        ),
        "assignment.wfa_day": lambda: (
            _("An approved WFA day (%(place)s).") % {"place": _location_label(o)}
        ),
        "assignment.no_wfa_day": lambda: _(
            "No approved WFA day for this date: the check-in is kept and flagged for your "
            "supervisor."
        ),
        "assignment.duty": lambda: _("Official duty outside the office is on record."),
        "assignment.no_duty": lambda: _(
            "No official duty is on record for this day: the check-in is kept and flagged."
        ),
        "assignment.absence": lambda: (
            _("Your %(what)s is on record for this day.") % {"what": _absence_label(o)}
        ),
        "assignment.no_absence": lambda: (
            _("No %(what)s is recorded for this day: ask the personnel staff to record it.")
            % {"what": _absence_label(o)}
        ),
        "geofence.pass": lambda: (
            _("Inside the geofence of %(place)s: %(m)s m from it (radius %(lim)s m).")
            % {"place": place, "m": metres, "lim": lim}
        ),
        "geofence.fail": lambda: (
            _(
                "Outside the geofence of %(place)s: %(m)s m from it, the radius is %(lim)s m. "
                "The check-in is kept and flagged."
            )
            % {"place": place, "m": metres, "lim": lim}
        ),
        "geofence.no_position": lambda: no_position,
        "geofence.no_office": lambda: _(
            "No office with a position is recorded for your unit: the geofence cannot be checked."
        ),
        "geofence.manual": lambda: _("Recorded by hand: no position."),
        "geofence.reader": lambda: _("Recorded by an office attendance reader: no position."),
        "geofence.not_onsite": lambda: _("Not on site: no office geofence."),
        "wfa_location.pass": lambda: (
            _("Within %(lim)s m of %(place)s (%(m)s m).")
            % {"place": place, "m": metres, "lim": lim}
        ),
        "wfa_location.fail": lambda: (
            _(
                "%(m)s m from %(place)s, beyond the %(lim)s m allowed. The check-in is kept and "
                "flagged."
            )
            % {"place": place, "m": metres, "lim": lim}
        ),
        "wfa_location.no_position": lambda: no_position,
        "wfa_location.no_place": lambda: _(
            "No approved place is recorded for this day: the place cannot be checked."
        ),
        "wfa_location.manual": lambda: _("Recorded by hand: no position."),
        "wfa_location.reader": lambda: _("Recorded by an office attendance reader: no position."),
        "wfa_location.not_wfa": lambda: _("Not a WFA check-in."),
        "late_arrival.pass": lambda: (
            _("Arrived at %(o)s (work starts at %(lim)s).") % {"o": clock(o), "lim": clock(lim)}
        ),
        "late_arrival.fail": lambda: (
            _("Arrived at %(o)s: %(m)s minutes after the start of work (%(lim)s).")
            % {"o": clock(o), "lim": clock(lim), "m": d.get("minutes", 0)}
        ),
        "late_arrival.not_arrival": lambda: _("Not the arrival: no start time applies."),
        "late_arrival.absent": lambda: _("An absence: no working hours apply."),
        "late_arrival.not_working_day": lambda: _("Not a working day: no working hours apply."),
        "early_departure.pass": lambda: (
            _("Left at %(o)s (work ends at %(lim)s).") % {"o": clock(o), "lim": clock(lim)}
        ),
        "early_departure.fail": lambda: (
            _("Left at %(o)s: %(m)s minutes before the end of work (%(lim)s).")
            % {"o": clock(o), "lim": clock(lim), "m": d.get("minutes", 0)}
        ),
        "early_departure.not_departure": lambda: _("Not the departure: no end time applies."),
        "early_departure.absent": lambda: _("An absence: no working hours apply."),
        "early_departure.not_working_day": lambda: _("Not a working day: no working hours apply."),
        "accuracy.pass": lambda: (
            _("Position accurate to %(o)s m (flagged above %(lim)s m).") % {"o": o, "lim": lim}
        ),
        "accuracy.poor": lambda: (
            _("The position is accurate only to %(o)s m (more than %(lim)s m): flagged.")
            % {"o": o, "lim": lim}
        ),
        "accuracy.none": lambda: _("No accuracy to check."),
        "travel_speed.pass": lambda: (
            _("%(km)s km from the previous check-in in %(min)s minutes.")
            % {"km": d.get("distance_km"), "min": d.get("minutes")}
        ),
        "travel_speed.fast": lambda: (
            _(
                "%(km)s km from the previous check-in in %(min)s minutes: about %(o)s km/h, more "
                "than %(lim)s km/h. Flagged."
            )
            % {"km": d.get("distance_km"), "min": d.get("minutes"), "o": o, "lim": lim}
        ),
        "travel_speed.none": lambda: _("No earlier check-in with a position to compare."),
        "clock_skew.pass": lambda: (
            _("The device clock is right to within %(lim)s minutes.") % {"lim": lim}
        ),
        "clock_skew.off": lambda: (
            _("The device clock is %(o)s minutes off (more than %(lim)s): flagged.")
            % {"o": o, "lim": lim}
        ),
        "clock_skew.unknown": lambda: _("The device clock could not be compared."),
        "sync.online": lambda: _("Sent at once."),
        "sync.late": lambda: (
            _(
                "Kept on the device while offline and sent %(o)s hours later (accepted up to "
                "%(lim)s hours)."
            )
            % {"o": o, "lim": lim}
        ),
        "sync.manual": lambda: _("Recorded by hand."),
        "sync.reader": lambda: _("Imported from an office attendance reader's log."),
        "time_proof.server": lambda: _("Timed by the server."),
        "time_proof.reader": lambda: _("Timed by the office attendance reader's clock."),
        "time_proof.proven": lambda: _(
            "Kept offline; the time is confirmed by the last contact with the server and the "
            "phone's own elapsed time."
        ),
        "time_proof.outside": lambda: (
            _(
                "The phone said %(claimed)s, but its evidence shows the check-in was made at "
                "%(judged)s at the earliest: counted at %(judged)s and flagged for the supervisor."
            )
            % {"claimed": _hhmm(d.get("claimed")), "judged": _hhmm(d.get("judged"))}
        ),
        "time_proof.unproven": lambda: (
            _(
                "Sent later without evidence of when it was made (the phone said %(claimed)s): "
                "counted at its arrival, %(judged)s, and flagged for the supervisor."
            )
            % {"claimed": _hhmm(d.get("claimed")), "judged": _hhmm(d.get("judged"))}
        ),
    }


def checkin_message(entry: TraceEntry, language: str | None = None) -> str:
    """The text of one check-in rule result (its code if no text is known)."""
    with translation.override(language) if language else nullcontext():
        text = _texts(entry).get(entry.code)
        return text() if text is not None else entry.code


def _jsonable(value: Any) -> Any:
    if isinstance(value, time):
        return clock(value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return str(value)


def judgement(decision: Decision) -> dict[str, Any]:
    """The columns of a check-in that keep its decision: the outcome, the flags, the minutes
    late or early, whether it counts, and the trace (every way of recording a check-in)."""
    c = classify(decision)
    return {
        "outcome": c.outcome,
        "flags": list(c.flags),
        "flagged": c.flagged,
        "counted": c.counted,
        "late_minutes": c.late_minutes,
        "early_minutes": c.early_minutes,
        "trace": checkin_trace_to_json(decision.trace),
    }


def checkin_trace_to_json(trace: tuple[TraceEntry, ...]) -> list[dict[str, Any]]:
    """The stored form of a check-in's trace: every rule that applied, with its article and
    both languages (rules that did not apply are left out: they say nothing about it)."""
    return [
        {
            "rule": t.rule,
            "article": t.article,
            "outcome": str(t.outcome),
            "code": t.code,
            "observed": _jsonable(t.observed),
            "limit": _jsonable(t.limit),
            "details": _jsonable(dict(t.details)),
            "message_id": checkin_message(t, "id"),
            "message_en": checkin_message(t, "en"),
        }
        for t in trace
        if str(t.outcome) != "skip"
    ]


def stored_message(entry: Mapping[str, Any]) -> str:
    """The stored text of a trace entry in the active language."""
    language = translation.get_language() or "id"
    key = "message_en" if language.startswith("en") else "message_id"
    return str(entry.get(key) or entry.get("message_id") or entry.get("code", ""))


def slot_label(role: str) -> str:
    return str(SLOT_LABELS.get(role, role))


def checkin_summary(*, role: str, at: str, counted: bool, flagged: bool, synced_late: bool) -> str:
    """One sentence on a recorded check-in, in the active language."""
    text = _("Recorded: %(slot)s at %(time)s.") % {"slot": slot_label(role), "time": at}
    if synced_late:
        text += " " + _("It was kept on the device and sent when the network came back.")
    if not counted:
        text += " " + _(
            "It does not count as presence under the policy; ask your supervisor for a "
            "manual check-in."
        )
    elif flagged:
        text += " " + _("It is flagged for your supervisor to look at.")
    return text


COLUMN_LABELS: Mapping[str, Any] = {
    "nip": gettext_lazy("NIP / NI PPPK"),
    "name": gettext_lazy("Name"),
    "perangkat_daerah": gettext_lazy("Perangkat daerah"),
    "unit": gettext_lazy("Unit"),
    "month": gettext_lazy("Month"),
    "working_days": gettext_lazy("Working days"),
    "onsite_days": gettext_lazy("Days on site"),
    "wfa_days": gettext_lazy("WFA days"),
    "duty_days": gettext_lazy("Days of official duty"),
    "leave_days": gettext_lazy("Days of leave or sickness"),
    "missing_days": gettext_lazy("Days missing"),
    "late_days": gettext_lazy("Days late"),
    "late_minutes": gettext_lazy("Minutes late"),
    "early_days": gettext_lazy("Days left early"),
    "early_minutes": gettext_lazy("Minutes left early"),
    "incomplete_days": gettext_lazy("Days without the departure check-in"),
    "flagged_days": gettext_lazy("Flagged days"),
    "synced_late": gettext_lazy("Check-ins synced late"),
    "manual": gettext_lazy("Manual check-ins"),
    "unproven_time": gettext_lazy("Offline check-ins with unproven time"),
    "refused": gettext_lazy("Offline check-ins refused (too late)"),
}

DAY_STATUS_LABELS: Mapping[str, Any] = {
    "onsite": gettext_lazy("on site"),
    "wfa": gettext_lazy("WFA"),
    "duty": gettext_lazy("official duty"),
    "leave": gettext_lazy("leave or sick"),
    "missing": gettext_lazy("missing"),
    "pending": gettext_lazy("today"),
}

# Problems of the reader imports (services/readers.py); the shared ones are in
# fleksi.common.importing.messages.
IMPORT_MESSAGES: Catalogue = {
    "punch_user": gettext_lazy(
        "“%(value)s” is not a reader user id (digits or letters, at most 20)."
    ),
    "punch_nip": gettext_lazy("“%(value)s” is not a NIP: a NIP has 18 digits."),
    "punch_time": gettext_lazy(
        "“%(value)s” is not a date and time: write YYYY-MM-DD HH:MM:SS or DD/MM/YYYY HH:MM."
    ),
    "punch_state": gettext_lazy(
        "“%(value)s” is not an in/out state: write masuk or pulang (or the reader's 0 to 5)."
    ),
    "reader_user_unknown": gettext_lazy(
        "The reader user id %(user)s is not mapped to an active employee you manage: import "
        "the reader's users (ID_PENGGUNA and NIP) first."
    ),
    "nip_unknown": gettext_lazy("No active employee you manage has this NIP."),
    "reader_user_twice": gettext_lazy(
        "This reader user id is already on line %(first_line)d for the same reader."
    ),
    "punch_slot_taken": gettext_lazy(
        "Not imported: this check-in was already made at %(time)s; the first check-in of a "
        "slot counts."
    ),
    "punch_break_ignored": gettext_lazy(
        "Not imported: a break punch, and the policy has two check-ins a day."
    ),
}
