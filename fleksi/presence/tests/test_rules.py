"""The check-in rules at their boundaries (pure: no database)."""

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import pytest

from fleksi.policy.domain.calendar import WorkCalendar
from fleksi.policy.domain.engine import Outcome, evaluate
from fleksi.policy.domain.params import PolicyParams
from fleksi.presence.domain.facts import (
    ApprovedDay,
    CheckinFacts,
    Place,
    Position,
    PreviousCheckin,
)
from fleksi.presence.domain.geo import haversine_m, offset_north_m
from fleksi.presence.domain.rules import (
    PRESENCE_RULES,
    accuracy,
    assignment,
    classify,
    clock_skew,
    early_departure,
    geofence,
    late_arrival,
    travel_speed,
    wfa_location,
)
from fleksi.presence.domain.slots import next_slot, slots_of
from fleksi.presence.domain.timing import Evidence, timing_of

P = PolicyParams()
OFFICE = Place("office", "Kantor Disdukcapil", -0.4200, 116.9900, desa_id=7)
MONDAY = date(2026, 5, 4)
FRIDAY = date(2026, 5, 8)
AT = datetime(2026, 5, 4, 0, 0, tzinfo=UTC)  # 08:00 WITA
NORMAL = WorkCalendar()


def facts(**kw):
    base = {
        "slot": 1,
        "mode": "onsite",
        "checked_at": AT,
        "local_time": time(7, 25),
        "hours": (time(7, 30), time(16, 0)),
        "places": (OFFICE,),
    }
    return CheckinFacts(**{**base, **kw})


def north(place, metres, accuracy_m=10.0):
    lat, lon = offset_north_m(place.latitude, place.longitude, metres)
    return Position(lat, lon, accuracy_m)


def test_haversine_of_known_distances():
    assert haversine_m(0, 0, 1, 0) == pytest.approx(111_195, abs=1)
    assert haversine_m(-0.42, 116.99, -0.42, 116.99) == 0
    # Tenggarong to Tabang (about 150 km as the crow flies)
    assert 140_000 < haversine_m(-0.42, 116.99, 0.6, 116.05) < 160_000
    assert haversine_m(*offset_north_m(-0.42, 116.99, 100), -0.42, 116.99) == pytest.approx(100)


@pytest.mark.parametrize(
    ("metres", "own_radius", "outcome"),
    [
        (0, None, Outcome.PASS),
        (99, None, Outcome.PASS),
        (100, None, Outcome.PASS),  # exactly on the policy radius: inside
        (101, None, Outcome.FAIL),  # one metre beyond
        (50, 50, Outcome.PASS),  # the office's own radius wins
        (51, 50, Outcome.FAIL),
        (-100, None, Outcome.PASS),  # south as well as north
    ],
)
def test_geofence_boundary(metres, own_radius, outcome):
    office = replace(OFFICE, own_radius_m=own_radius)
    r = geofence(facts(places=(office,), position=north(office, metres)), P)
    assert r.outcome == outcome
    assert r.limit == (own_radius or P.geofence_radius_m)
    assert r.observed == pytest.approx(abs(metres), abs=0.1)


def test_geofence_passes_at_any_office_of_the_unit_chain():
    annex = Place("office", "Kantor UPT", -0.5, 117.1)
    r = geofence(facts(places=(OFFICE, annex), position=north(annex, 20)), P)
    assert (r.outcome, r.details["place"]) == (Outcome.PASS, "Kantor UPT")


@pytest.mark.parametrize(
    ("kw", "outcome", "code"),
    [
        ({"position": None}, Outcome.WARN, "geofence.no_position"),
        ({"places": ()}, Outcome.WARN, "geofence.no_office"),
        ({"mode": "wfa_home"}, Outcome.SKIP, "geofence.not_onsite"),
        ({"manual": True}, Outcome.SKIP, "geofence.manual"),
    ],
)
def test_geofence_without_facts(kw, outcome, code):
    r = geofence(facts(**kw), P)
    assert (r.outcome, r.code) == (outcome, code)


HOME = Place("home", "Melayu", -0.43, 116.98, precise=False, desa_id=3)
PLACE = Place("approved_place", "Perpustakaan Daerah", -0.44, 116.97)


@pytest.mark.parametrize(
    ("place", "metres", "outcome", "limit"),
    [
        (HOME, 3000, Outcome.PASS, 3000),  # a desa centre: the wider WFA radius
        (HOME, 3001, Outcome.FAIL, 3000),
        (PLACE, 100, Outcome.PASS, 100),  # a place with coordinates: the geofence radius
        (PLACE, 101, Outcome.FAIL, 100),
    ],
)
def test_wfa_location_boundary(place, metres, outcome, limit):
    f = facts(mode="wfa_home", places=(place,), position=north(place, metres))
    r = wfa_location(f, P)
    assert (r.outcome, r.limit) == (outcome, limit)
    assert r.param == ("wfa_desa_radius_m" if not place.precise else "geofence_radius_m")


def test_wfa_location_without_a_place_warns():
    r = wfa_location(facts(mode="wfa_other", places=(), position=north(PLACE, 0)), P)
    assert (r.outcome, r.code) == (Outcome.WARN, "wfa_location.no_place")


RAMADAN = WorkCalendar(ramadan=((date(2026, 2, 18), date(2026, 3, 19)),))
RAMADAN_DAY = date(2026, 3, 2)  # a Monday in Ramadan


@pytest.mark.parametrize(
    ("day", "cal", "at", "outcome", "minutes"),
    [
        (MONDAY, NORMAL, time(7, 29), Outcome.PASS, 0),
        (MONDAY, NORMAL, time(7, 30), Outcome.PASS, 0),
        (MONDAY, NORMAL, time(7, 30, 59), Outcome.PASS, 0),  # to the minute
        (MONDAY, NORMAL, time(7, 31), Outcome.FAIL, 1),
        (MONDAY, NORMAL, time(9, 0), Outcome.FAIL, 90),
        (RAMADAN_DAY, RAMADAN, time(7, 59), Outcome.PASS, 0),
        (RAMADAN_DAY, RAMADAN, time(8, 0), Outcome.PASS, 0),  # Ramadan starts at 08:00
        (RAMADAN_DAY, RAMADAN, time(8, 1), Outcome.FAIL, 1),
    ],
)
def test_late_arrival_boundary(day, cal, at, outcome, minutes):
    r = late_arrival(facts(local_time=at, hours=cal.hours(day)), P)
    assert r.outcome == outcome
    assert r.details.get("minutes", 0) == minutes


@pytest.mark.parametrize(
    ("day", "cal", "at", "outcome", "minutes"),
    [
        (MONDAY, NORMAL, time(15, 59, 59), Outcome.FAIL, 1),
        (MONDAY, NORMAL, time(16, 0), Outcome.PASS, 0),
        (FRIDAY, NORMAL, time(16, 0), Outcome.FAIL, 30),  # Friday ends at 16:30
        (FRIDAY, NORMAL, time(16, 29), Outcome.FAIL, 1),
        (FRIDAY, NORMAL, time(16, 30), Outcome.PASS, 0),
        (RAMADAN_DAY, RAMADAN, time(14, 59), Outcome.FAIL, 1),
        (RAMADAN_DAY, RAMADAN, time(15, 0), Outcome.PASS, 0),
    ],
)
def test_early_departure_boundary(day, cal, at, outcome, minutes):
    r = early_departure(facts(slot=2, local_time=at, hours=cal.hours(day)), P)
    assert r.outcome == outcome
    assert r.details.get("minutes", 0) == minutes


def test_time_rules_apply_to_the_first_and_last_slot_only():
    four = replace(P, checkins_per_day=4)
    assert late_arrival(facts(slot=3, local_time=time(13, 0)), four).outcome == Outcome.SKIP
    assert early_departure(facts(slot=2, local_time=time(12, 0)), four).outcome == Outcome.SKIP
    assert early_departure(facts(slot=4, local_time=time(15, 0)), four).outcome == Outcome.FAIL
    saturday = NORMAL.hours(date(2026, 5, 9))
    assert late_arrival(facts(hours=saturday, local_time=time(10, 0)), P).code == (
        "late_arrival.not_working_day"
    )
    assert late_arrival(facts(mode="sick", local_time=time(10, 0)), P).outcome == Outcome.SKIP


@pytest.mark.parametrize(
    ("kw", "outcome", "code"),
    [
        ({"mode": "onsite"}, Outcome.PASS, "assignment.office"),
        ({"mode": "onsite", "places": ()}, Outcome.WARN, "assignment.no_office"),
        (
            {"mode": "wfa_home", "approved_day": ApprovedDay("regular", "home")},
            Outcome.PASS,
            "assignment.wfa_day",
        ),
        ({"mode": "wfa_home"}, Outcome.WARN, "assignment.no_wfa_day"),
        ({"mode": "wfa_other"}, Outcome.WARN, "assignment.no_wfa_day"),
        (
            {"mode": "official_duty", "approved_day": ApprovedDay("official_duty", "office")},
            Outcome.PASS,
            "assignment.duty",
        ),
        (
            {"mode": "official_duty", "absence_kind": "official_travel"},
            Outcome.PASS,
            "assignment.duty",
        ),
        ({"mode": "official_duty"}, Outcome.WARN, "assignment.no_duty"),
        ({"mode": "sick", "absence_kind": "sick"}, Outcome.PASS, "assignment.absence"),
        ({"mode": "leave", "absence_kind": "sick"}, Outcome.WARN, "assignment.no_absence"),
    ],
)
def test_assignment(kw, outcome, code):
    r = assignment(facts(**kw), P)
    assert (r.outcome, r.code) == (outcome, code)


@pytest.mark.parametrize(
    ("acc", "outcome"), [(200.0, Outcome.PASS), (200.5, Outcome.WARN), (None, Outcome.SKIP)]
)
def test_accuracy_boundary(acc, outcome):
    position = Position(-0.42, 116.99, acc)
    assert accuracy(facts(position=position), P).outcome == outcome


def _previous(metres, minutes, acc=0.0):
    return PreviousCheckin(AT - timedelta(minutes=minutes), north(OFFICE, metres, acc))


@pytest.mark.parametrize(
    ("metres", "minutes", "acc", "outcome"),
    [
        (20_000, 10, 0.0, Outcome.PASS),  # exactly 120 km/h
        (20_100, 10, 0.0, Outcome.WARN),  # 120.6 km/h
        (20_100, 10, 100.0, Outcome.PASS),  # the two accuracies are taken off first
        (300, 0, 200.0, Outcome.PASS),  # two imprecise fixes of one place are no travel
        (5_000, 0, 10.0, Outcome.WARN),  # the same second, five kilometres apart
    ],
)
def test_travel_speed_boundary(metres, minutes, acc, outcome):
    f = facts(position=north(OFFICE, 0, acc), previous=_previous(metres, minutes, acc))
    assert travel_speed(f, P).outcome == outcome


@pytest.mark.parametrize(
    ("offset", "outcome"),
    [(600.0, Outcome.PASS), (-600.0, Outcome.PASS), (601.0, Outcome.WARN), (None, Outcome.SKIP)],
)
def test_clock_skew_boundary(offset, outcome):
    assert clock_skew(facts(clock_offset_s=offset), P).outcome == outcome


def test_integrity_flags_do_not_block_unless_the_policy_says_so():
    f = facts(position=Position(-0.42, 116.99, 900.0), clock_offset_s=3600.0)
    flagged = classify(evaluate(PRESENCE_RULES, f, P))
    assert flagged.flags == ("accuracy", "clock_skew")
    assert (flagged.flagged, flagged.counted, flagged.outcome) == (True, True, "warn")
    strict = classify(evaluate(PRESENCE_RULES, f, replace(P, integrity_blocks=True)))
    assert (strict.flagged, strict.counted, strict.outcome) == (True, False, "fail")


def test_a_late_arrival_outside_the_fence_is_classified_not_lost():
    f = facts(local_time=time(7, 45), position=north(OFFICE, 500))
    c = classify(evaluate(PRESENCE_RULES, f, P))
    assert (c.outcome, c.late_minutes, c.early_minutes) == ("fail", 15, 0)
    assert c.flags == ("geofence",)
    assert c.counted is True


def test_no_position_is_flagged_not_refused():
    c = classify(evaluate(PRESENCE_RULES, facts(position=None), P))
    assert (c.outcome, c.flags, c.counted) == ("warn", ("geofence",), True)


def test_slots():
    assert [s.kind for s in slots_of(2)] == ["in", "out"]
    assert [s.role for s in slots_of(4)] == ["arrival", "break_out", "break_in", "departure"]
    assert next_slot({1}, 2) == 2
    assert next_slot({1, 2}, 2) is None
    assert next_slot({2}, 4) == 1


RECEIVED = datetime(2026, 5, 4, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("waited", "offset", "late"),
    [
        (5, 0, False),
        (120, 0, False),  # the margin itself: still prompt
        (121, 0, True),
        (3600, 0, True),
        (5, -1800, False),  # a device clock 30 min fast does not make a prompt one late
        (5, 1800, False),  # nor 30 min slow
    ],
)
def test_timing_with_the_sending_time(waited, offset, late):
    sent_at = RECEIVED - timedelta(seconds=offset)  # the device's clock at arrival
    device_time = sent_at - timedelta(seconds=waited)
    t = timing_of(device_time=device_time, sent_at=sent_at, received_at=RECEIVED)
    assert t.synced_late is late
    assert t.clock_offset_s == offset
    assert t.claimed_at == RECEIVED - timedelta(seconds=waited)
    # Online: the server's time; offline without evidence: the arrival too (issue 13 §4).
    assert t.checked_at == RECEIVED
    assert t.proof == ("unproven" if late else "server")


def test_timing_window_boundary():
    def waited(hours, extra=0):
        device = RECEIVED - timedelta(hours=hours, seconds=extra)
        return timing_of(device_time=device, sent_at=RECEIVED, received_at=RECEIVED)

    assert waited(72).expired(72) is False
    assert waited(72, 1).expired(72) is True


def test_timing_without_the_sending_time():
    prompt = timing_of(
        device_time=RECEIVED - timedelta(seconds=30), sent_at=None, received_at=RECEIVED
    )
    assert (prompt.synced_late, prompt.checked_at, prompt.clock_offset_s) == (False, RECEIVED, 30)
    queued = timing_of(
        device_time=RECEIVED - timedelta(hours=5), sent_at=None, received_at=RECEIVED
    )
    assert (queued.synced_late, queued.clock_offset_s) == (True, None)
    assert queued.claimed_at == RECEIVED - timedelta(hours=5)
    assert (queued.checked_at, queued.proof) == (RECEIVED, "unproven")
    ahead = timing_of(device_time=RECEIVED + timedelta(hours=1), sent_at=None, received_at=RECEIVED)
    assert ahead.checked_at == RECEIVED  # never later than the arrival


def _offline(claimed_minutes_ago, contact_minutes_ago, since_contact_min, since_press_min=None):
    device = RECEIVED - timedelta(minutes=claimed_minutes_ago)
    evidence = Evidence(
        contact_at=RECEIVED - timedelta(minutes=contact_minutes_ago),
        since_contact_s=since_contact_min * 60,
        since_press_s=since_press_min * 60 if since_press_min is not None else None,
    )
    return timing_of(device_time=device, sent_at=RECEIVED, received_at=RECEIVED, evidence=evidence)


def test_an_offline_claim_inside_the_evidence_bound_is_proven():
    # Contact at 07:10, pressed 15 monotonic minutes later (07:25), sent at 10:10.
    t = _offline(claimed_minutes_ago=165, contact_minutes_ago=180, since_contact_min=15)
    assert (t.proof, t.checked_at) == ("proven", RECEIVED - timedelta(minutes=165))


def test_a_backdated_claim_is_judged_at_the_evidence_and_flagged():
    # The clock was set back to 07:25, but the phone pressed 178 minutes after the 07:10 contact.
    t = _offline(claimed_minutes_ago=165, contact_minutes_ago=180, since_contact_min=178)
    assert t.proof == "outside"
    assert t.checked_at == RECEIVED - timedelta(minutes=2)
    assert t.claimed_at == RECEIVED - timedelta(minutes=165)


def test_a_claim_after_the_press_bound_is_outside_too():
    # Pressed at 07:25 by the monotonic clocks, claims 09:00 (forward-dated departure).
    t = _offline(
        claimed_minutes_ago=70, contact_minutes_ago=180, since_contact_min=15, since_press_min=165
    )
    assert (t.proof, t.checked_at) == ("outside", RECEIVED - timedelta(minutes=165))


def test_evidence_from_the_future_is_no_evidence():
    t = _offline(claimed_minutes_ago=165, contact_minutes_ago=-10, since_contact_min=0)
    assert (t.proof, t.checked_at) == ("unproven", RECEIVED)
