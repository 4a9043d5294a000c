"""An insider with database rights cannot rewrite the trail unnoticed (issue 13 §5): the
heads are protected like the entries, entries only join at a stream's tail, the first bad
entry is named exactly, and signed checkpoints kept outside the database catch a rewrite
that re-hashes a stream, a cut tail, a removed stream and emptied tables."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from fleksi.audit.anchors import anchor_verify, anchor_write, key_generate
from fleksi.audit.domain.chain import GENESIS_HASH, entry_hash
from fleksi.audit.models import AuditEntry, AuditStream
from fleksi.audit.selectors import audit_chain_verify
from fleksi.audit.tests.test_trail import record, triggers_off

pytestmark = pytest.mark.django_db


def refused(sql, params=()):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cur:
        cur.execute(sql, params)


def forge(stream, seq, prev_hash, object_id="forged"):
    """Insert an entry with a correct hash, as someone who knows the format would."""
    entry = AuditEntry(
        stream=stream,
        seq=seq,
        prev_hash=prev_hash,
        at=AuditEntry.objects.filter(stream=stream).first().at,
        action="test.change",
        object_type="t",
        object_id=object_id,
    )
    entry.hash = entry_hash(stream=stream, seq=seq, prev_hash=prev_hash, payload=entry.payload())
    entry.save(force_insert=True)
    return entry


def rehash_from(stream, seq):
    """Re-chain every entry of ``stream`` from ``seq`` on and move the head to the new tail."""
    prev = AuditEntry.objects.get(stream=stream, seq=seq - 1).hash if seq > 1 else GENESIS_HASH
    with connection.cursor() as cur:
        for e in AuditEntry.objects.filter(stream=stream, seq__gte=seq).order_by("seq"):
            new = entry_hash(stream=stream, seq=e.seq, prev_hash=prev, payload=e.payload())
            cur.execute(
                "UPDATE audit_auditentry SET prev_hash = %s, hash = %s WHERE id = %s",
                [prev, new, e.pk],
            )
            prev = new
        last = AuditEntry.objects.filter(stream=stream).order_by("-seq").first()
        cur.execute(
            "UPDATE audit_auditstream SET last_seq = %s, last_hash = %s WHERE key = %s",
            [last.seq if last else 0, prev, stream],
        )


def test_the_database_refuses_to_move_a_head_anywhere_but_to_its_last_entry():
    entries = record(3)
    refused("UPDATE audit_auditstream SET last_seq = 2, last_hash = %s", [entries[1].hash])
    refused("UPDATE audit_auditstream SET last_seq = 4")
    refused("INSERT INTO audit_auditstream (key, last_seq, last_hash) VALUES ('x', 3, 'h')")
    if connection.vendor == "postgresql":
        refused("DELETE FROM audit_auditstream")
    assert AuditStream.objects.get(key="pd:1").last_seq == 3


def test_the_database_accepts_an_entry_only_at_the_tail_of_its_stream():
    entries = record(3)
    with pytest.raises(DatabaseError), transaction.atomic():
        forge("pd:1", 5, entries[-1].hash)  # a gap
    with pytest.raises(DatabaseError), transaction.atomic():
        forge("pd:1", 4, entries[0].hash)  # pointing elsewhere
    record(1)  # the service still appends
    assert audit_chain_verify() == (4, None)


def test_a_forged_append_is_named_with_its_id():
    entries = record(3)
    with triggers_off():
        forged = forge("pd:1", 4, entries[-1].hash)
    _, problem = audit_chain_verify()
    assert (problem.code, problem.seq, problem.entry_id) == ("appended", 4, forged.pk)


def test_an_entry_slipped_in_between_is_named_not_its_genuine_neighbour():
    entries = record(4)
    with triggers_off(), connection.cursor() as cur:
        for e in reversed(entries[2:]):  # make room at 3
            cur.execute("UPDATE audit_auditentry SET seq = seq + 1 WHERE id = %s", [e.pk])
        forged = forge("pd:1", 3, entries[1].hash)
    _, problem = audit_chain_verify()
    assert (problem.code, problem.seq, problem.entry_id) == ("inserted", 3, forged.pk)


@pytest.fixture
def keys(tmp_path):
    private = tmp_path / "anchor.key"
    public = key_generate(private)
    return private, public, tmp_path / "anchors.jsonl"


def verify(anchor, public):
    call_command("audit_verify", anchor=str(anchor), public_key=str(public))


def test_checkpoints_are_signed_appended_and_skipped_when_nothing_moved(keys):
    private, public, anchor = keys
    record(2, "pd:1")
    assert anchor_write(key_file=private, out=anchor) is not None
    assert anchor_write(key_file=private, out=anchor) is None
    record(1, "pd:2")
    assert anchor_write(key_file=private, out=anchor).heads["pd:2"][0] == 1
    assert anchor_verify(anchor=anchor, public_key=public) == (2, [])
    verify(anchor, public)
    assert oct(private.stat().st_mode & 0o777) == "0o600"


def test_a_stream_rewritten_and_rehashed_diverges_from_its_checkpoint(keys):
    private, public, anchor = keys
    record(3, "pd:1")
    anchor_write(key_file=private, out=anchor)
    record(2, "pd:1")
    record(2, "pd:2")
    anchor_write(key_file=private, out=anchor)
    with triggers_off(), connection.cursor() as cur:
        cur.execute("UPDATE audit_auditentry SET object_id = 'x' WHERE stream = 'pd:1' AND seq = 4")
        rehash_from("pd:1", 4)
    assert audit_chain_verify()[1] is None  # the chain alone cannot see it
    _, problems = anchor_verify(anchor=anchor, public_key=public)
    assert [(p.code, p.stream, p.seq) for p in problems] == [("diverged", "pd:1", 5)]
    assert "after sequence 3" in problems[0].detail
    with pytest.raises(CommandError, match=r"diverged.*stream pd:1, sequence 5"):
        verify(anchor, public)


@pytest.mark.parametrize("attack", ["cut_tail", "remove_stream", "empty_tables"])
def test_cuts_and_removals_are_found_against_the_checkpoint(keys, attack):
    private, public, anchor = keys
    record(3, "pd:1")
    record(2, "pd:2")
    anchor_write(key_file=private, out=anchor)
    with triggers_off(), connection.cursor() as cur:
        if attack == "cut_tail":
            cur.execute("DELETE FROM audit_auditentry WHERE stream = 'pd:1' AND seq = 3")
            rehash_from("pd:1", 3)
        elif attack == "remove_stream":
            cur.execute("DELETE FROM audit_auditentry WHERE stream = 'pd:2'")
            cur.execute("DELETE FROM audit_auditstream WHERE key = 'pd:2'")
        else:
            cur.execute("DELETE FROM audit_auditentry")
            cur.execute("DELETE FROM audit_auditstream")
    assert audit_chain_verify()[1] is None
    _, problems = anchor_verify(anchor=anchor, public_key=public)
    expected = {
        "cut_tail": [("cut", "pd:1")],
        "remove_stream": [("cut", "pd:2")],
        "empty_tables": [("cut", "pd:1"), ("cut", "pd:2")],
    }[attack]
    assert [(p.code, p.stream) for p in problems] == expected
    with pytest.raises(CommandError, match="cut"):
        verify(anchor, public)


def test_an_edited_checkpoint_or_another_key_is_refused(keys, tmp_path):
    private, public, anchor = keys
    record(2)
    anchor_write(key_file=private, out=anchor)
    line = json.loads(anchor.read_text())
    line["heads"]["pd:1"][0] = 1
    edited = tmp_path / "edited.jsonl"
    edited.write_text(json.dumps(line) + "\n")
    with pytest.raises(CommandError, match="not signed by this key"):
        verify(edited, public)
    other = key_generate(tmp_path / "other.key")
    with pytest.raises(CommandError, match="not signed by this key"):
        verify(anchor, other)
