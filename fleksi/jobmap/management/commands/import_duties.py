"""``manage.py import_duties FILE [--dry-run]``: duties per position from a CSV/XLSX file."""

from __future__ import annotations

from fleksi.common.importing.command import ImportCommand
from fleksi.jobmap.importing import duty_file_import
from fleksi.jobmap.messages import IMPORT_MESSAGES


class Command(ImportCommand):
    import_file = staticmethod(duty_file_import)
    help = "Import duties (uraian tugas) per position from CSV or XLSX (docs/import-duties.md)."
    messages = IMPORT_MESSAGES
    summary = (
        "{report.positions} position(s): {verb} {report.created} added, {report.updated} "
        "updated, {report.deleted} removed; {report.unchanged} unchanged."
    )
