"""The resolver on a database: versions, unit patterns, personal patterns, rosters."""

from datetime import date, datetime, time

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fleksi.common.errors import Conflict, ValidationFailed
from fleksi.policy.services import policy_draft_create, policy_publish
from fleksi.worktime.models import DutyRoster, DutyShift, PersonWorkPattern, WorkPattern
from fleksi.worktime.selectors import (
    PersonKey,
    schedule_around,
    schedules_on,
    working_days_of,
    worktime_forget,
)
from fleksi.worktime.services import (
    person_work_pattern_assign,
    unit_work_pattern_set,
    work_pattern_set,
)
from fleksi.worktime.tests.patterns import FIRE_24H, HOSPITAL_3_SHIFTS, PART_TIME, SIX_DAY_SCHOOL

START = date(2026, 4, 1)
SATURDAY = date(2026, 5, 9)
MONDAY = date(2026, 5, 4)


@pytest.fixture(autouse=True)
def _forget():
    worktime_forget()
    yield
    worktime_forget()


def published_with_patterns(world, start=START):
    """A version with a six-day week for Bappeda, part-time PPPK, fire duty and a ward."""
    bkpsdm = world.user("bkpsdm")
    draft = policy_draft_create(
        actor=bkpsdm, regulation_number="Contoh Perbup", title="Jadwal", effective_from=start
    )
    basis = "ditetapkan PPK dalam Perbup"
    work_pattern_set(
        actor=bkpsdm,
        version=draft,
        code="school6",
        name="Enam hari",
        definition=SIX_DAY_SCHOOL,
        basis=basis,
    )
    work_pattern_set(
        actor=bkpsdm,
        version=draft,
        code="pw",
        name="Paruh waktu",
        definition=PART_TIME,
        basis=basis,
        asn_type="pppk",
    )
    work_pattern_set(
        actor=bkpsdm,
        version=draft,
        code="fire24",
        name="Jaga 24 jam",
        definition=FIRE_24H,
        basis=basis,
    )
    work_pattern_set(
        actor=bkpsdm,
        version=draft,
        code="ward",
        name="Tiga shift",
        definition=HOSPITAL_3_SHIFTS,
        basis=basis,
    )
    unit_work_pattern_set(actor=bkpsdm, version=draft, unit=world.units["b"], code="school6")
    return draft


def publish(world, draft):
    with time_machine.travel(datetime.combine(draft.effective_from, time(9)), tick=False):
        return policy_publish(actor=world.user("sekda"), version=draft)


def test_every_person_of_a_day_by_their_own_pattern(world):
    publish(world, published_with_patterns(world))
    on_saturday = schedules_on(SATURDAY)
    people = world.people
    assert on_saturday[people["staff_b1"].pk].pattern == "school6"  # Bappeda: six days
    assert on_saturday[people["staff_a1"].pk] is None  # Disdukcapil: the regency default
    monday = schedules_on(MONDAY)
    assert monday[people["staff_a1"].pk].source == "builtin"
    assert monday[people["staff_a2"].pk].pattern == "pw"  # a PPPK follows the ASN-type pattern
    assert monday[people["staff_a2"].pk].end == datetime(2026, 5, 4, 12, 0)


def test_personal_patterns_and_published_rosters_win(world):
    publish(world, published_with_patterns(world))
    rina = world.people["staff_a1"]
    person_work_pattern_assign(
        actor=world.user("bkpsdm"), employee=rina, code="fire24", start=date(2026, 5, 1)
    )
    assert schedules_on(date(2026, 5, 1))[rina.pk].shift == "D24"  # 1 May: a holiday, on duty
    assert schedules_on(date(2026, 5, 2))[rina.pk] is None
    roster = DutyRoster.objects.create(
        unit=world.units["a"], month=date(2026, 5, 1), pattern_code="ward", status="published"
    )
    DutyShift.objects.create(
        roster=roster, employee=rina, day=date(2026, 5, 2), shift_code="M", published=True
    )
    night = schedules_on(date(2026, 5, 2))[rina.pk]
    assert (night.shift, night.source, night.end) == ("M", "roster", datetime(2026, 5, 3, 7, 0))
    # A draft roster is nobody's schedule yet.
    DutyShift.objects.create(
        roster=roster, employee=world.people["staff_b1"], day=MONDAY, shift_code="P"
    )
    assert schedules_on(MONDAY)[world.people["staff_b1"].pk].pattern == "school6"


def test_working_days_of_a_month(world):
    publish(world, published_with_patterns(world))
    days = working_days_of(
        [world.people["staff_a1"].pk, world.people["staff_b1"].pk],
        date(2026, 5, 1),
        date(2026, 5, 31),
    )
    regency = days[world.people["staff_a1"].pk]
    six = days[world.people["staff_b1"].pk]
    assert SATURDAY in six
    assert SATURDAY not in regency
    assert date(2026, 5, 1) not in regency  # Labour Day
    assert sorted(set(six) - set(regency)) == [date(2026, 5, d) for d in (2, 9, 16, 23, 30)]


def test_the_check_in_lookup_is_one_query_once_the_day_is_known(world):
    publish(world, published_with_patterns(world))
    e = world.people["staff_b1"]
    key = PersonKey(e.pk, e.unit_id, e.unit.path, e.asn_type)
    schedule_around(key, SATURDAY)
    with CaptureQueriesContext(connection) as q:
        around = schedule_around(key, SATURDAY)
    assert len(q.captured_queries) == 1
    assert around[SATURDAY].pattern == "school6"


def test_a_new_draft_copies_the_patterns_and_published_ones_are_frozen(world):
    version = publish(world, published_with_patterns(world))
    with pytest.raises(Conflict):
        work_pattern_set(
            actor=world.user("bkpsdm"),
            version=version,
            code="x",
            name="x",
            definition=PART_TIME,
            basis="b",
        )
    draft = policy_draft_create(
        actor=world.user("bkpsdm"),
        regulation_number="Perubahan",
        title="t",
        effective_from=date(2026, 7, 1),
        based_on=version,
    )
    assert set(WorkPattern.objects.filter(version=draft).values_list("code", flat=True)) == {
        "school6",
        "pw",
        "fire24",
        "ward",
    }
    assert draft.unit_work_patterns.get().pattern.code == "school6"


def test_bad_patterns_and_overlapping_assignments_are_refused(world):
    draft = policy_draft_create(
        actor=world.user("bkpsdm"), regulation_number="R", title="t", effective_from=START
    )
    with pytest.raises(ValidationFailed) as bad:
        work_pattern_set(
            actor=world.user("bkpsdm"),
            version=draft,
            code="bad",
            name="x",
            definition={"kind": "weekly", "shifts": {"a": {"start": "7", "end": "16:00"}}},
            basis="b",
        )
    assert "shifts.a" in bad.value.params["errors"]
    with pytest.raises(ValidationFailed):
        person_work_pattern_assign(
            actor=world.user("bkpsdm"), employee=world.people["staff_a1"], code="nope", start=START
        )
    publish(world, published_with_patterns(world, start=date(2026, 4, 2)))
    rina = world.people["staff_a1"]
    first = person_work_pattern_assign(
        actor=world.user("bkpsdm"), employee=rina, code="fire24", start=START
    )
    person_work_pattern_assign(
        actor=world.user("bkpsdm"),
        employee=rina,
        code="pw",
        start=date(2026, 6, 1),
        end=date(2026, 6, 30),
    )
    first.refresh_from_db()
    assert first.end == date(2026, 5, 31)  # the open one ends the day before
    with pytest.raises(Conflict):
        person_work_pattern_assign(
            actor=world.user("bkpsdm"), employee=rina, code="fire24", start=date(2026, 6, 15)
        )
    assert PersonWorkPattern.objects.filter(employee=rina).count() == 2
