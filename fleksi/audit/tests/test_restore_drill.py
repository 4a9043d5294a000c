"""Backups that restore (issue 19 §4): ``manage.py backup`` records the audit heads (a signed
checkpoint) and dumps the database; the dump is restored into a new database with
``pg_restore``, and ``manage.py audit_verify`` — a separate process on the restored database,
as an operator would run it — passes against the heads recorded at backup time. An insider
who then cuts a stream's tail in the restored copy (triggers off, head moved back: the chain
alone still looks whole) is caught by the checkpoint.

PostgreSQL only (pg_dump); skipped on SQLite."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from fleksi.audit.anchors import key_generate, read_checkpoints
from fleksi.audit.management.commands.backup import pg_environment
from fleksi.audit.tests.test_trail import record

pytestmark = [
    pytest.mark.skipif(
        not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
        reason="pg_dump needs PostgreSQL",
    ),
    pytest.mark.django_db(transaction=True),
]

MOMENT = datetime(2026, 4, 21, 1, 0, tzinfo=UTC)


def psql(database: str, sql: str) -> None:
    env = pg_environment()
    subprocess.run(
        ["psql", "-v", "ON_ERROR_STOP=1", "-q", "-d", database, "-c", sql],
        env=env,
        check=True,
        capture_output=True,
    )


def audit_verify(database: str, *args: str) -> subprocess.CompletedProcess[str]:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    url = f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{database}"
    return subprocess.run(
        [sys.executable, "manage.py", "audit_verify", *args],
        cwd=settings.BASE_DIR,
        env={
            **pg_environment(),
            "DATABASE_URL": url,
            "DJANGO_SETTINGS_MODULE": "config.test_settings",
        },
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def restored_name():
    name = f"{connection.settings_dict['NAME']}_restored"
    psql("postgres", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    yield name
    psql("postgres", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_backup_restores_and_verifies_against_the_heads_at_backup_time(tmp_path, restored_name):
    private = tmp_path / "anchor.key"
    public = key_generate(private)
    record(3, "pd:1")
    record(2, "pd:2")
    out = tmp_path / "backups"
    printed = io.StringIO()
    with time_machine.travel(MOMENT, tick=False):
        call_command("backup", out=str(out), key=str(private), anchor_history="", stdout=printed)
    dump = out / "fleksi-20260421T010000Z.dump"
    anchor = out / "fleksi-20260421T010000Z.anchor.jsonl"
    manifest = out / "fleksi-20260421T010000Z.sha256"
    assert printed.getvalue().split() == [str(anchor), str(dump), str(manifest)]
    heads = read_checkpoints(anchor)[-1].checkpoint.heads
    assert {stream: seq for stream, (seq, _h) in heads.items()} == {"pd:1": 3, "pd:2": 2}
    checked = subprocess.run(
        ["sha256sum", "-c", manifest.name], cwd=out, capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stdout

    # The trail grows after the backup: the restored copy knows none of it, and need not.
    record(2, "pd:1")

    psql("postgres", f'CREATE DATABASE "{restored_name}"')
    subprocess.run(
        ["pg_restore", "--no-owner", "--exit-on-error", "-d", restored_name, str(dump)],
        env=pg_environment(),
        check=True,
        capture_output=True,
    )
    drill = audit_verify(restored_name, "--anchor", str(anchor), "--public-key", str(public))
    assert drill.returncode == 0, drill.stderr
    assert "audit trail intact: 5 entries checked; matches 1 anchored checkpoints" in drill.stdout

    # An insider cuts pd:1's last entry in the restored copy and moves its head back.
    psql(
        restored_name,
        "ALTER TABLE audit_auditentry DISABLE TRIGGER USER;"
        " ALTER TABLE audit_auditstream DISABLE TRIGGER USER;"
        " DELETE FROM audit_auditentry WHERE stream = 'pd:1' AND seq = 3;"
        " UPDATE audit_auditstream SET last_seq = 2, last_hash = (SELECT hash FROM"
        " audit_auditentry WHERE stream = 'pd:1' AND seq = 2) WHERE key = 'pd:1';",
    )
    assert audit_verify(restored_name).returncode == 0  # the chain alone looks whole
    caught = audit_verify(restored_name, "--anchor", str(anchor), "--public-key", str(public))
    assert caught.returncode == 1
    assert "(cut)" in caught.stderr
    assert "pd:1" in caught.stderr


def test_backup_refuses_without_the_signing_key_unless_told(tmp_path):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="--no-anchor"):
        call_command("backup", out=str(tmp_path), key="")
    with time_machine.travel(MOMENT, tick=False):
        call_command("backup", out=str(tmp_path), key="", no_anchor=True, stdout=io.StringIO())
    assert sorted(p.name for p in Path(tmp_path).iterdir()) == [
        "fleksi-20260421T010000Z.dump",
        "fleksi-20260421T010000Z.sha256",
    ]
