"""The base of the ``manage.py import_*`` commands: ``FILE [--dry-run]``, every problem on
stderr by line and column, a refusal (exit 1) when there is any, else one summary line.

An app's command declares only what differs: its ``help``, its file import (called as
``import_file(actor=None, name=..., data=..., dry_run=...)``), its catalogue of problem
sentences and the summary it prints, e.g.::

    class Command(ImportCommand):
        help = "Import duties ..."
        import_file = staticmethod(duty_file_import)
        messages = IMPORT_MESSAGES
        summary = "{report.positions} position(s): {verb} {report.created} added, ..."
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from django.core.management.base import BaseCommand, CommandError, CommandParser

from fleksi.common.importing.messages import Catalogue, describe


class ImportCommand(BaseCommand):
    messages: ClassVar[Catalogue] = {}
    summary = "{report.rows} row(s): {verb} {report.created} added, {report.updated} updated."

    # The app's import of a file; its report has ``problems`` and the counts of ``summary``.
    import_file: Callable[..., Any]

    def problem_text(self, problem: Any) -> str:
        """The sentence for a problem (the shared catalogue, then the app's ``messages``)."""
        return describe(problem, self.messages)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and count only; write nothing."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        dry_run = bool(options["dry_run"])
        report = self.import_file(
            actor=None, name=path.name, data=path.read_bytes(), dry_run=dry_run
        )
        for p in report.problems:
            where = f"line {p.line}" if p.line else "file"
            column = f", {p.column}" if p.column else ""
            self.stderr.write(f"{path.name}: {where}{column}: {self.problem_text(p)}")
        if report.problems:
            raise CommandError(f"{len(report.problems)} problem(s); nothing was imported.")
        verb = "would change" if dry_run else "changed"
        self.stdout.write(self.summary.format(report=report, verb=verb))
