"""The check-in rules, as engine rules over :class:`CheckinFacts`.

Every check-in is stored, whatever the rules say ("flagged, not lost"); the outcomes only
classify it:

- **FAIL** means the rule is not met: a late arrival, an early departure, a position outside
  the office geofence or the radius of the approved place. Late and early are counted in the
  recap (days and minutes); a place failure flags the check-in.
- **WARN** means "look at this": no position, no office or approved WFA day, and the integrity
  signals (impossible travel speed, poor accuracy, a device clock far off). With the policy's
  ``integrity_blocks`` on, the integrity signals FAIL instead and the check-in does not count
  as presence (it stays on record; the supervisor can confirm it through a manual request).

Boundaries: a position exactly on the radius is inside (distances compared to the
centimetre); times compare to the minute (07:30:59 is on time for 07:30, 07:31 is late;
15:59 is early for 16:00).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import time

from fleksi.policy.domain.engine import Decision, Outcome, Rule, RuleResult, TraceEntry
from fleksi.policy.domain.params import PolicyParams
from fleksi.presence.domain.facts import (
    ABSENT_MODES,
    WFA_MODES,
    CheckinFacts,
    Place,
    Position,
)
from fleksi.presence.domain.slots import is_arrival, is_departure
from fleksi.worktime.domain import attribution

PLACE_RULES = frozenset({"assignment", "geofence", "wfa_location"})
INTEGRITY_RULES = frozenset({"accuracy", "travel_speed", "clock_skew"})
FLAG_RULES = PLACE_RULES | INTEGRITY_RULES | {"policy_in_force", "time_proof"}


def _minute(t: time) -> int:
    return t.hour * 60 + t.minute


def radius_of(place: Place, p: PolicyParams) -> tuple[int, str]:
    """The radius around a place and the parameter it comes from."""
    if place.own_radius_m:
        return place.own_radius_m, "geofence_radius_m"
    if place.precise:
        return p.geofence_radius_m, "geofence_radius_m"
    return p.wfa_desa_radius_m, "wfa_desa_radius_m"


def nearest(places: tuple[Place, ...], position: Position) -> tuple[Place, float] | None:
    located = [(pl, pl.distance_m(position)) for pl in places if pl.located]
    return min(located, key=lambda x: x[1]) if located else None


def _inside(distance_m: float, radius_m: int) -> bool:
    return round(distance_m, 2) <= radius_m


def place_reached(facts: CheckinFacts, p: PolicyParams) -> Place | None:
    """The expected place the position is inside of (the nearest such), if any."""
    if facts.position is None:
        return None
    position = facts.position
    inside = [
        (pl, pl.distance_m(position))
        for pl in facts.places
        if pl.located and _inside(pl.distance_m(position), radius_of(pl, p)[0])
    ]
    return min(inside, key=lambda x: x[1])[0] if inside else None


def _place_check(rule: str, f: CheckinFacts, p: PolicyParams, none_code: str) -> RuleResult:
    param = "geofence_radius_m"
    if f.manual:
        return RuleResult(rule, param, Outcome.SKIP, f"{rule}.manual")
    if f.reader:
        return RuleResult(rule, param, Outcome.SKIP, f"{rule}.reader")
    located = [pl for pl in f.places if pl.located]
    if not located:
        return RuleResult(rule, param, Outcome.WARN, f"{rule}.{none_code}")
    if f.position is None:
        radius, param = radius_of(located[0], p)
        return RuleResult(
            rule,
            param,
            Outcome.WARN,
            f"{rule}.no_position",
            None,
            radius,
            {"place": located[0].label},
        )
    reached = place_reached(f, p)
    found = nearest(tuple(located), f.position)
    assert found is not None
    place, distance = (reached, reached.distance_m(f.position)) if reached else found
    radius, param = radius_of(place, p)
    outcome = Outcome.PASS if reached else Outcome.FAIL
    return RuleResult(
        rule,
        param,
        outcome,
        f"{rule}.{outcome}",
        round(distance, 1),
        radius,
        {"place": place.label, "kind": place.kind},
    )


def geofence(f: CheckinFacts, p: PolicyParams) -> RuleResult:
    """On site: inside the geofence of an office of the employee's unit (or a unit above)."""
    if f.mode != "onsite":
        return RuleResult("geofence", "geofence_radius_m", Outcome.SKIP, "geofence.not_onsite")
    return _place_check("geofence", f, p, "no_office")


def wfa_location(f: CheckinFacts, p: PolicyParams) -> RuleResult:
    """WFA: inside the radius of the approved place of the day (home: the recorded domicile)."""
    if f.mode not in WFA_MODES:
        return RuleResult("wfa_location", "geofence_radius_m", Outcome.SKIP, "wfa_location.not_wfa")
    return _place_check("wfa_location", f, p, "no_place")


def assignment(f: CheckinFacts, p: PolicyParams) -> RuleResult:
    """Is there a reason on record to be where the mode says (an office, an approved WFA day,
    official duty, a recorded absence)? Without one the check-in is kept and flagged."""
    rule = "assignment"
    if f.mode == "onsite":
        if any(pl.kind == "office" for pl in f.places):
            return RuleResult(rule, "", Outcome.PASS, "assignment.office")
        return RuleResult(rule, "", Outcome.WARN, "assignment.no_office")
    if f.mode in WFA_MODES:
        if f.approved_day is not None:
            return RuleResult(
                rule, "", Outcome.PASS, "assignment.wfa_day", f.approved_day.location_type
            )
        return RuleResult(rule, "", Outcome.WARN, "assignment.no_wfa_day")
    if f.mode == "official_duty":
        if f.absence_kind == "official_travel" or (
            f.approved_day is not None and f.approved_day.request_kind == "official_duty"
        ):
            return RuleResult(rule, "", Outcome.PASS, "assignment.duty")
        return RuleResult(rule, "", Outcome.WARN, "assignment.no_duty")
    if f.absence_kind == f.mode:  # leave or sick, recorded
        return RuleResult(rule, "", Outcome.PASS, "assignment.absence", f.mode)
    return RuleResult(rule, "", Outcome.WARN, "assignment.no_absence", f.mode)


def late_arrival(f: CheckinFacts, p: PolicyParams) -> RuleResult:
    """After the start of the person's schedule of the day (a flexible start: after the end of
    the band), to the minute."""
    rule = "late_arrival"
    if not is_arrival(f.slot):
        return RuleResult(rule, "", Outcome.SKIP, "late_arrival.not_arrival")
    if f.mode in ABSENT_MODES:
        return RuleResult(rule, "", Outcome.SKIP, "late_arrival.absent")
    shown = f.local_time.replace(second=0, microsecond=0)
    if f.schedule is not None and f.local is not None:
        start = f.schedule.latest_start.time()
        late = attribution.late_minutes(f.schedule, f.local)
    elif f.hours is not None:
        start = f.hours[0]
        late = _minute(f.local_time) - _minute(start)
    else:
        return RuleResult(rule, "", Outcome.SKIP, "late_arrival.not_working_day")
    if late > 0:
        return RuleResult(
            rule, "", Outcome.FAIL, "late_arrival.fail", shown, start, {"minutes": late}
        )
    return RuleResult(rule, "", Outcome.PASS, "late_arrival.pass", shown, start)


def early_departure(f: CheckinFacts, p: PolicyParams) -> RuleResult:
    """Before the end of the person's schedule of the day (a flexible start: the actual start
    plus the day's hours), to the minute."""
    rule = "early_departure"
    if not is_departure(f.slot, p.checkins_per_day):
        return RuleResult(rule, "", Outcome.SKIP, "early_departure.not_departure")
    if f.mode in ABSENT_MODES:
        return RuleResult(rule, "", Outcome.SKIP, "early_departure.absent")
    shown = f.local_time.replace(second=0, microsecond=0)
    if f.schedule is not None and f.local is not None:
        end = f.schedule.expected_end(f.arrived).time()
        early = attribution.early_minutes(f.schedule, f.local, f.arrived)
    elif f.hours is not None:
        end = f.hours[1]
        early = _minute(end) - _minute(f.local_time)
    else:
        return RuleResult(rule, "", Outcome.SKIP, "early_departure.not_working_day")
    if early > 0:
        return RuleResult(
            rule, "", Outcome.FAIL, "early_departure.fail", shown, end, {"minutes": early}
        )
    return RuleResult(rule, "", Outcome.PASS, "early_departure.pass", shown, end)


def _integrity_bad(p: PolicyParams) -> Outcome:
    return Outcome.FAIL if p.integrity_blocks else Outcome.WARN


def accuracy(f: CheckinFacts, p: PolicyParams) -> RuleResult:
    param = "max_accuracy_m"
    if f.manual or f.position is None or f.position.accuracy_m is None:
        return RuleResult("accuracy", param, Outcome.SKIP, "accuracy.none")
    observed = round(f.position.accuracy_m)
    if f.position.accuracy_m > p.max_accuracy_m:
        return RuleResult(
            "accuracy", param, _integrity_bad(p), "accuracy.poor", observed, p.max_accuracy_m
        )
    return RuleResult("accuracy", param, Outcome.PASS, "accuracy.pass", observed, p.max_accuracy_m)


def travel_speed(f: CheckinFacts, p: PolicyParams) -> RuleResult:
    """Speed between the previous check-in and this one. Both positions' accuracies are taken
    off the distance first, so two imprecise fixes of one place never look like travel."""
    param = "max_travel_speed_kmh"
    if f.manual or f.position is None or f.previous is None:
        return RuleResult("travel_speed", param, Outcome.SKIP, "travel_speed.none")
    prev = f.previous.position
    distance = Place("", "", prev.latitude, prev.longitude).distance_m(f.position)
    slack = (prev.accuracy_m or 0.0) + (f.position.accuracy_m or 0.0)
    effective = max(0.0, distance - slack)
    seconds = max(1.0, (f.checked_at - f.previous.checked_at).total_seconds())
    speed = effective / 1000 / (seconds / 3600)
    details = {"distance_km": round(distance / 1000, 1), "minutes": math.floor(seconds / 60)}
    limit = p.max_travel_speed_kmh
    if speed > limit:
        return RuleResult(
            "travel_speed",
            param,
            _integrity_bad(p),
            "travel_speed.fast",
            round(speed),
            limit,
            details,
        )
    return RuleResult(
        "travel_speed", param, Outcome.PASS, "travel_speed.pass", round(speed), limit, details
    )


def clock_skew(f: CheckinFacts, p: PolicyParams) -> RuleResult:
    param = "max_clock_skew_minutes"
    if f.manual or f.clock_offset_s is None:
        return RuleResult("clock_skew", param, Outcome.SKIP, "clock_skew.unknown")
    minutes = abs(f.clock_offset_s) / 60
    limit = p.max_clock_skew_minutes
    details = {"ahead": f.clock_offset_s < 0}
    if abs(f.clock_offset_s) > limit * 60:
        return RuleResult(
            "clock_skew",
            param,
            _integrity_bad(p),
            "clock_skew.off",
            round(minutes),
            limit,
            details,
        )
    return RuleResult(
        "clock_skew", param, Outcome.PASS, "clock_skew.pass", round(minutes), limit, details
    )


def sync(f: CheckinFacts, p: PolicyParams) -> RuleResult:
    """Informative: was the check-in sent at once, or kept on the device and sent later?"""
    param = "offline_sync_window_hours"
    if f.manual:
        return RuleResult("sync", param, Outcome.SKIP, "sync.manual")
    if f.reader:
        return RuleResult("sync", param, Outcome.SKIP, "sync.reader")
    if f.synced_late:
        hours = round(f.waited_s / 3600, 1)
        return RuleResult(
            "sync", param, Outcome.PASS, "sync.late", hours, p.offline_sync_window_hours
        )
    return RuleResult("sync", param, Outcome.PASS, "sync.online")


def time_proof(f: CheckinFacts, p: PolicyParams) -> RuleResult:
    """An offline claim outside what the phone's evidence allows, or without evidence, is
    judged at the time the server can prove (see domain/timing.py) and flagged."""
    if f.reader:
        return RuleResult("time_proof", "", Outcome.SKIP, "time_proof.reader")
    if f.manual or f.time_proof == "server":
        return RuleResult("time_proof", "", Outcome.SKIP, "time_proof.server")
    if f.time_proof == "proven":
        return RuleResult("time_proof", "", Outcome.PASS, "time_proof.proven")
    details = {
        "claimed": f.claimed_at.isoformat() if f.claimed_at else None,
        "judged": f.checked_at.isoformat(),
    }
    code = "time_proof.outside" if f.time_proof == "outside" else "time_proof.unproven"
    return RuleResult("time_proof", "", Outcome.WARN, code, details=details)


def policy_in_force(f: CheckinFacts, p: PolicyParams) -> RuleResult:
    if f.policy_in_force:
        return RuleResult("policy_in_force", "", Outcome.SKIP, "policy_in_force.pass")
    return RuleResult("policy_in_force", "", Outcome.WARN, "policy_in_force.none")


PRESENCE_RULES: tuple[Rule[CheckinFacts], ...] = (
    Rule("policy_in_force", "", policy_in_force),
    Rule("assignment", "", assignment),
    Rule("geofence", "geofence_radius_m", geofence),
    Rule("wfa_location", "geofence_radius_m", wfa_location),
    Rule("late_arrival", "", late_arrival),
    Rule("early_departure", "", early_departure),
    Rule("accuracy", "max_accuracy_m", accuracy),
    Rule("travel_speed", "max_travel_speed_kmh", travel_speed),
    Rule("clock_skew", "max_clock_skew_minutes", clock_skew),
    Rule("sync", "offline_sync_window_hours", sync),
    Rule("time_proof", "", time_proof),
)


@dataclass(frozen=True)
class Classification:
    """What the recap needs from a decision, kept in columns beside the trace."""

    outcome: str  # the worst outcome: pass | warn | fail
    flags: tuple[str, ...]  # rules that flagged the check-in
    flagged: bool
    counted: bool  # counts as presence (False only when the policy blocks on integrity)
    late_minutes: int
    early_minutes: int


def _minutes(entry: TraceEntry | None) -> int:
    if entry is None or entry.outcome != Outcome.FAIL:
        return 0
    return int(entry.details.get("minutes", 0))


def classify(decision: Decision) -> Classification:
    by_rule = {t.rule: t for t in decision.trace}
    outcomes = {t.outcome for t in decision.trace}
    worst = "fail" if Outcome.FAIL in outcomes else "warn" if Outcome.WARN in outcomes else "pass"
    flags = tuple(
        t.rule
        for t in decision.trace
        if t.rule in FLAG_RULES and t.outcome in (Outcome.WARN, Outcome.FAIL)
    )
    blocked = any(t.rule in INTEGRITY_RULES and t.outcome == Outcome.FAIL for t in decision.trace)
    return Classification(
        outcome=worst,
        flags=flags,
        flagged=bool(flags),
        counted=not blocked,
        late_minutes=_minutes(by_rule.get("late_arrival")),
        early_minutes=_minutes(by_rule.get("early_departure")),
    )
