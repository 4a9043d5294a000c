"""``manage.py import_connectivity FILE [--dry-run]``: connectivity profiles per desa/kelurahan
from a survey file (CSV or XLSX; layout in ``docs/places-readiness.md``)."""

from __future__ import annotations

from fleksi.common.importing.command import ImportCommand
from fleksi.places.importing import profile_file_import
from fleksi.places.messages import IMPORT_MESSAGES


class Command(ImportCommand):
    import_file = staticmethod(profile_file_import)
    help = (
        "Import connectivity profiles (best network, 24-hour electricity, blank spot, source, "
        "date) per desa/kelurahan from CSV or XLSX (docs/places-readiness.md)."
    )
    messages = IMPORT_MESSAGES
    summary = (
        "{report.rows} row(s): {verb} {report.created} added, {report.updated} updated; "
        "{report.unchanged} unchanged."
    )
