"""``manage.py import_skp FILE [--dry-run]``: SKPs (RHK and indicators) from CSV/XLSX."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from fleksi.outputs.importing import skp_file_import
from fleksi.outputs.messages import row_problem_message


class Command(BaseCommand):
    help = (
        "Import SKPs (planned results with indicators and targets) from CSV or XLSX "
        "(docs/outputs.md)."
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
        report = skp_file_import(
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
            f"{report.skps} SKP(s): {verb} {report.created} results added, "
            f"{report.updated} updated, {report.deleted} removed; {report.unchanged} unchanged."
        )
