"""The XLSX of a report: one sheet per table (headline, before/after, units of concern, by
perangkat daerah, by kecamatan, trend), numbers as numbers."""

from __future__ import annotations

from django.utils.translation import gettext as _

from fleksi.common.domain.tables import Sheet, xlsx_bytes
from fleksi.insights.services.report_content import ReportContent, Table


def report_xlsx(c: ReportContent) -> bytes:
    summary = Sheet(
        _("Summary"),
        (_("Item"), _("Value")),
        [(_("Report"), c.title), (_("Period"), c.period_label), (_("Generated"), c.generated_at)]
        + [(line, "") for line in c.basis]
        + [(label, value) for label, value in c.headline],
    )
    concerns = Sheet(
        _("Units of concern"),
        (_("Unit"), _("Rule"), _("Reason"), _("Recommendation")),
        list(c.concerns),
    )
    tables: list[Table] = [c.changes, *c.tables]
    return xlsx_bytes([summary, concerns, *(Sheet(t.title, t.header, t.rows) for t in tables)])
