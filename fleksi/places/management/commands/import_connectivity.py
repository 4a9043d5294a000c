"""``manage.py import_connectivity FILE [--dry-run]``: connectivity profiles per desa/kelurahan
from a survey file (CSV or XLSX; layout in ``docs/places-readiness.md``)."""

from __future__ import annotations

from typing import Any

from fleksi.common.importing.command import ImportCommand
from fleksi.places.importing import profile_file_import
from fleksi.places.messages import row_problem_message


class Command(ImportCommand):
    import_file = staticmethod(profile_file_import)
    help = (
        "Import connectivity profiles (best network, 24-hour electricity, blank spot, source, "
        "date) per desa/kelurahan from CSV or XLSX (docs/places-readiness.md)."
    )
    summary = (
        "{report.rows} row(s): {verb} {report.created} added, {report.updated} updated; "
        "{report.unchanged} unchanged."
    )

    def problem_text(self, problem: Any) -> str:
        return row_problem_message(problem)
