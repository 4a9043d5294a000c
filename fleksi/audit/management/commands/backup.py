from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

from fleksi.audit.anchors import AnchorError, anchor_write


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def pg_environment(alias: str = DEFAULT_DB_ALIAS) -> dict[str, str]:
    """libpq's variables for a database of the settings (pg_dump, pg_restore, psql)."""
    db = connections[alias].settings_dict
    env = dict(os.environ)
    for var, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ):
        if db.get(key):
            env[var] = str(db[key])
    return env


class Command(BaseCommand):
    help = (
        "Back up the PostgreSQL database: first a signed checkpoint of every audit stream's "
        "head (the heads at backup time, appended to a copy of AUDIT_ANCHOR_FILE), then "
        "pg_dump -Fc, then a SHA-256 manifest (sha256sum -c). See docs/operations.md."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", default=str(settings.BASE_DIR / "var" / "backups"))
        parser.add_argument("--key", default=settings.AUDIT_ANCHOR_KEY_FILE, help="signing key")
        parser.add_argument(
            "--anchor-history",
            default=settings.AUDIT_ANCHOR_FILE,
            help="the checkpoint file so far (copied into the backup's own)",
        )
        parser.add_argument(
            "--no-anchor", action="store_true", help="without the audit heads (not advised)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if connections[DEFAULT_DB_ALIAS].vendor != "postgresql":
            raise CommandError(
                "backup needs PostgreSQL; an SQLite database is copied with "
                "sqlite3 FILE '.backup COPY'"
            )
        if not options["key"] and not options["no_anchor"]:
            raise CommandError("give --key (or AUDIT_ANCHOR_KEY_FILE), or --no-anchor")
        out = Path(options["out"])
        out.mkdir(parents=True, exist_ok=True)
        base = f"fleksi-{timezone.now().strftime('%Y%m%dT%H%M%SZ')}"
        dump, anchor, manifest = (
            out / f"{base}.dump",
            out / f"{base}.anchor.jsonl",
            out / f"{base}.sha256",
        )
        made = [dump]
        # The heads first: the dump, taken after, holds every entry they name (heads only
        # move forward), so the restored database must verify against them.
        if not options["no_anchor"]:
            history = Path(options["anchor_history"]) if options["anchor_history"] else None
            if history and history.exists():
                shutil.copyfile(history, anchor)
            try:
                anchor_write(key_file=Path(options["key"]), out=anchor, force=True)
            except (AnchorError, OSError, ValueError) as exc:
                raise CommandError(f"audit heads not recorded: {exc}") from exc
            made.insert(0, anchor)
        completed = subprocess.run(  # noqa: S603
            ["pg_dump", "--format=custom", "--file", str(dump)],  # noqa: S607
            env=pg_environment(),
            capture_output=True,
            text=True,
            check=False,
        )
        if completed.returncode != 0:
            dump.unlink(missing_ok=True)
            raise CommandError(f"pg_dump failed: {completed.stderr.strip()}")
        manifest.write_text(
            "".join(f"{_sha256(path)}  {path.name}\n" for path in made), encoding="utf-8"
        )
        for path in [*made, manifest]:
            self.stdout.write(str(path))
