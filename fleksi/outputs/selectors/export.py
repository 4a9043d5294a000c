"""The realisation export for entry into e-Kinerja (layout in ``docs/outputs.md``): one row
per planned output (with its report) and per unplanned report, from the same facts as the
measures."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from decimal import Decimal
from typing import Any

from django.conf import settings

from fleksi.common.domain.months import month_key
from fleksi.org.models import Employee
from fleksi.outputs.models import SkpResult
from fleksi.outputs.selectors.measures import OutputRow, PeriodFacts

COLUMNS = (
    "NIP",
    "NAMA",
    "UNIT_KERJA",
    "PERIODE",
    "TANGGAL",
    "JENIS_HARI",
    "NO_RHK",
    "RENCANA_HASIL_KERJA",
    "RENCANA_OUTPUT",
    "TARGET",
    "REALISASI",
    "SATUAN",
    "URAIAN_REALISASI",
    "BUKTI_DUKUNG",
    "STATUS_VERIFIKASI",
    "KUALITAS",
    "TERLAMBAT",
)
# Fixed codes, whatever the language of the person exporting (e-Kinerja is in Indonesian).
STATUS_CODES = {
    "": "belum_dilaporkan",
    "submitted": "menunggu_verifikasi",
    "accepted": "diterima",
    "returned": "dikembalikan",
    "rejected": "ditolak",
}
MODE_CODES = {"wfa": "WFA", "onsite": "kantor"}


def _number(value: Decimal | None) -> str:
    if value is None:
        return ""
    return format(value.normalize(), "f") if value == value.to_integral() else f"{value:.2f}"


def evidence_links(row: OutputRow) -> str:
    base = str(getattr(settings, "FLEKSI_BASE_URL", "")).rstrip("/")
    links = []
    if row.has_file and row.report_id is not None:
        links.append(f"{base}/outputs/reports/{row.report_id}/evidence/")
    if row.evidence_url:
        links.append(row.evidence_url)
    return " ".join(links)


def export_rows(facts: PeriodFacts, nips: Collection[int] | None = None) -> Iterator[list[Any]]:
    """The export's rows; ``nips``: the people whose NIP the reader may read (None: everyone's),
    the others' NIP cell is empty."""
    people = {
        pk: (nip, name, unit)
        for pk, nip, name, unit in Employee.objects.filter(
            pk__in={r.employee_id for r in facts.rows}
        ).values_list("id", "nip", "name", "unit__name")
    }
    rhks = {
        pk: (number, text)
        for pk, number, text in SkpResult.objects.filter(
            pk__in={r.rhk_id for r in facts.rows if r.rhk_id}
        ).values_list("id", "number", "text")
    }
    period = month_key(facts.start) if facts.start.day == 1 else facts.start.isoformat()
    for r in facts.rows:
        nip, name, unit = people[r.employee_id]
        if nips is not None and r.employee_id not in nips:
            nip = ""
        number, rhk_text = rhks.get(r.rhk_id or 0, ("", ""))
        yield [
            nip,
            name,
            unit,
            period,
            r.day.isoformat(),
            MODE_CODES[r.mode],
            number,
            rhk_text,
            r.description,
            _number(r.target),
            _number(r.quantity),
            r.unit,
            r.report_text,
            evidence_links(r),
            STATUS_CODES.get(r.status, r.status),
            "" if r.quality is None else r.quality,
            "ya" if r.late else "",
        ]
