from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from fleksi.audit.anchors import AnchorError, anchor_write, key_generate


class Command(BaseCommand):
    help = (
        "Append a signed checkpoint of every audit stream's head to the anchor file that the "
        "Inspektorat keeps (see docs/operations.md). --new-key creates the signing key."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--key", default=settings.AUDIT_ANCHOR_KEY_FILE, help="private key")
        parser.add_argument("--out", default=settings.AUDIT_ANCHOR_FILE, help="anchor file")
        parser.add_argument("--force", action="store_true", help="even if no head moved")
        parser.add_argument("--new-key", metavar="PATH", help="create a signing key at PATH")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["new_key"]:
            try:
                public = key_generate(Path(options["new_key"]))
            except FileExistsError as exc:
                raise CommandError(f"{options['new_key']} exists; not overwritten") from exc
            self.stdout.write(f"signing key written; give {public} to the Inspektorat")
            return
        if not options["key"] or not options["out"]:
            raise CommandError("give --key and --out (or AUDIT_ANCHOR_KEY_FILE/AUDIT_ANCHOR_FILE)")
        try:
            checkpoint = anchor_write(
                key_file=Path(options["key"]), out=Path(options["out"]), force=options["force"]
            )
        except (AnchorError, OSError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        if checkpoint is None:
            self.stdout.write("no head moved since the last checkpoint; nothing written")
            return
        self.stdout.write(
            f"checkpoint {checkpoint.at}: {len(checkpoint.heads)} streams, "
            f"{sum(seq for seq, _h in checkpoint.heads.values())} entries"
        )
