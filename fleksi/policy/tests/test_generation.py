"""The policy cache: answers that depend only on the policy tables are cached under a token
the database itself changes on every change to those tables — by any process, by a bulk
update or by raw SQL — so a cached answer is never stale."""

from datetime import date

import pytest
from django.db import connection, transaction

from fleksi.policy.models import CalendarOverride, PolicyGeneration, PolicyVersion, UnitOverride
from fleksi.policy.selectors import (
    policy_generation,
    policy_snapshot,
    unit_overrides,
    version_in_force,
    work_calendar,
)
from fleksi.policy.services import policy_draft_create, policy_publish

pytestmark = pytest.mark.django_db

DAY = date(2027, 9, 15)  # a Wednesday, no holiday


@pytest.fixture(autouse=True)
def token_row(db):
    """The migration creates the token row; a ``flush`` by an earlier transactional test of
    the same worker empties its table, so the row is put back for these tests."""
    if not PolicyGeneration.objects.exists():
        PolicyGeneration.objects.create(token=1)


@pytest.fixture
def version(world):
    draft = policy_draft_create(
        actor=world.user("bkpsdm"),
        regulation_number="Perbup 7/2027",
        title="Pelaksanaan WFA",
        effective_from=date(2027, 1, 1),
    )
    return policy_publish(actor=world.user("sekda"), version=draft)


def test_every_change_to_a_policy_table_changes_the_token(version):
    before = policy_generation()
    CalendarOverride.objects.create(day=DAY, kind="holiday", name="Hari jadi Kukar")
    after_insert = policy_generation()
    CalendarOverride.objects.filter(day=DAY).update(name="Hari jadi Kabupaten")
    after_update = policy_generation()
    CalendarOverride.objects.filter(day=DAY).delete()
    after_delete = policy_generation()
    assert len({before, after_insert, after_update, after_delete}) == 4


def test_a_cached_calendar_follows_a_raw_sql_change(version):
    assert work_calendar(DAY, DAY).is_working_day(DAY)
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO policy_calendaroverride (day, kind, name) VALUES (%s, %s, %s)",
            [DAY, "holiday", "Libur daerah"],
        )
    assert not work_calendar(DAY, DAY).is_working_day(DAY)
    assert work_calendar(DAY, DAY).holiday_name(DAY) == "Libur daerah"


def test_the_version_in_force_follows_a_bulk_update(version):
    assert version_in_force(DAY).pk == version.pk
    PolicyVersion.objects.filter(pk=version.pk).update(effective_from=date(2027, 10, 1))
    assert version_in_force(DAY) is None


def test_a_caller_changing_its_copy_does_not_change_the_cache(version):
    found = version_in_force(DAY)
    found.title = "diubah di memori"
    assert version_in_force(DAY).title == "Pelaksanaan WFA"


def test_unit_overrides_follow_their_table(world, version):
    unit = world.units["b"]
    assert unit.pk not in unit_overrides(version)
    UnitOverride.objects.create(version=version, unit=unit, max_offsite_share="0.25")
    assert unit_overrides(version)[unit.pk] == (0.25, None)


def test_a_rolled_back_change_leaves_no_stale_answer(version):
    assert work_calendar(DAY, DAY).is_working_day(DAY)

    def change_then_fail() -> None:
        with transaction.atomic():
            CalendarOverride.objects.create(day=DAY, kind="holiday", name="Dibatalkan")
            assert not work_calendar(DAY, DAY).is_working_day(DAY)
            raise RuntimeError

    with pytest.raises(RuntimeError):
        change_then_fail()
    assert work_calendar(DAY, DAY).is_working_day(DAY)


def test_a_snapshot_reads_the_token_once(version, django_assert_num_queries):
    work_calendar(DAY, DAY)
    version_in_force(DAY)
    with django_assert_num_queries(1), policy_snapshot():
        work_calendar(DAY, DAY)
        version_in_force(DAY)
        work_calendar(DAY, DAY)


def test_without_the_token_row_nothing_is_cached(version):
    PolicyGeneration.objects.all().delete()
    assert policy_generation() is None
    assert work_calendar(DAY, DAY).is_working_day(DAY)
    CalendarOverride.objects.create(day=DAY, kind="holiday", name="Libur daerah")
    assert not work_calendar(DAY, DAY).is_working_day(DAY)


POLICY_TABLES = (
    "policy_policyversion",
    "policy_unitoverride",
    "policy_roleminimum",
    "policy_calendaroverride",
    "policy_ramadanperiod",
    "policy_nationalwfawindow",
)


def test_every_policy_table_still_has_its_triggers_after_all_migrations():
    """SQLite rebuilds a table to add a constraint or a foreign key and drops its triggers
    (migration policy/0004 puts them back): after every migration, each policy table still
    moves the token on insert, update and delete."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger'")
            found = {
                (table, op)
                for table, sql in cursor.fetchall()
                for op in ("INSERT", "UPDATE", "DELETE")
                if f"AFTER {op} ON {table}" in " ".join(sql.split())
                and "policy_policygeneration" in sql
            }
            expected = {(t, op) for t in POLICY_TABLES for op in ("INSERT", "UPDATE", "DELETE")}
        else:
            cursor.execute(
                "SELECT event_object_table FROM information_schema.triggers "
                "WHERE action_statement LIKE '%policy_generation_bump%'"
            )
            found = {row[0] for row in cursor.fetchall()}
            expected = set(POLICY_TABLES)
    assert expected <= found
