"""Database triggers that keep each stream a chain and its head honest (issue 13 §5).

- An entry may only be appended at the tail of its stream: its ``seq`` is the last one + 1
  and its ``prev_hash`` the last entry's hash (one lookup on the (stream, seq) index).
- A stream head is created empty (``seq`` 0, the genesis hash), only moves forward, and
  always points to the last entry of its stream, with that entry's hash; on PostgreSQL it
  cannot be deleted either. (On SQLite Django's test tooling and ``flush`` empty tables with
  DELETE, so deletion is left to the chain check and the anchors, as for entries.)

Whoever owns the tables can still switch the triggers off: the anchored checkpoints
(``audit_anchor``) catch what gets past them, and the operations guide keeps the
application's database user from owning these tables.
"""

from django.db import migrations

GENESIS = "0" * 64

SQLITE_UP = [
    f"""CREATE TRIGGER audit_entry_at_tail BEFORE INSERT ON audit_auditentry
       WHEN NEW.seq <> COALESCE(
              (SELECT max(seq) FROM audit_auditentry WHERE stream = NEW.stream), 0) + 1
         OR NEW.prev_hash <> COALESCE(
              (SELECT hash FROM audit_auditentry WHERE stream = NEW.stream
               ORDER BY seq DESC LIMIT 1), '{GENESIS}')
       BEGIN SELECT RAISE(ABORT, 'an audit entry must follow the last entry of its stream');
       END""",
    f"""CREATE TRIGGER audit_stream_created_empty BEFORE INSERT ON audit_auditstream
       WHEN NEW.last_seq <> 0 OR NEW.last_hash <> '{GENESIS}'
       BEGIN SELECT RAISE(ABORT, 'an audit stream head starts empty'); END""",
    """CREATE TRIGGER audit_stream_moves_forward BEFORE UPDATE ON audit_auditstream
       WHEN NEW.key <> OLD.key OR NEW.last_seq <= OLD.last_seq
         OR NOT EXISTS (SELECT 1 FROM audit_auditentry
                        WHERE stream = NEW.key AND seq = NEW.last_seq AND hash = NEW.last_hash)
         OR EXISTS (SELECT 1 FROM audit_auditentry WHERE stream = NEW.key AND seq > NEW.last_seq)
       BEGIN SELECT RAISE(ABORT, 'an audit stream head only moves forward to its last entry');
       END""",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS audit_entry_at_tail",
    "DROP TRIGGER IF EXISTS audit_stream_created_empty",
    "DROP TRIGGER IF EXISTS audit_stream_moves_forward",
]

POSTGRES_UP = [
    f"""CREATE OR REPLACE FUNCTION audit_entry_at_tail() RETURNS trigger AS $$
       DECLARE tail_seq bigint; tail_hash text;
       BEGIN
         SELECT e.seq, e.hash INTO tail_seq, tail_hash FROM audit_auditentry e
          WHERE e.stream = NEW.stream ORDER BY e.seq DESC LIMIT 1;
         IF tail_seq IS NULL THEN tail_seq := 0; tail_hash := '{GENESIS}'; END IF;
         IF NEW.seq <> tail_seq + 1 OR NEW.prev_hash <> tail_hash THEN
           RAISE EXCEPTION 'an audit entry must follow the last entry of its stream';
         END IF;
         RETURN NEW;
       END; $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER audit_entry_at_tail BEFORE INSERT ON audit_auditentry
       FOR EACH ROW EXECUTE FUNCTION audit_entry_at_tail()""",
    f"""CREATE OR REPLACE FUNCTION audit_stream_guard() RETURNS trigger AS $$
       BEGIN
         IF TG_OP = 'DELETE' THEN
           RAISE EXCEPTION 'an audit stream head cannot be removed';
         END IF;
         IF TG_OP = 'INSERT' THEN
           IF NEW.last_seq <> 0 OR NEW.last_hash <> '{GENESIS}' THEN
             RAISE EXCEPTION 'an audit stream head starts empty';
           END IF;
           RETURN NEW;
         END IF;
         IF NEW.key <> OLD.key OR NEW.last_seq <= OLD.last_seq
            OR NOT EXISTS (SELECT 1 FROM audit_auditentry e WHERE e.stream = NEW.key
                           AND e.seq = NEW.last_seq AND e.hash = NEW.last_hash)
            OR EXISTS (SELECT 1 FROM audit_auditentry e
                       WHERE e.stream = NEW.key AND e.seq > NEW.last_seq) THEN
           RAISE EXCEPTION 'an audit stream head only moves forward to its last entry';
         END IF;
         RETURN NEW;
       END; $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER audit_stream_guard BEFORE INSERT OR UPDATE OR DELETE ON audit_auditstream
       FOR EACH ROW EXECUTE FUNCTION audit_stream_guard()""",
]
POSTGRES_DOWN = [
    "DROP TRIGGER IF EXISTS audit_entry_at_tail ON audit_auditentry",
    "DROP FUNCTION IF EXISTS audit_entry_at_tail()",
    "DROP TRIGGER IF EXISTS audit_stream_guard ON audit_auditstream",
    "DROP FUNCTION IF EXISTS audit_stream_guard()",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only_triggers")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}),
            _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}),
        )
    ]
