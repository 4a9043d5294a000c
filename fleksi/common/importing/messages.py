"""The one catalogue of import problems: a translated sentence for each stable code.

Problems are kept as codes with parameters (in a stored import batch too), so each reader
sees them in their own language. The codes here are shared by every import (the file, its
header, common cell checks); an app passes its own codes as ``extra`` (a mapping from code
to a lazily translated sentence), which come first.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from fleksi.common.domain.importing import RowProblem

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise as StrPromise

type Catalogue = Mapping[str, StrPromise]

MESSAGES: dict[str, StrPromise] = {
    # The file as a whole (the reader's limits: the file is refused, never cut)
    "file_type": _("Only .csv and .xlsx files can be imported."),
    "file_too_large": _("The file is larger than %(mb)d MB: split it into smaller files."),
    "too_many_rows": _(
        "The file has more than %(rows)d lines below the header (empty lines count too): "
        "delete the empty rows below the data or split it into smaller files. Nothing was "
        "imported."
    ),
    "file_unreadable": _(
        "The file cannot be read as %(kind)s. Save it again as CSV (UTF-8) or XLSX."
    ),
    "too_many_columns": _(
        "Line %(line)d has a value in cell %(cell)s; at most %(max)d columns are read. "
        "Delete what is right of the data and upload the file again. Nothing was imported."
    ),
    "cell_too_long": _("Cell %(cell)s holds more than %(max)d characters. Nothing was imported."),
    "too_many_cells": _(
        "The file holds more than %(max)d filled cells: split it into smaller files. Nothing "
        "was imported."
    ),
    "unpacked_too_large": _(
        "Unpacked, the workbook is larger than %(mb)d MB: save only the sheet to import, "
        "or split it. Nothing was imported."
    ),
    "shared_strings_too_large": _(
        "The texts of the workbook take more than %(mb)d MB: save only the sheet to "
        "import, or split it. Nothing was imported."
    ),
    "part_too_large": _(
        "A part of the workbook (%(part)s) is larger than %(mb)d MB. Save the file again "
        "as a plain XLSX workbook. Nothing was imported."
    ),
    "row_encoding": _(
        "This line is not UTF-8 text while the rest of the file is: it holds characters "
        "from another encoding. Save the file again as “CSV UTF-8” (or correct the line)."
    ),
    # The header
    "header_missing": _("Line 1 must hold the column names."),
    "no_rows": _("The file has no data rows below the header."),
    "column_missing": _("The required column %(column)s is missing from the header."),
    "column_duplicate": _("The column %(column)s appears more than once in the header."),
    "column_required_with": _(
        "The column %(column)s is needed when the file has the column %(other)s."
    ),
    # Applying a stored import
    "apply_failed": _(
        "The import could not be written; nothing was changed. Try again or ask the administrator."
    ),
    "import_not_pending": _(
        "This import has already been applied or cannot be applied: upload the file again."
    ),
    # One cell
    "required": _("A value is required."),
    "too_long": _("At most %(max)d characters are allowed (this value has %(length)d)."),
    "invalid_date": _("“%(value)s” is not a date: write YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY."),
    "future_date": _("The date %(value)s is in the future."),
    "year_range": _("“%(value)s” is not a year from %(min)d to %(max)d."),
    "invalid_choice": _("“%(value)s” is not an accepted value. Accepted: %(accepted)s."),
}


def problem_message(
    code: str, params: Mapping[str, Any], column: str = "", extra: Catalogue | None = None
) -> str:
    """The sentence for one problem, in the active language (the code if none is known)."""
    template = (extra or {}).get(code) or MESSAGES.get(code)
    if template is None:
        return code
    try:
        return str(template) % {"column": column, **params}
    except (KeyError, TypeError, ValueError):
        return str(template)


def describe(problem: RowProblem, extra: Catalogue | None = None) -> str:
    return problem_message(problem.code, problem.params, problem.column, extra)


def rows_for_page(
    problems: list[RowProblem], extra: Catalogue | None = None, limit: int | None = None
) -> list[tuple[int, str, str]]:
    """``(line, column, sentence)`` for a page's table of problems."""
    shown = problems if limit is None else problems[:limit]
    return [(p.line, p.column, describe(p, extra)) for p in shown]
