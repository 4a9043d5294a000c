"""Pure rules of the people import (registry exports, modelled on SIASN).

Two steps, so that the database is read in bulk between them and never row by row:

1. :func:`parse_table` reads the header and every row on its own (cell rules, NIP rules);
2. :func:`check_parsed` checks across rows and against :class:`Known` (what Fleksi holds
   for the codes and numbers the file mentions, see :meth:`Parsed.references`).

Every problem is a :class:`Problem` (spreadsheet line, column, stable code, parameters);
``fleksi.org.importing.messages`` turns it into a translated sentence. The column layout is
in :mod:`.columns` and documented in ``docs/import-people.md``.
"""

from fleksi.org.domain.people_import.cells import Cell
from fleksi.org.domain.people_import.checks import Known
from fleksi.org.domain.people_import.columns import OPTIONAL_COLUMNS, REQUIRED_COLUMNS, Col
from fleksi.org.domain.people_import.rows import PersonRecord, PositionSpec, Problem, UnitSpec
from fleksi.org.domain.people_import.table import (
    Parsed,
    References,
    Validation,
    check_parsed,
    parse_table,
    validate,
    with_reading_problems,
)

__all__ = [
    "OPTIONAL_COLUMNS",
    "REQUIRED_COLUMNS",
    "Cell",
    "Col",
    "Known",
    "Parsed",
    "PersonRecord",
    "PositionSpec",
    "Problem",
    "References",
    "UnitSpec",
    "Validation",
    "check_parsed",
    "parse_table",
    "validate",
    "with_reading_problems",
]
