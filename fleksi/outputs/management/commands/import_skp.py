"""``manage.py import_skp FILE [--dry-run]``: SKPs (RHK and indicators) from CSV/XLSX."""

from __future__ import annotations

from fleksi.common.importing.command import ImportCommand
from fleksi.outputs.importing import skp_file_import
from fleksi.outputs.messages import IMPORT_MESSAGES


class Command(ImportCommand):
    import_file = staticmethod(skp_file_import)
    help = (
        "Import SKPs (planned results with indicators and targets) from CSV or XLSX "
        "(docs/outputs.md)."
    )
    messages = IMPORT_MESSAGES
    summary = (
        "{report.skps} SKP(s): {verb} {report.created} results added, {report.updated} "
        "updated, {report.deleted} removed; {report.unchanged} unchanged."
    )
