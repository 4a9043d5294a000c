"""The XLSX of a report: one sheet per table (headline, before/after, units of concern, by
perangkat daerah, by kecamatan, trend), numbers as numbers."""

from __future__ import annotations

import io
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook

from fleksi.insights.services.report_content import ReportContent, Table


def _safe(value: Any) -> Any:
    """Text a spreadsheet would run as a formula stays text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def _sheet(
    book: Workbook, title: str, header: tuple[str, ...], rows: list[tuple[Any, ...]]
) -> None:
    sheet = book.create_sheet(title[:31])
    sheet.append([_safe(h) for h in header])
    for row in rows:
        sheet.append([_safe(v) for v in row])


def report_xlsx(c: ReportContent) -> bytes:
    book = Workbook(write_only=True)
    _sheet(
        book,
        _("Summary"),
        (_("Item"), _("Value")),
        [(_("Report"), c.title), (_("Period"), c.period_label), (_("Generated"), c.generated_at)]
        + [(line, "") for line in c.basis]
        + [(label, value) for label, value in c.headline],
    )
    tables: list[Table] = [c.changes, *c.tables]
    _sheet(
        book,
        _("Units of concern"),
        (_("Unit"), _("Rule"), _("Reason"), _("Recommendation")),
        list(c.concerns),
    )
    for t in tables:
        _sheet(book, t.title, t.header, t.rows)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
