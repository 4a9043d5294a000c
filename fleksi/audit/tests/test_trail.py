"""The stored trail: append-only, hash-chained, verifiable by ``audit_verify``."""

import threading
from contextlib import contextmanager

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, IntegrityError, connection, transaction

from fleksi.audit.models import AuditEntry, AuditStream
from fleksi.audit.selectors import audit_chain_verify
from fleksi.audit.services import Change, audit_record, audit_record_many
from fleksi.common.request_context import reset_request_id, set_request_id

SQLITE_TRIGGERS = (
    "audit_entry_no_update",
    "audit_entry_at_tail",
    "audit_stream_created_empty",
    "audit_stream_moves_forward",
)


@contextmanager
def triggers_off():
    """What an attacker with database rights does: switch off the audit tables' triggers."""
    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            cur.execute("ALTER TABLE audit_auditentry DISABLE TRIGGER USER")
            cur.execute("ALTER TABLE audit_auditstream DISABLE TRIGGER USER")
        else:
            for name in SQLITE_TRIGGERS:
                cur.execute(f"DROP TRIGGER {name}")
    yield
    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            cur.execute("ALTER TABLE audit_auditentry ENABLE TRIGGER USER")
            cur.execute("ALTER TABLE audit_auditstream ENABLE TRIGGER USER")


def record(n: int, stream: str = "pd:1") -> list[AuditEntry]:
    return audit_record_many(
        actor=None,
        stream=stream,
        changes=[
            Change(action="test.change", object_type="t", object_id=str(i), after={"i": i})
            for i in range(1, n + 1)
        ],
    )


@pytest.mark.django_db
def test_entries_are_chained_per_stream_and_verify():
    record(3, "pd:1")
    record(2, "pd:2")
    token = set_request_id("req-12345678")
    try:
        audit_record(actor=None, stream="pd:1", change=Change(action="test.one", object_type="t"))
    finally:
        reset_request_id(token)
    assert list(
        AuditEntry.objects.filter(stream="pd:1").order_by("id").values_list("seq", flat=True)
    ) == [
        1,
        2,
        3,
        4,
    ]
    assert AuditEntry.objects.get(stream="pd:1", seq=4).request_id == "req-12345678"
    assert AuditStream.objects.get(key="pd:2").last_seq == 2
    assert audit_chain_verify() == (6, None)


@pytest.mark.django_db
def test_audit_verify_command_exits_zero_when_intact(capsys):
    record(3)
    call_command("audit_verify")
    assert "3 entries checked" in capsys.readouterr().out


@pytest.mark.django_db
def test_the_orm_refuses_updates_and_deletes():
    entry = record(1)[0]
    with pytest.raises(TypeError, match="append-only"):
        entry.save()
    with pytest.raises(TypeError, match="append-only"):
        entry.delete()
    with pytest.raises(TypeError, match="append-only"):
        AuditEntry.objects.filter(pk=entry.pk).update(action="forged")
    with pytest.raises(TypeError, match="append-only"):
        AuditEntry.objects.all().delete()


@pytest.mark.django_db
def test_the_database_refuses_updates():
    entry = record(1)[0]
    with (
        pytest.raises((IntegrityError, DatabaseError)),
        transaction.atomic(),
        connection.cursor() as cur,
    ):
        cur.execute("UPDATE audit_auditentry SET action = 'forged' WHERE id = %s", [entry.pk])


@pytest.mark.django_db
def test_an_altered_entry_is_named(capsys):
    entries = record(4)
    with triggers_off(), connection.cursor() as cur:
        cur.execute("UPDATE audit_auditentry SET object_id = '99' WHERE id = %s", [entries[1].pk])
    _, problem = audit_chain_verify()
    assert problem is not None
    assert (problem.code, problem.stream, problem.seq, problem.entry_id) == (
        "altered",
        "pd:1",
        2,
        entries[1].pk,
    )
    with pytest.raises(CommandError, match=rf"altered.*sequence 2, entry id {entries[1].pk}"):
        call_command("audit_verify")


@pytest.mark.django_db
def test_a_removed_entry_is_named():
    entries = record(4)
    with triggers_off(), connection.cursor() as cur:
        cur.execute("DELETE FROM audit_auditentry WHERE id = %s", [entries[1].pk])
    _, problem = audit_chain_verify()
    assert problem is not None
    assert (problem.code, problem.seq, problem.entry_id) == ("gap", 3, entries[2].pk)
    with pytest.raises(CommandError, match="gap"):
        call_command("audit_verify")


@pytest.mark.django_db
def test_a_removed_last_entry_is_found_through_the_head():
    entries = record(3)
    with triggers_off(), connection.cursor() as cur:
        cur.execute("DELETE FROM audit_auditentry WHERE id = %s", [entries[-1].pk])
    _, problem = audit_chain_verify()
    assert problem is not None
    assert (problem.code, problem.seq) == ("head_mismatch", 3)


@pytest.mark.django_db
def test_reordered_entries_are_named():
    entries = record(4)
    a, b = entries[1], entries[2]
    with triggers_off(), connection.cursor() as cur:
        cur.execute("UPDATE audit_auditentry SET seq = 1000 WHERE id = %s", [a.pk])
        cur.execute("UPDATE audit_auditentry SET seq = 2 WHERE id = %s", [b.pk])
        cur.execute("UPDATE audit_auditentry SET seq = 3 WHERE id = %s", [a.pk])
    _, problem = audit_chain_verify()
    assert problem is not None
    assert (problem.code, problem.seq, problem.entry_id) == ("broken_link", 2, b.pk)
    with pytest.raises(CommandError, match="broken_link"):
        call_command("audit_verify")


@pytest.mark.django_db(transaction=True)
def test_parallel_writers_keep_one_unbroken_chain():
    """Writers in the same stream queue on its head; none gets a duplicate sequence."""
    errors: list[BaseException] = []

    def writer(k: int) -> None:
        try:
            for i in range(5):
                audit_record(
                    actor=None,
                    stream="pd:7",
                    change=Change(action="test.parallel", object_type="t", object_id=f"{k}-{i}"),
                )
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    seqs = sorted(AuditEntry.objects.filter(stream="pd:7").values_list("seq", flat=True))
    assert seqs == list(range(1, 21))
    assert audit_chain_verify() == (20, None)
