"""The figures of a monthly attendance recap and the layout of its export (the attendance
component, 40 %, of the regional allowance TPP). Column codes are stable: systems that read
the export match on them (``docs/presence.md`` explains each)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields

from fleksi.common.domain.tables import Sheet, csv_text, xlsx_bytes


@dataclass(frozen=True)
class Totals:
    working_days: int = 0
    onsite_days: int = 0
    wfa_days: int = 0
    duty_days: int = 0
    leave_days: int = 0
    missing_days: int = 0
    late_days: int = 0
    late_minutes: int = 0
    early_days: int = 0
    early_minutes: int = 0
    incomplete_days: int = 0
    flagged_days: int = 0
    synced_late: int = 0
    manual: int = 0
    unproven_time: int = 0  # offline check-ins whose time the evidence did not bear out
    refused: int = 0

    def __add__(self, other: Totals) -> Totals:
        return Totals(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    def values(self) -> tuple[int, ...]:
        return tuple(getattr(self, f.name) for f in fields(self))


TOTAL_COLUMNS = tuple(f.name for f in fields(Totals))
PERSON_COLUMNS = ("nip", "name", "perangkat_daerah", "unit", "month")
EXPORT_COLUMNS = PERSON_COLUMNS + TOTAL_COLUMNS
CSV_DELIMITER = ";"


def export_csv(rows: Iterable[Sequence[object]]) -> bytes:
    """UTF-8, ``;``-separated, a header row of the column codes."""
    return csv_text(EXPORT_COLUMNS, rows, delimiter=CSV_DELIMITER).encode()


def export_xlsx(
    rows: Iterable[Sequence[object]], *, labels: Sequence[str], title: str, legend_title: str
) -> bytes:
    """One sheet of figures (header: the column codes; a second row of labels would break
    readers that match on codes, so the labels are on a second sheet)."""
    legend = list(zip(EXPORT_COLUMNS, labels, strict=True))
    return xlsx_bytes([Sheet(title, EXPORT_COLUMNS, rows), Sheet(legend_title, (), legend)])
