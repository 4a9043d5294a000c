"""Many rows into one table at once, without a model instance per row: PostgreSQL's COPY,
else one ``executemany`` (SQLite). For imports of tens of thousands of rows, where building
and compiling model instances costs more than the database's work.

Values are Python values as the model's fields take them; a JSON column takes either a
Python value or a ``str`` that is already JSON text (so a caller can serialise a value shared
by many rows once). Nothing of ``save()`` runs (no signals, no ``auto_now``, no Python-side
defaults): the caller gives every column that is not nullable. Ids come from the table's
own sequence. Database errors (a unique constraint) are Django's (``IntegrityError``); call
it inside the caller's transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection, models


def _json_text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value)


def insert_rows(
    model: type[models.Model], columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> int:
    """Insert ``rows`` (one value per column, in the order of ``columns``, attribute names
    such as ``employee_id``); returns the number of rows written."""
    fields = {f.attname: f for f in model._meta.concrete_fields}
    targets = [fields[c] for c in columns]
    json_at = [i for i, f in enumerate(targets) if isinstance(f, models.JSONField)]
    table = connection.ops.quote_name(model._meta.db_table)
    cols = ", ".join(connection.ops.quote_name(f.column or f.attname) for f in targets)
    written = 0
    with connection.cursor() as cursor, connection.wrap_database_errors:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
                for row in rows:
                    values = list(row)
                    for i in json_at:
                        values[i] = _json_text(values[i])
                    copy.write_row(values)
                    written += 1
            return written
        prepared = []
        for row in rows:
            values = [
                _json_text(v) if i in json_at else f.get_db_prep_save(v, connection)
                for i, (f, v) in enumerate(zip(targets, row, strict=True))
            ]
            prepared.append(values)
        marks = ", ".join(["%s"] * len(targets))
        cursor.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks})", prepared)  # noqa: S608
        return len(prepared)
