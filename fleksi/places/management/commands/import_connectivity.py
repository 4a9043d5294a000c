"""``manage.py import_connectivity FILE [--dry-run]``: connectivity profiles per desa/kelurahan
from a survey file (CSV or XLSX; layout in ``docs/places-readiness.md``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from fleksi.places.importing import profile_file_import
from fleksi.places.messages import row_problem_message


class Command(BaseCommand):
    help = (
        "Import connectivity profiles (best network, 24-hour electricity, blank spot, source, "
        "date) per desa/kelurahan from CSV or XLSX (docs/places-readiness.md)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and count only; write nothing."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        report = profile_file_import(
            actor=None, name=path.name, data=path.read_bytes(), dry_run=options["dry_run"]
        )
        for p in report.problems:
            where = f"line {p.line}" if p.line else "file"
            column = f", {p.column}" if p.column else ""
            self.stderr.write(f"{path.name}: {where}{column}: {row_problem_message(p)}")
        if report.problems:
            raise CommandError(f"{len(report.problems)} problem(s); nothing was imported.")
        verb = "would change" if options["dry_run"] else "changed"
        self.stdout.write(
            f"{report.rows} row(s): {verb} {report.created} added, {report.updated} updated; "
            f"{report.unchanged} unchanged."
        )
