from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.utils.translation import gettext as _

from fleksi.accounts.services import accounts_provision
from fleksi.common.importing.command import ImportCommand
from fleksi.org.importing.batches import import_batch_run
from fleksi.org.importing.messages import describe, problem_message
from fleksi.org.importing.service import ImportResult


class Command(ImportCommand):
    """The shared ``FILE [--dry-run]``; the rest differs: a stored batch, partial imports,
    sign-in accounts for the people created, and a summary of many counts."""

    help = (
        "Import people from a registry export (CSV or XLSX; columns in docs/import-people.md). "
        "Prints every problem with its line and column, then a summary. Nothing is written "
        "unless the whole file is valid, or --accept-partial is given (then the valid rows "
        "are). Exits 1 when the file is invalid and nothing was written."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--accept-partial",
            action="store_true",
            help="when some rows have problems, import the valid rows anyway",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(_("No file at %(path)s.") % {"path": path})
        with path.open("rb") as handle:
            batch, result = import_batch_run(
                actor=None,
                file=handle,
                file_name=path.name,
                dry_run=options["dry_run"],
                accept_partial=options["accept_partial"],
            )
        if result is None:
            _line, _column, code, params = batch.errors[0]
            raise CommandError(problem_message(code, params))
        for p in result.problems:
            where = _("line %(line)d, %(column)s") % {"line": p.line, "column": p.column or "-"}
            self.stdout.write(f"{where}: {describe(p)}")
        self._summary(result)
        if result.written:
            accounts = accounts_provision(actor=None, employee_ids=result.created_employee_ids)
            self.stdout.write(_("Sign-in accounts created: %(n)d") % {"n": accounts})
            self.stdout.write(self.style.SUCCESS(_("Import %(id)d applied.") % {"id": batch.pk}))
            return
        if result.problems:
            raise CommandError(
                _("The file has problems on %(n)d rows: nothing was written.")
                % {"n": result.validation.rows_rejected}
                if result.validation.rows_rejected
                else _("The file cannot be imported: nothing was written.")
            )
        self.stdout.write(self.style.SUCCESS(_("Dry run: the file is valid; nothing was written.")))

    def _summary(self, result: ImportResult) -> None:
        s = result.summary()
        lines = [
            (_("Rows"), s["rows_total"]),
            (_("Rows with problems"), s["rows_rejected"]),
            (_("Units created"), s["units_created"]),
            (_("Units updated"), s["units_updated"]),
            (_("Positions created"), s["positions_created"]),
            (_("Positions updated"), s["positions_updated"]),
            (_("Employees created"), s["employees_created"]),
            (_("Employees updated"), s["employees_updated"]),
            (_("Employees unchanged"), s["employees_unchanged"]),
            (_("Supervisors changed"), s["supervisors_changed"]),
        ]
        for label, value in lines:
            self.stdout.write(f"{label}: {value}")
