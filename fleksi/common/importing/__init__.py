"""One way to import a spreadsheet, for every import of Fleksi (people, duties, SKPs,
connectivity surveys, service figures and complaints).

- :mod:`.reader` reads an uploaded CSV or XLSX file into rows of cells, within
  :class:`~.reader.Limits` that it checks while streaming (never trusting what the file
  says about itself); a file beyond a limit is refused with a clear message, never cut.
- ``fleksi.common.domain.importing`` holds the pure pieces: the cell type, the
  :class:`~fleksi.common.domain.importing.RowProblem` every check reports, header helpers.
- :mod:`.messages` is the one catalogue of problem sentences (each app adds its own codes).
- :mod:`.report` is the counts-and-problems result an import returns.
- :mod:`.pipeline` runs an app's import: read, header, the app's row checks, then its
  writing (all or nothing, every problem of the file reported in one pass).
- :mod:`.command` is the base of the ``import_*`` management commands, and the template
  ``importing/page.html`` the upload → check → apply page.

Each app declares only its columns, its row checks and how it writes; see
``docs/architecture.md`` ("Imports") and decision 0016.
"""
