from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from fleksi.audit.anchors import key_generate
from fleksi.common.domain.months import parse_month
from fleksi.insights.domain.national import DocumentRefused
from fleksi.insights.services.national import aggregate_publish


class Command(BaseCommand):
    help = (
        "Write this instance's signed aggregate document of a month (figures summed over all "
        "units, no personal data) for the national view. --new-key creates a signing key."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--month", help="YYYY-MM (its figures must have been refreshed)")
        parser.add_argument("--code", help="the instance's code, e.g. the Kemendagri code 64.02")
        parser.add_argument("--name", help="the instance's name")
        parser.add_argument("--key", help="Ed25519 private key (PEM)")
        parser.add_argument("--out", help="file to write (JSON)")
        parser.add_argument("--new-key", metavar="PATH", help="create a signing key at PATH")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["new_key"]:
            try:
                public = key_generate(Path(options["new_key"]))
            except FileExistsError as exc:
                raise CommandError(f"{options['new_key']} exists; not overwritten") from exc
            self.stdout.write(f"signing key written; give {public} to the national reader")
            return
        month = parse_month(options["month"])
        missing = [o for o in ("code", "name", "key", "out") if not options[o]]
        if month is None or missing:
            raise CommandError("give --month YYYY-MM, --code, --name, --key and --out")
        try:
            signed = aggregate_publish(
                month=month,
                code=options["code"],
                name=options["name"],
                key_file=Path(options["key"]),
            )
        except (DocumentRefused, OSError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        Path(options["out"]).write_text(
            json.dumps(signed, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
            encoding="utf-8",
        )
        headcount = signed["document"]["figures"]["headcount"]
        self.stdout.write(
            f"{options['out']}: {options['code']} {month:%Y-%m}, {headcount} employees"
        )
