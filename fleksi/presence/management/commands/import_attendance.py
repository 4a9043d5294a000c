"""``manage.py import_attendance FILE [--device SN] [--dry-run]``: check-ins from an office
attendance reader's log or a generic CSV/XLSX (docs/presence.md)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandParser

from fleksi.common.importing.command import ImportCommand
from fleksi.presence.messages import IMPORT_MESSAGES
from fleksi.presence.services.readers import AttendanceReport, attendance_file_import


class Command(ImportCommand):
    import_file = staticmethod(attendance_file_import)
    help = (
        "Import check-ins (source 'reader') from an attendance reader's log (attlog .dat/.txt) "
        "or a CSV/XLSX with NIP or ID_PENGGUNA, WAKTU, STATUS (docs/presence.md)."
    )
    messages = IMPORT_MESSAGES
    summary = (
        "{report.rows} punch(es): {verb} {report.created} check-in(s) added; "
        "{report.unchanged} already imported, {report.taken} for a slot already taken, "
        "{report.ignored} break punch(es) ignored."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--device", default="", help="The reader's serial number or name, as in the mapping."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        device = options["device"]

        def run(**kw: Any) -> AttendanceReport:
            report = attendance_file_import(device=device, **kw)
            if not report.problems:  # punches not written, said before the summary
                for p in report.notices:
                    self.stdout.write(f"{kw['name']}: line {p.line}: {self.problem_text(p)}")
            return report

        self.import_file = run
        super().handle(*args, **options)
